import TolkText

/// A glossary term found in a text.
public struct TermOccurrence: Sendable, Hashable {
    /// The concept and term, held once by the matcher and shared by all their occurrences (a long
    /// text has many).
    final class Entry: Sendable {
        let concept: Concept
        let term: Term

        init(concept: Concept, term: Term) {
            self.concept = concept
            self.term = term
        }
    }

    private let entry: Entry
    public var concept: Concept { entry.concept }
    /// The glossary term that matched (its status tells preferred, admitted or forbidden).
    public var term: Term { entry.term }
    /// UTF-8 byte range in the document.
    public let range: Range<Int>
    /// Token indices in the segmentation.
    public let tokens: Range<Int>
    /// The text as written.
    public let text: String
    /// Whether the term's last word only starts the word found (`Østsjøspørsmålet` for `Østsjøen`).
    public let isCompound: Bool

    init(entry: Entry, range: Range<Int>, tokens: Range<Int>, text: String, isCompound: Bool) {
        self.entry = entry
        self.range = range
        self.tokens = tokens
        self.text = text
        self.isCompound = isCompound
    }

    public static func == (lhs: TermOccurrence, rhs: TermOccurrence) -> Bool {
        (lhs.range, lhs.tokens, lhs.text, lhs.isCompound) == (rhs.range, rhs.tokens, rhs.text, rhs.isCompound)
            && (lhs.entry === rhs.entry || (lhs.concept == rhs.concept && lhs.term == rhs.term))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(concept)
        hasher.combine(term)
        hasher.combine(range)
        hasher.combine(tokens)
        hasher.combine(text)
        hasher.combine(isCompound)
    }
}

/// Finds a language's glossary terms in segmented text, on token boundaries, longest match first.
///
/// - Vietnamese (and other languages): tokens are compared after NFC, new-style tone placement,
///   look-alike letters and case folding; with `foldDiacritics`, also without diacritics (for slugs
///   and unaccented text). Vietnamese terms match syllables, but not through a word the word
///   segmenter joins and knows from its training data (`Đảng` is not in `đảng viên`).
/// - Norwegian (`Language.Rules.inflectedTerms`): tokens are compared case-insensitively and the
///   last word of a term may be inflected: nouns take the language's definite and plural endings
///   (`generalsekretæren`, `generalsekretærer`), names and places a genitive (`To Lams`, `Laos'`);
///   forms listed in the glossary are added. Names must be capitalised somewhere to match, so the
///   numeral "to" never starts "To Lam".
///
/// Not thread-safe (it caches token keys): one per task.
public final class TermMatcher {
    public let language: String
    private let segmenterLanguage: String
    /// What tolk knows of the language: whether terms inflect, and the endings they take.
    private let knowledge: Language
    private let keyNormalizer: Normalizer?
    private var keyCache: [String: String] = [:]
    /// Patterns by the keys their first token may have.
    private var patternsByFirstKey: [String: [Pattern]] = [:]
    /// The first two bytes of those keys, of the closed keys and of the compound stems: most tokens
    /// start none of them, and a bit says so before a String is hashed.
    private var firstKeyLeads = LeadBytes()
    private var closedKeyLeads = LeadBytes()
    private var stemLeads = LeadBytes()

    private struct Pattern {
        let entry: TermOccurrence.Entry
        /// Acceptable keys per token position.
        let positions: [Set<String>]
        /// Names (people, places, organisations) need a capital letter in the text.
        let needsCapital: Bool
        /// Inflecting languages: what the last word may start a compound with (`østsjø` in
        /// `østsjøspørsmålet`, `ninh-` in `Ninh-provinsen`).
        let compoundStems: [String]
    }

    /// Whether the token `text` (with `key`) is a compound the last word of `pattern` starts: a stem
    /// and three letters or more in lower case (`NasjonalforsamlingslederTran` is a title glued to a
    /// name), not a derivation of the stem (`kommun-istiske`, `provins-ielle`).
    private func startsCompound(_ key: String, text: String, of pattern: Pattern) -> Bool {
        pattern.compoundStems.contains { stem in
            key.count >= stem.count + 3 && key.hasPrefix(stem)
                && key.dropFirst(stem.count).allSatisfy { $0.isLetter || $0 == "-" }
                && !text.dropFirst(stem.count).contains { $0.isUppercase }
                && !knowledge.derivationalSuffixes.contains { key.dropFirst(stem.count).hasPrefix($0) }
        }
    }

    /// One-word patterns by their keys without hyphens, for spellings that differ only by a hyphen
    /// or a space (`Mekongdeltaet`, `Mekong-deltaet`, `Mekong deltaet`).
    private var patternsByClosedKey: [String: [Pattern]] = [:]
    /// Every start of those keys (three letters or more short of the whole): a token that is none
    /// cannot begin a spelling split by a space, and is passed at the cost of one lookup.
    private var closedKeyStarts = Set<String>()
    /// One-word patterns by their compound stems, for tokens whose whole key names no term.
    private var patternsByStem: [String: [Pattern]] = [:]
    /// The first five letters of every stem: most tokens start no compound, and this tells at once.
    private var stemStarts = Set<String>()
    private var longestStem = 0

    /// Vietnamese: the word segmenter's boundaries, asked at the edges of a match (nil for other
    /// languages, and when diacritics are folded: the model knows accented text only; the
    /// measurement in the tests sets it to nil to compare).
    var words: VietnameseWordBoundaries?

    public init(glossary: Glossary, language: String, foldDiacritics: Bool = false) throws {
        self.language = language
        let primary = LanguageTag.primary(language)
        segmenterLanguage = primary
        let segmenter = try Segmenter(languageCode: primary)
        knowledge = segmenter.language
        let inflects = knowledge.rules.contains(.inflectedTerms)
        var vietnameseKey = Normalizer.vietnameseKey
        vietnameseKey.foldDiacritics = foldDiacritics
        keyNormalizer = inflects ? nil : vietnameseKey
        let syllableWords = knowledge.rules.contains(.syllableWords)
        words = syllableWords && !foldDiacritics ? VietnameseWordBoundaries(model: try VietnameseWordModel.builtIn()) : nil
        for concept in glossary.concepts {
            for term in concept.terms(in: language) where !term.text.trimmed().isEmpty {
                for (index, written) in ([term.text] + term.forms).enumerated() {
                    let words = try segmenter.segment(Document(written)).tokens.map { written.utf8Slice($0.range) }
                    guard !words.isEmpty else { continue }
                    var positions = try words.map { Set([try key($0)]) }
                    let isName = concept.kind != .title && concept.kind != .term && words.contains { $0.first?.isUppercase == true }
                    var stems: [String] = []
                    if inflects, index == 0 {
                        positions[positions.count - 1] = try inflections(of: words.last!, kind: concept.kind)
                        stems = try compoundStems(of: words.last!, isName: isName)
                        // Adjectives before a definite noun take an ending: `strategiske partnerskapet`.
                        if !isName {
                            for k in positions.indices.dropLast() {
                                positions[k].formUnion(
                                    knowledge.adjectiveEndings.flatMap { ending in
                                        positions[k].filter { !$0.hasSuffix(ending) }.map { $0 + ending }
                                    })
                            }
                        }
                    }
                    // A name needs a capital in the text, except one of several long words: `tran hong ha`
                    // is a name in lower case, `to lam` two lambs.
                    let distinctive = words.count >= 3 || (words.count == 2 && words.allSatisfy { $0.count >= 4 })
                    let pattern = Pattern(
                        entry: TermOccurrence.Entry(concept: concept, term: term), positions: positions,
                        needsCapital: isName && !distinctive, compoundStems: stems)
                    for first in positions[0] {
                        patternsByFirstKey[first, default: []].append(pattern)
                        firstKeyLeads.insert(first)
                    }
                    if words.count == 1, inflects {
                        for key in positions[0] where key.count >= 6 {
                            let closed = Self.closed(key)
                            patternsByClosedKey[closed, default: []].append(pattern)
                            closedKeyLeads.insert(closed)
                            for length in stride(from: 2, through: closed.count - 3, by: 1) {
                                closedKeyStarts.insert(String(closed.prefix(length)))
                            }
                        }
                        for stem in stems {
                            patternsByStem[stem, default: []].append(pattern)
                            stemStarts.insert(String(stem.prefix(5)))
                            stemLeads.insert(stem)
                            longestStem = max(longestStem, stem.count)
                        }
                    }
                }
            }
        }
    }

    /// The stems a word starts compounds with: a common noun as it is and without its definite
    /// ending (`østsjøen` -> `østsjø`, `halvleder`), five letters or more; a name only with a
    /// hyphen (`ninh-` for `Bac Ninh-provinsen`).
    private func compoundStems(of word: String, isName: Bool) throws -> [String] {
        let base = try key(word)
        // A name in the definite form compounds closed too: `Østsjøen` -> `Østsjøspørsmålet`.
        let definiteName = isName && !word.utf8.contains(0x20) && knowledge.definiteEndings.contains { base.hasSuffix($0) }
        if isName && !definiteName { return [base + "-"] }
        var stems = [base]
        // Compounds keep a final -e (`kommunestyre`), so only the definite ending goes.
        for ending in knowledge.definiteEndings where base.hasSuffix(ending) { stems.append(String(base.dropLast(ending.count))) }
        return stems.filter { $0.count >= 5 } + (isName ? [base + "-"] : [])
    }

    private func inflections(of word: String, kind: Concept.Kind) throws -> Set<String> {
        let base = try key(word)
        // Common nouns (titles, terms, organisations written in lower case) inflect; names take a genitive.
        let isCommonNoun = kind == .title || kind == .term || (kind == .organisation && word.first?.isLowercase == true)
        guard isCommonNoun else { return Set([base] + knowledge.genitiveEndings.map { base + $0 }) }
        var stems = [base]
        // A term given in the definite form ("regjeringen", "departementet") inflects from its stem.
        for definite in knowledge.definiteEndings where base.hasSuffix(definite) && base.count > definite.count + 3 {
            stems.append(String(base.dropLast(definite.count)))
        }
        var forms = Set(stems)
        for stem in stems {
            forms.formUnion(knowledge.nounEndings.map { stem + $0 })
            // Stems with their own endings: `brikken`, `halvledere`, `lærere`.
            for (stemEnd, endings) in knowledge.nounEndingsAfter where stem.hasSuffix(stemEnd) {
                forms.formUnion(endings.map { stem + $0 })
            }
        }
        return forms
    }

    /// A one-word term written with or without a hyphen, or split by a space, at token `i`: the
    /// pattern and how many tokens it spans.
    private func spellingVariant(at i: Int, keys: [String], in segmentation: Segmentation) -> (Pattern, Int)? {
        guard !patternsByClosedKey.isEmpty else { return nil }
        let tokens = segmentation.tokens
        let capitalised = { (k: Int) in
            // The first byte rules out most tokens before a String is made.
            let first = segmentation.document.bytes[tokens[k].range.lowerBound]
            return (first >= 0x80 || (0x41...0x5A).contains(first)) && segmentation.text(tokens[k].range).first?.isUppercase == true
        }
        // Closed keys are two letters or more (a start) and five or more (a whole key).
        guard keys[i].utf8.count >= 2 else { return nil }
        let closed = Self.closed(keys[i])
        // Both spellings need a closed key, or a start of one, that begins as `closed` does.
        guard closedKeyLeads.contains(closed) else { return nil }
        if closed.utf8.count >= 5, let pattern = patternsByClosedKey[closed]?.first, !pattern.needsCapital || capitalised(i) {
            return (pattern, 1)
        }
        // Split by a space: only a capitalised first part (`Mekong deltaet`, `Sør Kinahavet`).
        guard i + 1 < tokens.count, tokens[i].kind == .word, tokens[i + 1].kind == .word, capitalised(i),
            closedKeyStarts.contains(closed), separatedBySpace(tokens[i], tokens[i + 1], in: segmentation),
            let pattern = patternsByClosedKey[closed + Self.closed(keys[i + 1])]?.first
        else { return nil }
        return (pattern, 2)
    }

    /// A key without its hyphens (`mekong-deltaet`: `mekongdeltaet`), removed byte by byte (a
    /// hyphen with a combining mark on it goes too, unlike a search by characters).
    private static func closed(_ key: String) -> String {
        key.utf8.contains(0x2D) ? String(decoding: key.utf8.filter { $0 != 0x2D }, as: UTF8.self) : key
    }

    /// One-word patterns that `key` is a compound of (`østsjøspørsmålet`), longest stem first.
    private func compoundPatterns(_ key: String) -> [Pattern] {
        guard !patternsByStem.isEmpty, key.utf8.count >= 8, stemLeads.contains(key), key.count >= 8,
            stemStarts.contains(String(key.prefix(5)))
        else { return [] }
        var length = min(key.count - 3, longestStem)
        while length >= 5 {
            if let patterns = patternsByStem[String(key.prefix(length))] { return patterns }
            length -= 1
        }
        return []
    }

    /// `é` as `e`, without a Foundation search when there is none (most words).
    private static func foldingAcute(_ text: String) -> String {
        guard text.unicodeScalars.contains("é") else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "é" ? "e" : $0 }))
    }

    /// Whether `text` is its own key without a normalizer: no capital and no `é` (ASCII, or the
    /// lower-case letters of Latin-1 such as æ, ø, å, ü), the common case read from the bytes.
    private static func isOwnKey(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            if byte < 0x80 {
                if (0x41...0x5A).contains(byte) { return false }
            } else if byte == 0xC3, let next = utf8.next(), next >= 0xA0, next != 0xA9 {
                continue
            } else {
                return false
            }
        }
        return true
    }

    /// The comparison key of a token.
    func key(_ text: String) throws -> String {
        if keyNormalizer == nil, Self.isOwnKey(text) { return text }
        if let known = keyCache[text] { return known }
        // Norwegian writes `komité` and `komite`, `idé` and `ide`: the accent does not tell terms apart.
        let key = try keyNormalizer.map { try $0.normalize(text).text } ?? Self.foldingAcute(text.lowercased())
        if keyCache.count > 100_000 { keyCache.removeAll(keepingCapacity: true) }
        keyCache[text] = key
        return key
    }

    /// Every term occurrence in `segmentation`, in text order, longest match first, not overlapping.
    /// Vietnamese: `segmentation` holds syllables (`Segmenter(languageCode:)`), and a match that cuts
    /// through a word the segmenter knows (`Đảng` in `đảng viên`) does not count.
    public func occurrences(in segmentation: Segmentation) throws -> [TermOccurrence] {
        let tokens = segmentation.tokens
        var keys: [String] = []
        keys.reserveCapacity(tokens.count)
        for token in tokens { keys.append(try key(segmentation.text(token.range))) }
        var found: [TermOccurrence] = []
        var i = 0
        while i < tokens.count {
            var best: (Pattern, Int, compound: Bool)? = nil
            for pattern in (firstKeyLeads.contains(keys[i]) ? patternsByFirstKey[keys[i]] : nil) ?? compoundPatterns(keys[i]) {
                let length = pattern.positions.count
                guard i + length <= tokens.count, length > (best?.1 ?? 0) else { continue }
                // The words of a multi-word term follow each other, separated by spaces only; the
                // last may start a compound.
                let text = { (k: Int) in segmentation.text(tokens[i + k].range) }
                var matches = length > 1 || pattern.positions[0].contains(keys[i]) || startsCompound(keys[i], text: text(0), of: pattern)
                for k in 1..<max(length, 1) {
                    let fits =
                        pattern.positions[k].contains(keys[i + k])
                        || (k == length - 1 && startsCompound(keys[i + k], text: text(k), of: pattern))
                    if !fits || !separatedBySpace(tokens[i + k - 1], tokens[i + k], in: segmentation) {
                        matches = false
                        break
                    }
                }
                if matches, let words, cutsKnownWord(i..<(i + length), words, in: segmentation) { matches = false }
                if matches, pattern.needsCapital,
                    !(i..<(i + length)).contains(where: { segmentation.text(tokens[$0].range).first?.isUppercase == true })
                {
                    matches = false
                }
                if matches { best = (pattern, length, !pattern.positions[length - 1].contains(keys[i + length - 1])) }
            }
            if best == nil, let (pattern, length) = spellingVariant(at: i, keys: keys, in: segmentation) {
                best = (pattern, length, false)
            }
            if let (pattern, length, compound) = best {
                let range = tokens[i].range.lowerBound..<tokens[i + length - 1].range.upperBound
                found.append(
                    TermOccurrence(
                        entry: pattern.entry, range: range, tokens: i..<(i + length),
                        text: segmentation.text(range),
                        isCompound: compound))
                i += length
            } else {
                i += 1
            }
        }
        return found
    }

    /// Whether a Vietnamese match cuts through a word of the segmenter (one that starts before it
    /// and ends inside or after it, or starts inside it and ends after it) that is one of the
    /// model's training words: `Đảng` in `đảng viên`, `Nam` in `Việt Nam`. A word the segmenter
    /// makes up does not count: on news text it mostly runs a name into the capitalised words beside
    /// it (`Lào Thongloun Sisoulith`, `Việt Nam Tô Lâm`), and the match is right (docs/vietnamese-words.md).
    private func cutsKnownWord(_ match: Range<Int>, _ words: VietnameseWordBoundaries, in segmentation: Segmentation) -> Bool {
        // The space before the match, then the one after it (with the match's last syllable).
        for (space, syllable) in [(match.lowerBound, match.lowerBound), (match.upperBound, match.upperBound - 1)]
        where words.joins(before: space, in: segmentation) && words.knownWord(containing: syllable, in: segmentation) != nil {
            return true
        }
        return false
    }

    private func separatedBySpace(_ a: Token, _ b: Token, in segmentation: Segmentation) -> Bool {
        let gap = segmentation.document.bytes[a.range.upperBound..<b.range.lowerBound]
        guard gap.count <= 3, gap.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return false }
        return !gap.isEmpty || a.kind == .punctuation || b.kind == .punctuation
    }
}

/// A set of the first two UTF-8 bytes of strings, as one bit each: a string whose first two bytes
/// are not in it is none of the strings put in, nor a string they start, nor one that starts them
/// with two bytes or more.
struct LeadBytes {
    private var bits = [UInt64](repeating: 0, count: 1 << 10)

    private static func lead(_ text: String) -> Int {
        var bytes = text.utf8.makeIterator()
        let first = Int(bytes.next() ?? 0)
        return first << 8 | Int(bytes.next() ?? 0)
    }

    mutating func insert(_ text: String) {
        let lead = Self.lead(text)
        bits[lead >> 6] |= 1 << UInt64(lead & 63)
    }

    func contains(_ text: String) -> Bool {
        let lead = Self.lead(text)
        return bits[lead >> 6] & (1 << UInt64(lead & 63)) != 0
    }
}

extension String {
    /// The substring at a UTF-8 byte range.
    func utf8Slice(_ range: Range<Int>) -> String {
        let utf8 = Array(self.utf8)
        return String(decoding: utf8[range], as: UTF8.self)
    }
}
