/// What tolk knows about a language beyond ICU's rules: abbreviations, month names, number words,
/// noun endings, function words and which rules apply. Built-in data exists for `nb` (also used
/// for `no`, `nn`), `vi` and `en` (function words only); any other ICU locale id gets ICU's rules
/// alone. The data is read once: `Language(code:)` costs a dictionary lookup.
public struct Language: Sendable {
    /// Tokenisation and segmentation rules a language can switch on (named in the language data
    /// by the strings in `Rules.names`).
    public struct Rules: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// `Nord-Korea`, `Laos-ledere`, `50-årsjubileet` are one token; so are `skatte-` in
        /// `skatte- og avgiftspolitikk` and `-politikk` after `og`/`eller`.
        public static let hyphenCompounds = Rules(rawValue: 1 << 0)
        /// `1.` and `22.` keep their dot before a lower-case word or a month name.
        public static let ordinals = Rules(rawValue: 1 << 1)
        /// `Laos'` keeps its apostrophe.
        public static let genitiveApostrophe = Rules(rawValue: 1 << 2)
        /// `H.` in `H. Ibsen` keeps its dot and does not end a sentence.
        public static let initials = Rules(rawValue: 1 << 3)
        /// A dash opening a reply (`onsdag. - Vi ...`) starts a new sentence.
        public static let dialogueDash = Rules(rawValue: 1 << 4)
        /// A colon followed by a capitalised word, an opening quote or a dash ends a sentence
        /// (`Han sa: «Vi kommer.»`), as the UD Norwegian treebank segments.
        public static let colonSentences = Rules(rawValue: 1 << 5)
        /// Words are runs of syllables separated by spaces (Vietnamese): `TokenUnit.word` joins them
        /// with the trained word model.
        public static let syllableWords = Rules(rawValue: 1 << 6)
        /// Sentences end at `.`, `!`, `?` or `...` (with the closing quotes and brackets after them)
        /// before anything but a lower-case word, a comma or a dash, whatever ICU says; straight quotes
        /// are paired to tell opening from closing ones.
        public static let terminalSentences = Rules(rawValue: 1 << 7)
        /// `5/10/2000` is one number token.
        public static let slashDates = Rules(rawValue: 1 << 8)
        /// A space or no-break space before exactly three digits groups thousands: `1 500`.
        public static let spaceThousands = Rules(rawValue: 1 << 9)
        /// A dot before exactly three digits groups thousands: `1.500` (otherwise it is a decimal point).
        public static let dotThousands = Rules(rawValue: 1 << 10)
        /// Glossary terms are compared in lower case with `é` read as `e` (not by the Vietnamese key),
        /// and their last word matches inflected (`nounEndings`, `genitiveEndings`) and starting a
        /// compound (`østsjøspørsmålet` for `Østsjøen`).
        public static let inflectedTerms = Rules(rawValue: 1 << 11)

        /// The rule names used in the language data.
        public static let names: [String: Rules] = [
            "hyphen-compounds": .hyphenCompounds, "ordinals": .ordinals, "genitive-apostrophe": .genitiveApostrophe,
            "initials": .initials, "dialogue-dash": .dialogueDash, "colon-sentences": .colonSentences,
            "syllable-words": .syllableWords, "terminal-sentences": .terminalSentences,
            "slash-dates": .slashDates, "space-thousands": .spaceThousands, "dot-thousands": .dotThousands,
            "inflected-terms": .inflectedTerms,
        ]
    }

    /// The source language tolk checks unless told otherwise: Vietnamese.
    public static let defaultSourceCode = "vi"
    /// The translation language tolk checks unless told otherwise: Norwegian Bokmål.
    public static let defaultTargetCode = "nb"

    /// The ICU locale id, e.g. "nb".
    public private(set) var code: String
    /// Lower-cased abbreviations, with their dots, that never end a sentence (`bl.a.`, `ca.`).
    public let abbreviations: Set<String>
    /// Lower-cased abbreviations that may end a sentence (`osv.`, `m.fl.`).
    public let finalAbbreviations: Set<String>
    /// Lower-cased month names and their abbreviations (ordinals before them keep their dot).
    public let months: Set<String>
    /// The full month names in calendar order (`januar` first), lower-cased; empty when unknown.
    public let monthNames: [String]
    /// Rules in force.
    public let rules: Rules
    /// Lower-cased words that multiply the number before them by their factor (`tusen`: 1000).
    public let scaleWords: [String: Double]
    /// Endings any common noun may take (`-en`, `-ene`, `-s`); the bare noun is not among them.
    public let nounEndings: [String]
    /// More noun endings by the end of the stem that takes them (`e`: `-n`, `-r`; `er`: `-e`, `-ne`).
    public let nounEndingsAfter: [String: [String]]
    /// The definite endings a noun may be written with (`-en`, `-et`): without them it is a stem.
    public let definiteEndings: [String]
    /// The endings of an adjective before a definite noun (`strategiske partnerskapet`).
    public let adjectiveEndings: [String]
    /// The endings of a name in the genitive (`-s`, `'`), in the order they are taken off.
    public let genitiveEndings: [String]
    /// Suffixes that make a new word of a stem rather than a compound (`-ist` in `kommunistiske`).
    public let derivationalSuffixes: [String]
    /// Endings of a one-word title that may be glued to a name (`generalsekretæren`).
    public let titleEndings: [String]
    /// Endings of nouns for people and bodies that follow a genitive (`-sekretær` in `Laos' generalsekretær`).
    public let genitiveHeads: [String]
    /// Lower-cased frequent function words, which tell the language's text from another's.
    public let functionWords: Set<String>

    /// The built-in languages, one per data set (`nb` stands for `no` and `nn` too), in a fixed order.
    public static let builtIn: [Language] = LanguageData.builtIn.map { Language(code: $0.codes[0], data: $0.text) }
    /// The built-in languages by the primary subtags they serve.
    private static let builtInByPrimary: [String: Language] = Dictionary(
        uniqueKeysWithValues: zip(LanguageData.builtIn, builtIn).flatMap { data, language in data.codes.map { ($0, language) } })
    private static let unknown = Language(code: "", data: "")

    /// The language for an ICU locale id (by its primary subtag, `nob` as `nb`); unknown ids get no
    /// extra rules.
    public init(code: String) {
        self = Self.builtInByPrimary[LanguageTag.primary(code)] ?? Self.unknown
        self.code = code
    }

    /// The rules of the language for an ICU locale id, as `Language(code:).rules` (without copying
    /// the language's data, for callers that run on every paragraph).
    public static func rules(forCode code: String) -> Rules { rulesByPrimary[LanguageTag.primary(code)] ?? [] }
    private static let rulesByPrimary = builtInByPrimary.mapValues(\.rules)

    private init(code: String, data text: String) {
        self.code = code
        let data = LanguageData.parse(text)
        // A section whose entries are a key and its values, separated by spaces (`tusen 1e3`).
        func keyed(_ section: String) -> [(key: String, values: [String])] {
            data.ordered[section, default: []].map { entry in
                let words = entry.split(separator: " ").map(String.init)
                return (words[0], Array(words.dropFirst()))
            }
        }
        abbreviations = data.sections["abbreviations", default: []]
        finalAbbreviations = data.sections["final-abbreviations", default: []]
        months = data.sections["months", default: []]
        // The data lists the twelve names in order, then the abbreviations (with a dot).
        monthNames = Array(data.ordered["months", default: []].filter { !$0.contains(".") }.prefix(12))
        rules = data.sections["rules", default: []].reduce(into: Rules()) { $0.formUnion(Rules.names[$1] ?? []) }
        scaleWords = Dictionary(
            uniqueKeysWithValues: keyed("scale-words").compactMap { word, factor in factor.first.flatMap(Double.init).map { (word, $0) } })
        nounEndings = data.ordered["noun-endings", default: []]
        nounEndingsAfter = Dictionary(uniqueKeysWithValues: keyed("noun-endings-after").map { ($0.key, $0.values) })
        definiteEndings = data.ordered["definite-endings", default: []]
        adjectiveEndings = data.ordered["adjective-endings", default: []]
        genitiveEndings = data.ordered["genitive-endings", default: []]
        derivationalSuffixes = data.ordered["derivational-suffixes", default: []]
        titleEndings = data.ordered["title-endings", default: []]
        genitiveHeads = data.ordered["genitive-heads", default: []]
        functionWords = data.sections["function-words", default: []]
    }

    /// Whether `abbreviation` (with its dots, any case) is known.
    func isAbbreviation(_ lowercased: String) -> Bool {
        abbreviations.contains(lowercased) || finalAbbreviations.contains(lowercased)
    }
}

/// The built-in language data and its reader. The format is line based: `[section]` headers,
/// one entry per line (lower-cased when read; in `[scale-words]` and `[noun-endings-after]`, a key
/// and its values separated by spaces), `#` comments.
enum LanguageData {
    struct Parsed {
        var sections: [String: Set<String>] = [:]
        /// The same entries in the order the data gives them.
        var ordered: [String: [String]] = [:]
    }

    static func parse(_ text: String) -> Parsed {
        var parsed = Parsed()
        var section = ""
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmed()
            if line.isEmpty { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
            } else {
                if parsed.sections[section, default: []].insert(line.lowercased()).inserted {
                    parsed.ordered[section, default: []].append(line.lowercased())
                }
            }
        }
        return parsed
    }

    /// Each data set with the primary subtags it serves, the first naming it.
    static let builtIn: [(codes: [String], text: String)] = [
        (["nb", "no", "nn"], norwegian),
        (["vi"], vietnamese),
        (["en"], english),
    ]
}
