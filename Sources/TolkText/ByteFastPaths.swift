// Cheap tests that rules run on every word: read from the UTF-8 bytes where they can be, so a word
// costs no Unicode property lookup and no Foundation search.

extension Unicode.Scalar {
    /// Upper case (Unicode's property): read from a table for Latin scalars (most letters of
    /// Norwegian and Vietnamese text), from Unicode's properties otherwise; a property lookup costs
    /// more than the rest of a word rule.
    public var isUppercaseLetter: Bool { LatinProperties.uppercase.contains(value) ?? properties.isUppercase }

    /// Alphabetic (Unicode's property), read like `isUppercaseLetter`.
    public var isAlphabeticLetter: Bool { LatinProperties.alphabetic.contains(value) ?? properties.isAlphabetic }
}

/// Unicode properties of the Latin scalars (U+0000-U+024F, and U+1E00-U+1EFF with the Vietnamese
/// letters), copied once from Unicode's properties into bits.
struct LatinProperties: Sendable {
    static let uppercase = LatinProperties(\.isUppercase)
    static let alphabetic = LatinProperties(\.isAlphabetic)

    private static let extendedAdditional: ClosedRange<UInt32> = 0x1E00...0x1EFF
    private static let basicEnd: UInt32 = 0x250
    private let bits: [UInt64]

    private init(_ property: KeyPath<Unicode.Scalar.Properties, Bool>) {
        var bits = [UInt64](repeating: 0, count: Int(Self.basicEnd + 0x100 + 63) / 64)
        for value in Array(0..<Self.basicEnd) + Array(Self.extendedAdditional) {
            guard let index = Self.index(value), Unicode.Scalar(value)!.properties[keyPath: property] else { continue }
            bits[index / 64] |= 1 << (index % 64)
        }
        self.bits = bits
    }

    private static func index(_ value: UInt32) -> Int? {
        if value < basicEnd { return Int(value) }
        if extendedAdditional.contains(value) { return Int(basicEnd + value - extendedAdditional.lowerBound) }
        return nil
    }

    /// Whether the property holds for `value`, or nil when it is no scalar of the table.
    func contains(_ value: UInt32) -> Bool? {
        Self.index(value).map { bits[$0 / 64] & (1 << ($0 % 64)) != 0 }
    }
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
