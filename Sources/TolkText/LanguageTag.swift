/// Language tags as term bases and users write them (`nb-NO`, `nb_NO`, `NB`, `nob`, `vi-VN`),
/// compared the BCP 47 way: by the primary language, ISO 639-3 codes read as their 639-1 ones.
public enum LanguageTag {
    private static let twoLetter: [String: String] = [
        "nob": "nb", "nno": "nn", "nor": "no", "vie": "vi", "eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr",
        "swe": "sv", "dan": "da", "fin": "fi", "jpn": "ja", "zho": "zh", "chi": "zh",
    ]

    /// The primary language subtag in lower case, a three-letter code as its two-letter one.
    public static func primary(_ tag: String) -> String {
        // Most tags are a two-letter code already (`nb`, `vi`): nothing to split, fold or look up.
        if tag.utf8.count == 2, tag.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { return tag }
        let first = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return twoLetter[first] ?? first
    }

    /// Whether text tagged `tag` serves a check in `requested`: the same primary language, or the
    /// macrolanguage Norwegian (`no`) for Bokmål or Nynorsk and the other way round (Nynorsk does
    /// not serve Bokmål).
    public static func serves(_ tag: String, _ requested: String) -> Bool {
        if tag == requested { return true }
        let (have, want) = (primary(tag), primary(requested))
        return have == want || (have == "no" && ["nb", "nn"].contains(want)) || (want == "no" && ["nb", "nn"].contains(have))
    }

    /// The tag in BCP 47's form (`vi_VN` -> `vi-VN`, `NB-no` -> `nb-NO`, `zh-hant-tw` ->
    /// `zh-Hant-TW`), or nil when it is not a well-formed tag (empty, a subtag of more than eight
    /// letters or digits, a primary language that is not two or three letters).
    public static func canonical(_ tag: String) -> String? {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).flatMap {
            $0.split(separator: "_", omittingEmptySubsequences: false)
        }
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
            parts.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        return parts.enumerated().map { index, part in
            if index == 0 { return part.lowercased() }
            // A region is upper case, a script title case, the rest lower case.
            if part.count == 2, part.allSatisfy(\.isLetter) { return part.uppercased() }
            if part.count == 4, part.allSatisfy(\.isLetter) { return part.prefix(1).uppercased() + part.dropFirst().lowercased() }
            return part.lowercased()
        }.joined(separator: "-")
    }
}
