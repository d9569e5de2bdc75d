// Cheap tests that rules run on every word: read from the UTF-8 bytes where they can be, so a word
// costs no Unicode property lookup and no Foundation search.

extension Unicode.Scalar {
    /// Upper case: read from the value for ASCII, from Unicode's properties otherwise (most letters
    /// of Norwegian text are ASCII, and a property lookup costs more than the rest of a word rule).
    @inlinable public var isUppercaseLetter: Bool { value < 0x80 ? (0x41...0x5A).contains(value) : properties.isUppercase }
}

extension String {
    /// Whether the text may start with a capital: false when its first byte is an ASCII byte other
    /// than a capital (a cheap test before `first?.isUppercase`).
    @inlinable public var mayStartWithCapital: Bool {
        guard let byte = utf8.first else { return false }
        return byte >= 0x80 || (0x41...0x5A).contains(byte)
    }

    /// Whether the text holds `needle`, compared byte for byte (no locale, no normalisation).
    public func containsBytes(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let bytes = utf8
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            if bytes[found...].starts(with: pattern) { return true }
            index = bytes.index(after: found)
        }
        return false
    }
}
