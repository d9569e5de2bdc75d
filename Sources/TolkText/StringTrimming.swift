extension StringProtocol {
    /// The text without leading and trailing whitespace (and line breaks).
    public func trimmed() -> String { trimming { $0.isWhitespace } }

    /// The text without leading and trailing characters from `characters` (whitespace too).
    public func trimmed(_ characters: String) -> String { trimming { $0.isWhitespace || characters.contains($0) } }

    private func trimming(_ drop: (Character) -> Bool) -> String {
        // Most words start and end with an ASCII letter or digit: nothing to trim.
        let whole = String(self)
        if let first = whole.utf8.first, let last = whole.utf8.last, Self.isASCIIAlphanumeric(first), Self.isASCIIAlphanumeric(last),
            !drop(Character(Unicode.Scalar(first))), !drop(Character(Unicode.Scalar(last)))
        {
            return whole
        }
        var slice = whole[...]
        while let first = slice.first, drop(first) { slice = slice.dropFirst() }
        while let last = slice.last, drop(last) { slice = slice.dropLast() }
        return String(slice)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
