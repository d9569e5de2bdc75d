/// What tolk knows about a language beyond ICU's rules: abbreviations, month names and which
/// tokenisation rules apply. Built-in data exists for `nb` (also used for `no`, `nn`) and `vi`;
/// any other ICU locale id gets ICU's rules alone.
public struct Language: Sendable {
    /// Tokenisation and segmentation rules a language can switch on.
    public enum Rule: String, Sendable, CaseIterable {
        /// `Nord-Korea`, `Laos-ledere`, `50-årsjubileet` are one token; so are `skatte-` in
        /// `skatte- og avgiftspolitikk` and `-politikk` after `og`/`eller`.
        case hyphenCompounds = "hyphen-compounds"
        /// `1.` and `22.` keep their dot before a lower-case word or a month name.
        case ordinals
        /// `Laos'` keeps its apostrophe.
        case genitiveApostrophe = "genitive-apostrophe"
        /// `H.` in `H. Ibsen` keeps its dot and does not end a sentence.
        case initials
        /// A dash opening a reply (`onsdag. - Vi ...`) starts a new sentence.
        case dialogueDash = "dialogue-dash"
        /// A colon followed by a capitalised word, an opening quote or a dash ends a sentence
        /// (`Han sa: «Vi kommer.»`), as the UD Norwegian treebank segments.
        case colonSentences = "colon-sentences"
    }

    /// The ICU locale id, e.g. "nb".
    public let code: String
    /// Lower-cased abbreviations, with their dots, that never end a sentence (`bl.a.`, `ca.`).
    public let abbreviations: Set<String>
    /// Lower-cased abbreviations that may end a sentence (`osv.`, `m.fl.`).
    public let finalAbbreviations: Set<String>
    /// Lower-cased month names (ordinals before them keep their dot).
    public let months: Set<String>
    /// Rules in force.
    public let rules: Set<Rule>

    /// The language for an ICU locale id; unknown ids get no extra rules.
    public init(code: String) {
        self.code = code
        let primary = code.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        let data = LanguageData.parse(LanguageData.builtIn[primary] ?? "")
        abbreviations = data.sections["abbreviations", default: []]
        finalAbbreviations = data.sections["final-abbreviations", default: []]
        months = data.sections["months", default: []]
        rules = Set(data.sections["rules", default: []].compactMap(Rule.init(rawValue:)))
    }

    /// Whether `abbreviation` (with its dots, any case) is known.
    func isAbbreviation(_ lowercased: String) -> Bool {
        abbreviations.contains(lowercased) || finalAbbreviations.contains(lowercased)
    }
}

/// The built-in language data and its reader. The format is line based: `[section]` headers,
/// one entry per line, `#` comments.
enum LanguageData {
    struct Parsed {
        var sections: [String: Set<String>] = [:]
    }

    static func parse(_ text: String) -> Parsed {
        var parsed = Parsed()
        var section = ""
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: " \t")
            if line.isEmpty { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
            } else {
                parsed.sections[section, default: []].insert(line.lowercased())
            }
        }
        return parsed
    }

    static let builtIn: [String: String] = [
        "nb": norwegian, "no": norwegian, "nn": norwegian,
        "vi": vietnamese,
    ]
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
