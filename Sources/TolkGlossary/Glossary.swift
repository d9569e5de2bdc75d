import TolkText

/// A termbase: concepts with their terms per language.
public struct Glossary: Sendable {
    public var concepts: [Concept]
    /// The file the glossary was read from, and where each concept (key: its id) and term (key:
    /// `Glossary.key(concept:term:)`) was found in it, for diagnostics.
    public var source: String?
    public var positions: [String: TextPosition]

    public init(concepts: [Concept], source: String? = nil, positions: [String: TextPosition] = [:]) {
        self.concepts = concepts
        self.source = source
        self.positions = positions
    }

    /// The `positions` key of a term.
    public static func key(concept: Concept, term: Term) -> String { "\(concept.id)\u{0}\(term.language)\u{0}\(term.text)" }

    /// Refuses a glossary with no term for one of `languages`: a check would find nothing, which
    /// must never look like a clean page.
    public func requireTerms(in languages: [String]) throws(GlossaryError) {
        for language in languages where !concepts.contains(where: { !$0.terms(in: language).isEmpty }) {
            throw .noTerms(source: source ?? "the glossary", language: language, has: self.languages)
        }
    }

    /// The languages the glossary has terms in, in first-seen order.
    public var languages: [String] {
        var seen: [String] = []
        for concept in concepts { for term in concept.terms where !seen.contains(term.language) { seen.append(term.language) } }
        return seen
    }
}

/// One thing named in several languages: a person, a title, an organisation, a place or a term.
public struct Concept: Sendable, Hashable {
    /// What kind of thing; it decides the case rule and the inflections a term takes.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case person, title, organisation, place, term
    }

    public var id: String
    public var kind: Kind
    /// Why the renderings are what they are.
    public var note: String?
    /// Names kept as they are (with diacritics folded) in every language.
    public var doNotTranslate: Bool
    public var terms: [Term]

    public init(id: String, kind: Kind, note: String? = nil, doNotTranslate: Bool = false, terms: [Term]) {
        self.id = id
        self.kind = kind
        self.note = note
        self.doNotTranslate = doNotTranslate
        self.terms = terms
    }

    /// The terms that serve `language` (BCP 47: `nb-NO`, `nob` and `no` serve `nb`).
    public func terms(in language: String) -> [Term] { terms.filter { LanguageTag.serves($0.language, language) } }

    /// The kind of a concept whose glossary does not say, from its terms alone: a name when a term
    /// is another language's term without its diacritics (`Tô Lâm` -> `To Lam`) or every term
    /// outside the first language is capitalised word by word (`Mohamad Hasan`, `ASEAN`), or when
    /// `properNoun` (TBX partOfSpeech) says so — a person, or an organisation when written in
    /// capitals; anything else is a term (its case rule then comes from how the term is written).
    public static func inferredKind(of terms: [Term], properNoun: Bool) -> Kind {
        let written = terms.filter { $0.status != .forbidden && !$0.text.trimmed().isEmpty }
        guard let firstLanguage = written.first?.language else { return .term }
        let targets = written.filter { $0.language != firstLanguage }
        let folder = Normalizer(form: .nfc, foldDiacritics: true)
        let folded = { (text: String) in (try? folder.normalize(text).text) ?? text }
        let foldsToAnother = written.contains { term in
            term.text != folded(term.text) && written.contains { $0.language != term.language && $0.text == folded(term.text) }
        }
        // Capitalised word by word in every language: Vietnamese names capitalise each syllable,
        // titles do not (`Thủ tướng` / `Statsminister` is no name).
        let capitalised =
            !targets.isEmpty
            && written.allSatisfy { term in term.text.split(separator: " ").allSatisfy { $0.first?.isUppercase == true } }
        guard properNoun || foldsToAnother || capitalised else { return .term }
        let acronym = targets.allSatisfy { $0.text == $0.text.uppercased() }
        return acronym && !foldsToAnother ? .organisation : .person
    }

    /// The preferred term in `language` (the first admitted one when none is preferred).
    public func preferred(in language: String) -> Term? {
        let candidates = terms(in: language)
        return candidates.first { $0.status == .preferred } ?? candidates.first { $0.status == .admitted }
    }
}

/// One rendering of a concept in one language.
public struct Term: Sendable, Hashable {
    /// TBX-Basic's administrative status.
    public enum Status: String, Sendable, CaseIterable, Codable {
        case preferred, admitted, forbidden

        /// Reads TBX values (`preferredTerm-admn-sts`, `deprecatedTerm-admn-sts`, ...) and common
        /// words (`approved`, `deprecated`, `do not use`, ...); nil for anything else.
        public init?(lenient text: String) {
            // The TBX values as written, without the folding below.
            switch text {
            case "preferredTerm-admn-sts": self = .preferred
            case "admittedTerm-admn-sts": self = .admitted
            case "deprecatedTerm-admn-sts": self = .forbidden
            default: self.init(folding: text)
            }
        }

        private init?(folding text: String) {
            let value = text.lowercased().replacingOccurrences(of: "-admn-sts", with: "").trimmed()
            switch value {
            case "preferredterm", "standardizedterm", "preferred", "approved", "recommended", "standardized", "": self = .preferred
            case "admittedterm", "admitted", "allowed", "permitted", "acceptable", "legalterm", "regulatedterm": self = .admitted
            case "deprecatedterm", "supersededterm", "deprecated", "superseded", "forbidden", "forbiddenterm", "prohibited", "do not use",
                "rejected", "avoid", "notrecommendedterm", "not recommended", "obsolete", "obsoleteterm":
                self = .forbidden
            default: return nil
            }
        }

        /// The TBX-Basic value.
        public var tbxValue: String {
            switch self {
            case .preferred: "preferredTerm-admn-sts"
            case .admitted: "admittedTerm-admn-sts"
            case .forbidden: "deprecatedTerm-admn-sts"
            }
        }
    }

    public var language: String
    public var text: String
    public var status: Status
    /// Inflected forms beyond those tolk derives itself (`generalsekretæren`, ...).
    public var forms: [String]
    public var note: String?

    public init(language: String, text: String, status: Status = .preferred, forms: [String] = [], note: String? = nil) {
        self.language = language
        self.text = text
        self.status = status
        self.forms = forms
        self.note = note
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        // Most texts do not hold the target's first byte: no search.
        guard let first = target.utf8.first, utf8.contains(first) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

/// Why a glossary could not be read.
public enum GlossaryError: Error, Equatable, CustomStringConvertible, Sendable {
    case xml(XMLError)
    /// A structural problem at a place in the file.
    case invalid(source: String, position: TextPosition, message: String)
    /// The file's kind could not be told from its name or content.
    case unknownFormat(source: String)
    /// No term serves a language a check needs.
    case noTerms(source: String, language: String, has: [String])

    public var description: String {
        switch self {
        case .xml(let error): error.description
        case .invalid(let source, let position, let message): "\(source):\(position): \(message)"
        case .unknownFormat(let source): "\(source): not a glossary tolk can read (expected .tbx or .csv)"
        case .noTerms(let source, let language, let has):
            "\(source): no terms in '\(language)'; the glossary has \(has.isEmpty ? "no terms" : has.map { "'\($0)'" }.joined(separator: ", "))"
        }
    }
}
