/// Language tags as term bases and users write them (`nb-NO`, `nb_NO`, `NB`, `nob`, `vi-VN`),
/// compared the BCP 47 way: by the primary language, ISO 639-3 codes read as their 639-1 ones.
public enum LanguageTag {
    private static let twoLetter: [String: String] = [
        "nob": "nb", "nno": "nn", "nor": "no", "vie": "vi", "eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr",
        "swe": "sv", "dan": "da", "fin": "fi", "jpn": "ja", "zho": "zh", "chi": "zh",
    ]

    /// The primary language subtag in lower case, a three-letter code as its two-letter one.
    public static func primary(_ tag: String) -> String {
        let first = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return twoLetter[first] ?? first
    }

    /// Whether text tagged `tag` serves a check in `requested`: the same primary language, or the
    /// macrolanguage Norwegian (`no`) for Bokmål or Nynorsk and the other way round (Nynorsk does
    /// not serve Bokmål).
    public static func serves(_ tag: String, _ requested: String) -> Bool {
        let (have, want) = (primary(tag), primary(requested))
        return have == want || (have == "no" && ["nb", "nn"].contains(want)) || (want == "no" && ["nb", "nn"].contains(have))
    }
}
