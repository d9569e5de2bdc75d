import TolkText

/// How a corpus renders each glossary concept: every rendering with its places, the concepts never
/// seen, and text that looks like a concept but is not in the glossary (candidate forbidden variants).
public struct GlossaryReport: Sendable {
    /// A place in a file.
    public struct Place: Sendable, Hashable, Codable, CustomStringConvertible {
        public let path: String
        public let line: Int
        public let column: Int
        public var description: String { "\(path):\(line):\(column)" }
    }

    public struct Rendering: Sendable, Codable {
        /// The glossary term (the form written may be inflected).
        public let term: String
        public let status: Term.Status
        public let places: [Place]
    }

    public struct ConceptUsage: Sendable, Codable {
        public let concept: String
        public let renderings: [Rendering]
    }

    public struct Candidate: Sendable, Codable {
        public let text: String
        /// The concept it resembles and the term it resembles most.
        public let concept: String
        public let resembles: String
        public let similarity: Double
        public let places: [Place]
    }

    public let used: [ConceptUsage]
    public let unseen: [String]
    public let candidates: [Candidate]

    /// Builds the report from checked documents.
    /// - Complexity: O(tokens × terms sharing a word with them) for the candidates.
    public static func build(glossary: Glossary, language: String, results: [GlossaryChecker.Result]) throws -> GlossaryReport {
        try glossary.requireTerms(in: [language])
        let segmentations = Dictionary(results.map { ($0.path, $0.segmentation) }, uniquingKeysWith: { first, _ in first })
        var placesByConcept: [String: [String: [Place]]] = [:]
        var covered: [String: [String: Set<Int>]] = [:]
        for result in results {
            guard let segmentation = segmentations[result.path] else { continue }
            for occurrence in result.occurrences {
                let position = segmentation.document.position(at: occurrence.range.lowerBound)
                placesByConcept[occurrence.concept.id, default: [:]][occurrence.term.text, default: []]
                    .append(Place(path: result.path, line: position.line, column: position.column))
                covered[result.path, default: [:]][occurrence.concept.id, default: []].formUnion(occurrence.tokens)
            }
        }
        var used: [ConceptUsage] = []
        var unseen: [String] = []
        for concept in glossary.concepts where !concept.terms(in: language).isEmpty {
            guard let places = placesByConcept[concept.id] else {
                unseen.append(concept.id)
                continue
            }
            let renderings = concept.terms(in: language).compactMap { term in
                places[term.text].map { Rendering(term: term.text, status: term.status, places: $0) }
            }
            used.append(ConceptUsage(concept: concept.id, renderings: renderings))
        }
        let candidates = try nearMisses(glossary: glossary, language: language, segmentations: segmentations, covered: covered)
        return GlossaryReport(used: used, unseen: unseen, candidates: candidates)
    }

    /// Word sequences that share a word with a multi-word term and resemble it closely after
    /// folding, but matched no glossary term.
    private static func nearMisses(
        glossary: Glossary, language: String, segmentations: [String: Segmentation], covered: [String: [String: Set<Int>]]
    ) throws
        -> [Candidate]
    {
        let fold = Normalizer.foldedKey
        var terms: [(concept: String, text: String, folded: String, words: [String])] = []
        var known = Set<String>()
        for concept in glossary.concepts {
            for term in concept.terms(in: language) {
                let folded = try fold.normalize(term.text).text
                known.insert(folded)
                let words = folded.split(separator: " ").map(String.init)
                if words.count >= 2, term.status != .forbidden { terms.append((concept.id, term.text, folded, words)) }
            }
        }
        var termsByWord: [String: [Int]] = [:]
        for (index, term) in terms.enumerated() {
            for word in Set(term.words) where word.count >= 4 { termsByWord[word, default: []].append(index) }
        }
        var found: [String: (Int, Double, [Place])] = [:]
        // Words recur across pages: each surface form is folded once.
        var foldedWords: [String: String] = [:]
        for (path, segmentation) in segmentations.sorted(by: { $0.key < $1.key }) {
            let tokens = segmentation.tokens
            let bytes = segmentation.document.bytes
            let words = try tokens.map { token in
                let surface = segmentation.text(token.range)
                if let known = foldedWords[surface] { return known }
                let folded = try fold.normalize(surface).text
                foldedWords[surface] = folded
                return folded
            }
            /// Whether tokens `a` and `a + 1` are separated by spaces on one line.
            func joined(_ a: Int) -> Bool {
                let gap = bytes[tokens[a].range.upperBound..<tokens[a + 1].range.lowerBound]
                return !gap.isEmpty && gap.allSatisfy { $0 == 0x20 }
            }
            for (index, word) in words.enumerated() {
                for termIndex in termsByWord[word] ?? [] {
                    let term = terms[termIndex]
                    // The most similar window around this word, if similar enough.
                    var best: (Range<Int>, Double)? = nil
                    for length in max(1, term.words.count - 1)...(term.words.count + 1) {
                        for start in max(0, index - length + 1)...index where start + length <= tokens.count {
                            let window = start..<(start + length)
                            // Tokens already matched for this concept are no look-alike of it.
                            guard window.allSatisfy({ tokens[$0].kind == .word && !(covered[path]?[term.concept]?.contains($0) ?? false) }),
                                window.dropLast().allSatisfy(joined)
                            else { continue }
                            let candidate = window.map { words[$0] }.joined(separator: " ")
                            guard !known.contains(candidate) else { continue }
                            // Both ends must resemble a word of the term: no "i ..." or "... den" around a real term.
                            let resemblesTermWord = { (word: String) in term.words.contains { $0 == word || dice($0, word) >= 0.5 } }
                            guard resemblesTermWord(words[window.lowerBound]), resemblesTermWord(words[window.upperBound - 1]) else {
                                continue
                            }
                            let similarity = dice(candidate, term.folded)
                            if similarity >= 0.75, similarity > (best?.1 ?? 0) { best = (window, similarity) }
                        }
                    }
                    guard let (window, similarity) = best else { continue }
                    let text = segmentation.text(
                        tokens[window.lowerBound].range.lowerBound..<tokens[window.upperBound - 1].range.upperBound)
                    let position = segmentation.document.position(at: tokens[window.lowerBound].range.lowerBound)
                    let place = Place(path: path, line: position.line, column: position.column)
                    if let existing = found[text] {
                        if !existing.2.contains(place) { found[text] = (existing.0, existing.1, existing.2 + [place]) }
                    } else {
                        found[text] = (termIndex, similarity, [place])
                    }
                }
            }
        }
        return found.map { text, value in
            Candidate(text: text, concept: terms[value.0].concept, resembles: terms[value.0].text, similarity: value.1, places: value.2)
        }.sorted { ($0.concept, $0.text) < ($1.concept, $1.text) }
    }

    /// Dice coefficient of character bigrams.
    static func dice(_ a: String, _ b: String) -> Double {
        // ASCII without CR (whose CR LF would be one character): characters are bytes, and the
        // bigrams are compared as sorted two-byte codes, with no strings or dictionaries.
        if a.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }), b.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            func codes(_ s: String) -> [UInt16] {
                let bytes = Array(s.utf8)
                return (0..<max(0, bytes.count - 1)).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }.sorted()
            }
            let x = codes(a)
            let y = codes(b)
            var (i, j, shared) = (0, 0, 0)
            while i < x.count, j < y.count {
                if x[i] == y[j] {
                    shared += 1
                    i += 1
                    j += 1
                } else if x[i] < y[j] {
                    i += 1
                } else {
                    j += 1
                }
            }
            let total = x.count + y.count
            return total == 0 ? 0 : 2 * Double(shared) / Double(total)
        }
        func bigrams(_ s: String) -> [String: Int] {
            let characters = Array(s)
            var counts: [String: Int] = [:]
            for i in 0..<max(0, characters.count - 1) { counts[String(characters[i...(i + 1)]), default: 0] += 1 }
            return counts
        }
        let x = bigrams(a)
        let y = bigrams(b)
        let shared = x.reduce(0) { $0 + min($1.value, y[$1.key] ?? 0) }
        let total = x.values.reduce(0, +) + y.values.reduce(0, +)
        return total == 0 ? 0 : 2 * Double(shared) / Double(total)
    }
}
