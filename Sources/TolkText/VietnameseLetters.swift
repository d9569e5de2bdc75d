/// Vietnamese spelling variants that are the same word: tone-mark placement in `oa`, `oe`, `uy`
/// and letters that only look like `Đ`.
enum VietnameseLetters {
    /// Grave, acute, hook above, tilde, dot below.
    private static let toneMarks: [Unicode.Scalar] = ["\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]
    private static let toneBases: [Unicode.Scalar] = ["a", "e", "o", "u", "y", "A", "E", "O", "U", "Y"]

    /// Precomposed toned vowel -> (base vowel, tone index); and the reverse.
    private static let tables: (split: [Unicode.Scalar: (Unicode.Scalar, Int)], join: [String: Unicode.Scalar]) = {
        var split: [Unicode.Scalar: (Unicode.Scalar, Int)] = [:]
        var join: [String: Unicode.Scalar] = [:]
        for base in toneBases {
            for (tone, mark) in toneMarks.enumerated() {
                var decomposed = String.UnicodeScalarView()
                decomposed.append(base)
                decomposed.append(mark)
                guard let composed = try? Normalizer.icuNormalize(String(decomposed), form: .nfc).unicodeScalars,
                    composed.count == 1, let scalar = composed.first
                else { continue }
                split[scalar] = (base, tone)
                join["\(base)\(tone)"] = scalar
            }
        }
        return (split, join)
    }()

    /// The word (NFC) with its tone moved to the `style` position, or nil when nothing moves.
    static func placingTone(_ word: String, style: Normalizer.ToneStyle) -> String? {
        var scalars = Array(word.unicodeScalars)
        let n = scalars.count
        guard n >= 2 else { return nil }
        let (first, firstTone) = split(scalars[n - 2])
        let (second, secondTone) = split(scalars[n - 1])
        let pair = String(first).lowercased() + String(second).lowercased()
        guard pair == "oa" || pair == "oe" || pair == "uy" else { return nil }
        if n >= 3 {
            let before = String(split(scalars[n - 3]).0).lowercased()
            if "aeiouy".contains(before) || (pair == "uy" && before == "q") { return nil }
        }
        switch (style, firstTone, secondTone) {
        case (.new, let tone?, nil):
            guard let moved = tables.join["\(second)\(tone)"] else { return nil }
            scalars[n - 2] = first
            scalars[n - 1] = moved
        case (.old, nil, let tone?):
            guard let moved = tables.join["\(first)\(tone)"] else { return nil }
            scalars[n - 2] = moved
            scalars[n - 1] = second
        default:
            return nil
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    private static func split(_ scalar: Unicode.Scalar) -> (Unicode.Scalar, Int?) {
        if let (base, tone) = tables.split[scalar] { return (base, tone) }
        return (scalar, nil)
    }

    private static let lookalikes: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{00D0}": "\u{0110}", "\u{0189}": "\u{0110}", "\u{00F0}": "\u{0111}",
    ]

    /// `Ð` (eth) and `Ɖ` (African D) written for `Đ`, `ð` for `đ`.
    static func fixingLookalikes(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { lookalikes[$0] != nil }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { lookalikes[$0] ?? $0 }))
    }
}
