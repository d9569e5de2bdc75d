extension StringProtocol {
    /// The text without leading and trailing whitespace (and line breaks).
    public func trimmed() -> String { trimming { $0.isWhitespace } }

    /// The text without leading and trailing characters from `characters` (whitespace too).
    public func trimmed(_ characters: String) -> String { trimming { $0.isWhitespace || characters.contains($0) } }

    private func trimming(_ drop: (Character) -> Bool) -> String {
        var slice = self[...]
        while let first = slice.first, drop(first) { slice = slice.dropFirst() }
        while let last = slice.last, drop(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
