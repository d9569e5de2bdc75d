extension String {
    /// The text with each Unicode scalar for which `replacement` gives a text written as that text
    /// (the one loop behind tolk's escapers: JSON, TSV, XML, terminal and HTML codes).
    public func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let text = replacement(scalar) { result += text } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// The text with control characters (C0 but tab, DEL, C1) written as `\u{1B}`: a line of
    /// output that quotes an article cannot move the cursor, recolour or retitle a terminal.
    public var withVisibleControls: String {
        guard unicodeScalars.contains(where: Self.isControl) else { return self }
        return replacingScalars { Self.isControl($0) ? "\\u{" + String($0.value, radix: 16, uppercase: true) + "}" : nil }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }
}
