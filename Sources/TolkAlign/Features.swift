import TolkGlossary
import TolkText

/// Interned features with weights: what the aligner compares between segments.
struct FeatureSpace {
    // Room for an article's features from the start: growing the table rehashes every name.
    private(set) var ids = [String: Int32](minimumCapacity: 4096)
    private(set) var names: [String] = []

    mutating func id(_ feature: String) -> Int32 {
        let next = Int32(names.count)
        let id = ids.value(for: feature, insertingIfAbsent: next)
        if id == next { names.append(feature) }
        return id
    }

    /// Interns a named segment (ids are given in the order names are met, so they are the same on
    /// every run).
    mutating func intern(_ named: FeatureExtractor.Named) -> SegmentFeatures {
        let ids = named.features.map { id($0) }
        return SegmentFeatures(length: named.length, features: AlignmentModel.union([ids]), words: named.wordPlaces.map { ids[$0] })
    }
}

/// One segment as the aligner sees it.
struct SegmentFeatures {
    /// Length in Unicode scalars after NFC.
    var length: Double
    /// Sorted, unique feature ids.
    var features: [Int32]
    /// Folded word ids in order (for the lexical model).
    var words: [Int32]
}

/// Turns segments into features: folded words (identical tokens and cognates survive translation:
/// names, `ASEAN`, `USD`, `expedition`/`Expedition`), numbers and dates in one form across
/// languages, `?`/`!`/quotes/parentheses, glossary concepts and dictionary translations.
/// Not thread-safe: one per task.
final class FeatureExtractor {
    let language: String
    private let segmenter: Segmenter
    /// Syllables for the glossary's terms, where `segmenter` gives Vietnamese words.
    private let syllables: Segmenter?
    private let fold = Normalizer.foldedKey
    private let matcher: TermMatcher?
    /// Source word -> its dictionary translations (folded), for the source side only.
    private let dictionary: [String: [String]]

    /// An extractor for `language` reading `unit`s (words or, for Vietnamese, syllables).
    init(language: String, glossary: Glossary?, dictionary: [String: [String]], unit: TokenUnit) throws {
        self.language = language
        segmenter = try Segmenter(languageCode: language, unit: unit)
        // Where `segmenter` joins syllables into words (Vietnamese), ICU's words are not its tokens.
        let joinsSyllables = unit == .word && segmenter.language.rules.contains(.syllableWords)
        syllables = joinsSyllables && glossary != nil ? try Segmenter(languageCode: language, unit: .syllable) : nil
        matcher = try glossary.map { try TermMatcher(glossary: $0, language: language) }
        self.dictionary = dictionary
    }

    /// A word's feature names: its folded form and, for longer words, its first four letters
    /// (cognates) and its dictionary translations.
    private struct WordNames {
        let word: String
        let others: [String]
    }

    /// Surface form -> its names (cleared when it grows past 200,000 forms).
    private var wordNames: [String: WordNames] = [:]

    /// A Vietnamese word of several syllables (`Việt Nam`) is named as one word without its
    /// spaces (`w:vietnam`, as Norwegian writes it) and has its syllables' names besides, so names
    /// written syllable by syllable (`Tô Lâm`, `To Lam`) still match.
    private func names(_ surface: String) throws -> WordNames {
        if let known = wordNames[surface] { return known }
        var others: [String] = []
        let syllables = surface.split(separator: " ")
        if syllables.count > 1 {
            for syllable in syllables {
                let names = try names(String(syllable))
                others.append(names.word)
                others += names.others
            }
        }
        let folded = try fold.normalize(surface).text
        let word = syllables.count > 1 ? String(folded.unicodeScalars.filter { $0 != " " }) : folded
        if word.count >= 5 { others.append("p:" + word.prefix(4)) }
        for translation in dictionary[folded] ?? [] { others.append("w:" + translation) }
        let names = WordNames(word: "w:" + word, others: others)
        if wordNames.count > 200_000 { wordNames.removeAll(keepingCapacity: true) }
        wordNames[surface] = names
        return names
    }

    /// A segment's features (in the order found, repeats possible) and words, by name.
    struct Named: Equatable {
        var length: Double
        var features: [String]
        /// Where each word's name stands in `features`, in order (so it is interned once).
        var wordPlaces: [Int]
        /// The words' names, in order.
        var words: [String] { wordPlaces.map { features[$0] } }
    }

    /// The features of one segment of text: what it gives alone.
    func extract(_ text: String) throws -> Named {
        let document = Document(text)
        let tokens = try segmenter.segment(document)
        let terms = try matcher.map { try $0.occurrences(in: syllables?.segment(document) ?? tokens) } ?? []
        return try features(of: 0..<document.bytes.count, text: text, tokens: tokens, terms: terms[...])
    }

    /// The features of a side's units, in order, handed to `consume` one by one, each what its
    /// text alone gives (`extract(_:)`). Words are joined and merged, and terms matched, within a
    /// paragraph: so a unit that is a whole paragraph of the document, with no term of the side's
    /// running out of it, is read from that paragraph's segmentation (from the side's words when it
    /// brings them) and terms, and any other unit (a caption under its image's line, joined lines, an
    /// image's alt text) from its text. Only one paragraph's tokens are held at a time.
    func extract(_ side: AlignmentSide, _ consume: (Named) throws -> Void) throws {
        let paragraphs = side.words?.paragraphs.map(\.range) ?? Segmenter.paragraphRanges(of: side.document)
        for unit in side.units {
            let paragraph = paragraphs.partitioningIndex { $0.lowerBound >= unit.range.lowerBound }
            // The side's terms inside the unit: nil when it brings none (found here) or one runs out.
            var brought: ArraySlice<TermOccurrence>? = nil
            if let terms = side.terms { brought = Self.occurrences(terms, inside: unit.range) }
            guard paragraph < paragraphs.count, paragraphs[paragraph] == unit.range,
                unit.text.isSpelt(by: side.document.bytes[unit.range]), side.terms == nil || brought != nil
            else {
                try consume(try extract(unit.text.string))
                continue
            }
            let tokens =
                try side.words.map { try segmenter.joiningWords(of: $0, paragraph: paragraph) }
                ?? segmenter.segment(side.document, paragraph: unit.range)
            let terms =
                try brought ?? matcher.map {
                    try $0.occurrences(in: syllables?.segment(side.document, paragraph: unit.range) ?? tokens)[...]
                }
                ?? []
            try consume(try features(of: unit.range, text: unit.text.string, tokens: tokens, terms: terms))
        }
    }

    /// The occurrences of `terms` (in text order) inside `range`, or nil when one runs out of it.
    private static func occurrences(_ terms: [TermOccurrence], inside range: Range<Int>) -> ArraySlice<TermOccurrence>? {
        let first = terms.partitioningIndex { $0.range.lowerBound >= range.lowerBound }
        let end = terms[first...].prefix { $0.range.lowerBound < range.upperBound }.endIndex
        guard first == 0 || terms[first - 1].range.upperBound <= range.lowerBound,
            end == first || terms[end - 1].range.upperBound <= range.upperBound
        else { return nil }
        return terms[first..<end]
    }

    /// The features of the text at `range`: its tokens' names, its numbers and dates, and `terms`.
    private func features(
        of range: Range<Int>, text: String, tokens: Segmentation, terms: ArraySlice<TermOccurrence>
    ) throws -> Named {
        var features: [String] = []
        var wordPlaces: [Int] = []
        var k = tokens.tokens.partitioningIndex { $0.range.lowerBound >= range.lowerBound }
        while k < tokens.tokens.count, tokens.tokens[k].range.upperBound <= range.upperBound {
            let token = tokens.tokens[k]
            k += 1
            let surface = tokens.text(token.range)
            switch token.kind {
            case .word:
                let names = try names(surface)
                wordPlaces.append(features.count)
                features.append(names.word)
                features += names.others
            case .punctuation:
                if ["?", "!", "(", "«", "\"", "“", "„", ":"].contains(surface) { features.append("q:" + surface) }
            case .number, .symbol:
                break
            }
        }
        // Its numbers and dates (its capitalised words are features already).
        var anchors = Set<String>()
        AnchorScanner.scanNumbers(text, language: language, into: &anchors)
        features += anchors.sorted()
        features += terms.map { "c:" + $0.concept.id }
        return Named(length: Double(try Normalizer.nfcScalarCount(text)), features: features, wordPlaces: wordPlaces)
    }
}

/// One side of a pair, read once by the caller so the aligner segments and matches nothing again:
/// the document, the units to align, and when the caller has them the document's ICU words (as
/// `Segmenter(languageCode:)` gives them; the aligner joins Vietnamese syllables itself) and the
/// occurrences of the aligner's glossary terms in the document, in text order.
public struct AlignmentSide: Sendable {
    /// A unit to align: its place in the document and its text.
    public struct Unit: Sendable {
        public let range: Range<Int>
        public let text: TextSlice

        public init(range: Range<Int>, text: TextSlice) {
            self.range = range
            self.text = text
        }
    }

    public let document: Document
    public let units: [Unit]
    /// The document's ICU words (Vietnamese syllables) in the side's language; nil: the aligner
    /// segments the document itself.
    public let words: Segmentation?
    /// Nil: the aligner finds its glossary's terms itself.
    public let terms: [TermOccurrence]?

    public init(document: Document, units: [Unit], words: Segmentation? = nil, terms: [TermOccurrence]? = nil) {
        self.document = document
        self.units = units
        self.words = words
        self.terms = terms
    }
}
