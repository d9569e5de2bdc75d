import TolkText

/// The glossary checks: forbidden renderings, mangled names, source terms without an approved
/// rendering, one concept rendered several ways, and case. One finding model (`Finding`) for all.
///
/// Rules: `glossary-forbidden` (error), `glossary-mangled-name` (error), `glossary-missing` (error,
/// needs the source), `glossary-inconsistent` (warning), `glossary-case` (warning), and across
/// documents `glossary-inconsistent-corpus` (warning).
///
/// Not thread-safe (it owns ICU segmenters): one per task.
public final class GlossaryChecker {
    public let glossary: Glossary
    public let targetLanguage: String
    public let sourceLanguage: String
    private let targetSegmenter: Segmenter
    /// The source side, built when a source first comes (a page linted alone needs none).
    private var sourceSide: (segmenter: Segmenter, matcher: TermMatcher)?
    private let targetMatcher: TermMatcher
    /// Lower-cased single-word titles (with their common inflections) that can be glued to a name.
    private let titleWords: [(word: String, concept: Concept)]
    /// Person names of two or more words in the target language.
    private let names: [(concept: Concept, words: [String])]
    /// The index in `names` of the (first) name containing a word.
    private let nameByWord: [String: Int]
    /// Where a word stands in the names of three words or more: (index in `names`, position), in order.
    private let longNamePositionsByWord: [String: [(name: Int, position: Int)]]
    /// The indices in `names` of the names starting with a (lower-cased) word.
    private let namesByLoweredFirstWord: [String: [Int]]

    /// The result for one translation.
    public struct Result: Sendable {
        public let findings: [Finding]
        /// Term occurrences in the translation (for reports and corpus-wide checks).
        public let occurrences: [TermOccurrence]
        /// Term occurrences in the source, when there was one.
        public let sourceOccurrences: [TermOccurrence]
        public let path: String
        /// The translation as segmented for the checks.
        public let segmentation: Segmentation
    }

    /// A checker for `glossary`, which must have terms in both languages (`GlossaryError.noTerms`).
    public init(
        glossary: Glossary, targetLanguage: String = Language.defaultTargetCode, sourceLanguage: String = Language.defaultSourceCode
    ) throws {
        try glossary.requireTerms(in: [sourceLanguage, targetLanguage])
        self.glossary = glossary
        self.targetLanguage = targetLanguage
        self.sourceLanguage = sourceLanguage
        targetSegmenter = try Segmenter(languageCode: targetLanguage)
        targetMatcher = try TermMatcher(glossary: glossary, language: targetLanguage)
        var titles: [(word: String, concept: Concept)] = []
        var names: [(Concept, [String])] = []
        for concept in glossary.concepts {
            for term in concept.terms(in: targetLanguage) where term.status != .forbidden {
                let words = term.text.split(separator: " ").map(String.init)
                if Self.actsAsTitle(concept, term), words.count == 1 {
                    titles += Self.titleEndings.map { (words[0].lowercased() + $0, concept) }
                }
                if concept.kind == .person, words.count >= 2, words.allSatisfy({ $0.first?.isUppercase == true }) {
                    names.append((concept, words))
                }
            }
        }
        titleWords = titles.sorted { $0.word.count > $1.word.count }
        self.names = names
        var nameByWord: [String: Int] = [:]
        for (index, name) in names.enumerated() { for word in name.1 where nameByWord[word] == nil { nameByWord[word] = index } }
        self.nameByWord = nameByWord
        var positions: [String: [(name: Int, position: Int)]] = [:]
        for (index, name) in names.enumerated() where name.1.count >= 3 {
            for (position, word) in name.1.enumerated() { positions[word, default: []].append((index, position)) }
        }
        longNamePositionsByWord = positions
        namesByLoweredFirstWord = Dictionary(grouping: names.indices) { names[$0].1[0].lowercased() }
    }

    /// A source paragraph and the translated text it is aligned with (its bead and the beads
    /// beside it, as an alignment can be off by one).
    public struct AlignedUnit: Sendable {
        public let source: Range<Int>
        /// The paragraphs of its own bead.
        public let bead: [Range<Int>]
        /// Those and the paragraphs of the beads beside it.
        public let targets: [Range<Int>]

        public init(source: Range<Int>, bead: [Range<Int>], targets: [Range<Int>]) {
            self.source = source
            self.bead = bead
            self.targets = targets
        }
    }

    /// Checks one translation, with its source when there is one; `sourceRanges` limits the
    /// missing-term check to the article text of the source (not its site line or chrome), and
    /// `aligned` makes it per paragraph for names: a name needs an approved rendering in the text its
    /// paragraph is aligned with, not just anywhere in the translation.
    public func check(
        translation: Document, source: Document? = nil, sourceRanges: [Range<Int>]? = nil, aligned: [AlignedUnit]? = nil
    ) throws -> Result {
        try check(
            translation: try read(translation: translation), source: try source.map { try read(source: $0) }, sourceRanges: sourceRanges,
            aligned: aligned)
    }

    /// A document as the checker reads it: its ICU words (Vietnamese syllables) and every term
    /// occurrence in them. Read once, it serves the checks and the aligner's glossary features.
    public struct Reading: Sendable {
        public let segmentation: Segmentation
        public let occurrences: [TermOccurrence]
    }

    /// Reads a translation: its words and the terms of the target language in them.
    public func read(translation: Document) throws -> Reading {
        let segmentation = try targetSegmenter.segment(translation)
        return Reading(segmentation: segmentation, occurrences: try targetMatcher.occurrences(in: segmentation))
    }

    /// Reads a source: its words (syllables) and the terms of the source language in them.
    public func read(source: Document) throws -> Reading {
        let side = try sourceSide ?? (Segmenter(languageCode: sourceLanguage), TermMatcher(glossary: glossary, language: sourceLanguage))
        sourceSide = side
        let segmentation = try side.segmenter.segment(source)
        return Reading(segmentation: segmentation, occurrences: try side.matcher.occurrences(in: segmentation))
    }

    /// Checks a translation read by `read(translation:)`, with its source read by `read(source:)`.
    public func check(translation reading: Reading, source sourceReading: Reading?, sourceRanges: [Range<Int>]?, aligned: [AlignedUnit]?)
        throws -> Result
    {
        let segmentation = reading.segmentation
        let translation = segmentation.document
        let occurrences = reading.occurrences.filter { !isPartOfAnotherName($0, in: segmentation) }
        var findings: [Finding] = []
        func finding(
            _ rule: String, _ severity: Finding.Severity, _ message: String, _ range: Range<Int>, suggestion: String?, concept: String?
        ) {
            findings.append(
                Finding(
                    rule: rule, severity: severity, message: message, in: translation, range: range, suggestion: suggestion,
                    concept: concept))
        }

        for occurrence in occurrences where occurrence.term.status == .forbidden {
            let preferred = occurrence.concept.preferred(in: targetLanguage)?.text
            finding(
                "glossary-forbidden", .error, "'\(occurrence.text)' is a forbidden rendering of \(occurrence.concept.id)", occurrence.range,
                suggestion: preferred, concept: occurrence.concept.id)
        }

        let mangled = mangledNames(in: segmentation, occurrences: occurrences)
        for (range, concept, message, suggestion) in mangled where !message.isEmpty {
            finding("glossary-mangled-name", .error, message, range, suggestion: suggestion, concept: concept.id)
        }

        for (concept, places) in inconsistencies(occurrences) {
            let renderings = places.map { "'\($0.text)' (line \(translation.position(at: $0.range.lowerBound).line))" }.joined(
                separator: ", ")
            finding(
                "glossary-inconsistent", .warning,
                "\(concept.id) is rendered \(Set(places.map(\.term.text)).count) ways in this article: \(renderings)",
                // At a forbidden rendering when there is one (the approved places are right), else
                // at the second rendering.
                (places.first { $0.term.status == .forbidden } ?? places[1]).range, suggestion: concept.preferred(in: targetLanguage)?.text,
                concept: concept.id)
        }

        // A compound is a word of its own: its case is not the term's (`Ministerrådet`).
        for occurrence in occurrences where occurrence.term.status != .forbidden && !occurrence.isCompound {
            if let (message, suggestion) = caseProblem(occurrence, in: segmentation) {
                finding("glossary-case", .warning, message, occurrence.range, suggestion: suggestion, concept: occurrence.concept.id)
            }
        }

        var sourceOccurrences: [TermOccurrence] = []
        if let sourceReading {
            let source = sourceReading.segmentation.document
            let rendered = Set(occurrences.map(\.concept.id)).union(mangled.map(\.1.id))
            // The translation's words in lower case: all of them for the article-wide check, those
            // inside a paragraph's aligned text (found by binary search) for a name.
            let tokens = segmentation.tokens
            let targetWords = Set(tokens.lazy.filter { $0.kind == .word }.map { segmentation.text($0.range).lowercased() })
            func words(in ranges: [Range<Int>]) -> Set<String> {
                var found = Set<String>()
                for range in ranges {
                    var k = tokens.partitioningIndex { $0.range.lowerBound >= range.lowerBound }
                    while k < tokens.count, range.contains(tokens[k].range.lowerBound) {
                        if tokens[k].kind == .word { found.insert(segmentation.text(tokens[k].range).lowercased()) }
                        k += 1
                    }
                }
                return found
            }
            var reported = Set<String>()
            // Looked up by binary search, so a long article with many names stays linear.
            let articleText = sourceRanges.map(RangeLookup.init)
            let alignedSources = aligned.map { RangeLookup($0.map(\.source)) }
            let renderedAt = Self.starts(byConcept: occurrences.map { ($0.concept.id, $0.range) } + mangled.map { ($0.1.id, $0.0) })
            sourceOccurrences = sourceReading.occurrences
            for (index, occurrence) in sourceOccurrences.enumerated() {
                if let articleText, !articleText.contains(occurrence.range.lowerBound) { continue }
                var key = occurrence.concept.id
                // Names (and a title before one) are checked per paragraph; titles, terms and
                // organisations against the whole article, as a translation may fold them into a compound (`Bộ trưởng Bộ Công Thương`:
                // `handelsminister`) or render a verb use by a verb (`đổi mới nội dung`: `fornye`).
                // A title right before a name (`Tổng thống Alexander Stubb`) goes with the name.
                let next = index + 1 < sourceOccurrences.count ? sourceOccurrences[index + 1] : nil
                let titleBeforeName =
                    next.map { $0.concept.kind == .person && $0.tokens.lowerBound == occurrence.tokens.upperBound } == true
                    && occurrence.concept.preferred(in: targetLanguage).map { Self.actsAsTitle(occurrence.concept, $0) } == true
                let perParagraph = occurrence.concept.kind == .person || occurrence.concept.kind == .place || titleBeforeName
                if let aligned, let alignedSources, perParagraph {
                    // Per paragraph: rendered in the aligned text (a paragraph with no translation is
                    // missing-translation's finding).
                    guard let unit = alignedSources.index(containing: occurrence.range.lowerBound), !aligned[unit].targets.isEmpty
                    else { continue }
                    // A title before a name is looked for in the bead itself: the name beside it
                    // shows where it belongs (`Statsminister Alexander Stubb` for Tổng thống).
                    let targets = titleBeforeName ? aligned[unit].bead : aligned[unit].targets
                    let starts = renderedAt[occurrence.concept.id] ?? []
                    if targets.contains(where: { target in
                        let first = starts.partitioningIndex { $0 >= target.lowerBound }
                        return first < starts.count && starts[first] < target.upperBound
                    }) {
                        continue
                    }
                    key += "#\(unit)"
                    if reported.contains(key) || renderedInCompound(occurrence.concept, words: words(in: targets)) { continue }
                } else {
                    // Whether the article renders a concept is the same for each of its places.
                    if reported.contains(key) || rendered.contains(occurrence.concept.id)
                        || renderedInCompound(occurrence.concept, words: targetWords)
                    {
                        continue
                    }
                }
                guard let expected = occurrence.concept.preferred(in: targetLanguage), reported.insert(key).inserted else { continue }
                findings.append(
                    Finding(
                        rule: "glossary-missing", severity: .error,
                        message: key.contains("#")
                            ? "'\(occurrence.text)' (\(occurrence.concept.id)) has no approved rendering in the aligned translation"
                            : "'\(occurrence.text)' (\(occurrence.concept.id)) has no approved rendering in \(translation.name)",
                        in: source, range: occurrence.range, match: occurrence.text, suggestion: expected.text,
                        concept: occurrence.concept.id))
            }
        }
        return Result(
            findings: findings.sorted(by: Finding.ordered), occurrences: occurrences, sourceOccurrences: sourceOccurrences,
            path: translation.name, segmentation: segmentation)
    }

    /// The start offsets of each concept's places, sorted.
    private static func starts(byConcept places: [(String, Range<Int>)]) -> [String: [Int]] {
        places.reduce(into: [String: [Int]]()) { $0[$1.0, default: []].append($1.1.lowerBound) }.mapValues { $0.sorted() }
    }

    /// A capitalised one-word title or term followed by one capitalised word that is no glossary
    /// name belongs to another proper name: "Premier League", "President Hotel" (two capitalised
    /// words after it are a person's name: "Statsminister Anwar Ibrahim").
    private func isPartOfAnotherName(_ occurrence: TermOccurrence, in segmentation: Segmentation) -> Bool {
        guard occurrence.concept.kind == .title || occurrence.concept.kind == .term, occurrence.tokens.count == 1,
            occurrence.text.first?.isUppercase == true, occurrence.tokens.upperBound < segmentation.tokens.count
        else { return false }
        let next = segmentation.tokens[occurrence.tokens.upperBound]
        let word = segmentation.text(next.range)
        guard next.kind == .word, word.first?.isUppercase == true, !lineBreak(before: occurrence.tokens.upperBound, in: segmentation) else {
            return false
        }
        let bare = word.split(separator: "-").first.map(String.init) ?? word
        let after = occurrence.tokens.upperBound + 1
        if after < segmentation.tokens.count, segmentation.tokens[after].kind == .word,
            segmentation.text(segmentation.tokens[after].range).first?.isUppercase == true, !lineBreak(before: after, in: segmentation)
        {
            return false
        }
        return !names.contains { $0.words.contains(bare) || $0.words.contains(String(bare.dropLast())) }
    }

    /// Norwegian compounds render a title or term as their last part: "utenriksminister" and
    /// "landbruks- og miljøminister" both render "minister".
    private func renderedInCompound(_ concept: Concept, words: Set<String>) -> Bool {
        let forms = concept.terms(in: targetLanguage).filter { $0.status != .forbidden && !$0.text.utf8.contains(0x20) }.map {
            $0.text.lowercased()
        }
        guard concept.kind == .title || concept.kind == .term else {
            // A one-word name inside a word: `vietnamesiske` renders Vietnam, `Laos-besøket` Laos.
            return forms.contains { form in form.count >= 4 && words.contains { $0.count > form.count && $0.hasPrefix(form) } }
        }
        return forms.contains { form in words.contains { $0.count > form.count + 2 && $0.hasSuffix(form) } }
    }

    // MARK: Mangled names

    private func mangledNames(in segmentation: Segmentation, occurrences: [TermOccurrence]) -> [(Range<Int>, Concept, String, String?)] {
        var results: [(Range<Int>, Concept, String, String?)] = []
        let tokens = segmentation.tokens
        let bytes = segmentation.document.bytes
        let text = { (index: Int) in segmentation.text(tokens[index].range) }
        var coveredByName = Set<Int>()
        var titleEnds: [Int: TermOccurrence] = [:]
        for occurrence in occurrences {
            if occurrence.concept.kind == .person { coveredByName.formUnion(occurrence.tokens) }
            if Self.actsAsTitle(occurrence.concept, occurrence.term) { titleEnds[occurrence.tokens.upperBound - 1] = occurrence }
        }
        /// The name (its index in `names`) with `word` as a word, with or without a genitive ending.
        func nameWord(_ word: String) -> Int? {
            var bare = word
            for ending in Self.genitiveEndings where bare.hasSuffix(ending) && bare.count > ending.count + 1 {
                if nameByWord[bare] != nil { break }
                bare = String(bare.dropLast(ending.count))
            }
            return nameByWord[bare]
        }
        var reported = Set<Int>()
        for (index, token) in tokens.enumerated() where token.kind == .word && !coveredByName.contains(index) {
            // Both checks need a capital letter, read from the bytes first (ASCII capitals, or a
            // letter beyond ASCII whose case needs a property lookup): most words are passed without
            // becoming a String.
            let mayHaveInnerCapital = bytes[(token.range.lowerBound + 1)..<token.range.upperBound].contains {
                ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0xC0
            }
            let first = bytes[token.range.lowerBound]
            guard mayHaveInnerCapital || first >= 0x80 || (0x41...0x5A).contains(first) else { continue }
            let word = text(index)
            // A title glued to a name: "GeneralsekretærLams", "PresidentLuong" (a capital letter inside the word).
            let hasInnerCapital = mayHaveInnerCapital && word.unicodeScalars.dropFirst().contains { $0.isUppercaseLetter }
            let lowered = hasInnerCapital ? word.lowercased() : ""
            if hasInnerCapital, let title = titleWords.first(where: { lowered.hasPrefix($0.word) && lowered.count > $0.word.count }) {
                let rest = String(word.dropFirst(title.word.count))
                if rest.first?.isUppercase == true, let name = nameWord(rest) {
                    let (concept, words) = (names[name].concept, names[name].words)
                    results.append(
                        (
                            token.range, concept, "'\(word)' runs the title into part of the name '\(words.joined(separator: " "))'",
                            "\(title.word) \(words.joined(separator: " "))"
                        ))
                    results.append((token.range, title.concept, "", nil))  // the title is rendered, glued
                    reported.insert(index)
                    continue
                }
            }
            // The last part of a name alone after a title: "Generalsekretær Lam", "Generalsekretær for Lam".
            guard word.mayStartWithCapital, word.first?.isUppercase == true, let name = nameWord(word), names[name].words.count >= 2,
                word.hasPrefix(names[name].words.last!), index + 1 >= tokens.count || text(index + 1).first?.isUppercase != true
            else { continue }
            let (concept, words) = (names[name].concept, names[name].words)
            var previous = index - 1
            if previous >= 0, ["for", "av", "til", "fra"].contains(text(previous)) { previous -= 1 }
            if previous >= 0, let title = titleEnds[previous] {
                let range = title.range.lowerBound..<token.range.upperBound
                results.append(
                    (
                        range, concept, "'\(segmentation.text(range))' has only part of the name '\(words.joined(separator: " "))'",
                        "\(title.text) \(words.joined(separator: " "))"
                    ))
            }
        }
        // After a title, a name in lower case (`generalsekretær to lam`: alone, `to lam` is two
        // lambs) or cut short (`statsminister Pham Minh` for Pham Minh Chinh).
        for (end, title) in titleEnds.sorted(by: { $0.key < $1.key }) {
            let start = end + 1
            // Both checks need the name's first word in the token after the title.
            guard start + 1 < tokens.count, let candidates = namesByLoweredFirstWord[text(start).lowercased()] else { continue }
            for (concept, words) in candidates.map({ names[$0] }) where !reported.contains(start) {
                let count = min(words.count, tokens.count - start)
                let written = (start..<(start + count)).map(text)
                if count == words.count, written.map({ $0.lowercased() }) == words.map({ $0.lowercased() }),
                    written.allSatisfy({ $0.first?.isLowercase == true }), !coveredByName.contains(start)
                {
                    let range = tokens[start].range.lowerBound..<tokens[start + count - 1].range.upperBound
                    results.append(
                        (
                            range, concept, "the name '\(written.joined(separator: " "))' is written in lower case",
                            words.joined(separator: " ")
                        ))
                    reported.formUnion(start..<(start + count))
                    continue
                }
                // The first words of a name of three or more, then no capitalised word.
                guard words.count >= 3, !coveredByName.contains(start) else { continue }
                var matched = 0
                while matched < count, written[matched] == words[matched] { matched += 1 }
                let after = start + matched
                guard matched >= 2, matched < words.count,
                    after >= tokens.count || tokens[after].kind != .word || text(after).first?.isUppercase != true
                else { continue }
                let range = tokens[start].range.lowerBound..<tokens[after - 1].range.upperBound
                results.append(
                    (
                        range, concept,
                        "'\(written[..<matched].joined(separator: " "))' drops part of the name '\(words.joined(separator: " "))'",
                        "\(title.text) \(words.joined(separator: " "))"
                    ))
                reported.formUnion(start..<after)
            }
        }
        // A name with one word changed: "Pham Minh Kinh" for "Pham Minh Chinh". Windows are tried
        // only where a token equals a word of the name.
        // A concept's name tried at a token: once, whichever of its words led there.
        struct NamePlace: Hashable {
            let concept: String
            let start: Int
        }
        var checked = Set<NamePlace>()
        for (index, token) in tokens.enumerated() {
            // Name words are capitalised: a token starting with a lower-case ASCII letter is none.
            let first = bytes[token.range.lowerBound]
            guard first >= 0x80 || (0x41...0x5A).contains(first), !longNamePositionsByWord.isEmpty else { continue }
            for (name, position) in longNamePositionsByWord[text(index)] ?? [] {
                // The name's words and concept are read in place, not copied, for the many places checked.
                let words = names[name].words
                let start = index - position
                let window = start..<(start + words.count)
                guard start >= 0, window.upperBound <= tokens.count,
                    checked.insert(NamePlace(concept: names[name].concept.id, start: start)).inserted
                else { continue }
                let candidate = window.map(text)
                let differences = zip(candidate, words).filter { $0 != $1 }.count
                guard differences == 1, candidate.allSatisfy({ $0.first?.isUppercase == true }),
                    !window.contains(where: { coveredByName.contains($0) || reported.contains($0) })
                else { continue }
                let range = tokens[window.lowerBound].range.lowerBound..<tokens[window.upperBound - 1].range.upperBound
                results.append(
                    (
                        range, names[name].concept,
                        "'\(candidate.joined(separator: " "))' looks like a mangled '\(words.joined(separator: " "))'",
                        words.joined(separator: " ")
                    ))
                reported.formUnion(window)
            }
        }
        return results
    }

    /// A one-word title as written and with the endings it may take glued to a name
    /// (`generalsekretærenTo`), and the genitive endings of a name (`Lams`): those of every built-in
    /// language, whatever the target language.
    private static let titleEndings = [""] + everyBuiltIn(\.titleEndings)
    private static let genitiveEndings = everyBuiltIn(\.genitiveEndings)

    /// The entries of `list` in every built-in language, in order, each once.
    private static func everyBuiltIn(_ list: KeyPath<Language, [String]>) -> [String] {
        var seen = Set<String>()
        return Language.builtIn.flatMap { $0[keyPath: list] }.filter { seen.insert($0).inserted }
    }

    /// A title, or a one-word term in lower case: what a glossary without categories gives for
    /// `generalsekretær` and `statsminister` (a title before a name is checked as one).
    private static func actsAsTitle(_ concept: Concept, _ term: Term) -> Bool {
        concept.kind == .title || (concept.kind == .term && term.text.first?.isLowercase == true && !term.text.utf8.contains(0x20))
    }

    // MARK: Consistency and case

    /// Concepts rendered by two or more different glossary terms, with their occurrences (first of each rendering).
    private func inconsistencies(_ occurrences: [TermOccurrence]) -> [(Concept, [TermOccurrence])] {
        var byConcept: [String: [TermOccurrence]] = [:]
        var order: [String] = []
        for occurrence in occurrences {
            if byConcept[occurrence.concept.id] == nil { order.append(occurrence.concept.id) }
            byConcept[occurrence.concept.id, default: []].append(occurrence)
        }
        return order.compactMap { id in
            var firstOfEach: [TermOccurrence] = []
            for occurrence in byConcept[id]! where !firstOfEach.contains(where: { $0.term.text == occurrence.term.text }) {
                firstOfEach.append(occurrence)
            }
            // An acronym beside the full name is a convention, not an inconsistency; two acronyms
            // of one concept (`VNA` and `TTXVN`) are.
            let names = firstOfEach.filter { !Self.isAcronym($0.term.text) }
            let acronyms = firstOfEach.filter { Self.isAcronym($0.term.text) }
            let renderings = names.count >= 2 ? names : acronyms.count >= 2 ? acronyms : []
            return renderings.count >= 2 ? (renderings[0].concept, renderings) : nil
        }
    }

    private static func isAcronym(_ text: String) -> Bool {
        text.count <= 6 && text == text.uppercased() && text.contains(where: \.isLetter)
    }

    private func caseProblem(_ occurrence: TermOccurrence, in segmentation: Segmentation) -> (String, String)? {
        guard let first = occurrence.text.first else { return nil }
        // The case comes from the term as the glossary writes it: a title or term in lower case
        // (`statsminister`, `brikke`) is lower case but at the start of a sentence or line. An
        // organisation may be written as a proper name (`Regjeringen` for Norway's government).
        switch occurrence.concept.kind {
        case .organisation:
            return nil
        case .title, .term:
            // A term the glossary gives in the definite form (`regjeringen`, `sentralkomiteen`) names
            // an institution, which Norwegian may capitalise (`Regjeringen`).
            let definite = !occurrence.term.text.utf8.contains(0x20) && ["en", "et"].contains { occurrence.term.text.hasSuffix($0) }
            guard first.isUppercase, occurrence.term.text.first?.isLowercase == true, !definite,
                !startsSentence(occurrence.tokens.lowerBound, in: segmentation)
            else { return nil }
            let what = occurrence.concept.kind == .title ? "title" : "term"
            return (
                "the \(what) '\(occurrence.text)' is written in lower case mid-sentence",
                occurrence.text.prefix(1).lowercased() + occurrence.text.dropFirst()
            )
        case .person, .place:
            guard first.isLowercase, occurrence.term.text.first?.isUppercase == true else { return nil }
            return (
                "the name '\(occurrence.text)' is written with a capital letter",
                occurrence.text.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
            )
        }
    }

    /// Whether token `index` starts a sentence or a line (headlines, captions), possibly after an
    /// opening quote or dash.
    private func startsSentence(_ index: Int, in segmentation: Segmentation) -> Bool {
        var first = index
        while first > 0, segmentation.tokens[first - 1].kind == .punctuation, !lineBreak(before: first - 1, in: segmentation) { first -= 1 }
        if first == 0 || lineBreak(before: first, in: segmentation) { return true }
        let sentences = segmentation.sentences
        let found = sentences.partitioningIndex { $0.tokens.upperBound > index }
        guard found < sentences.count, sentences[found].tokens.contains(index) else { return true }
        let sentence = sentences[found]
        var start = sentence.tokens.lowerBound
        while start < index, segmentation.tokens[start].kind == .punctuation { start += 1 }
        return start == index
    }

    private func lineBreak(before index: Int, in segmentation: Segmentation) -> Bool {
        guard index > 0 else { return true }
        let gap = segmentation.document.bytes[segmentation.tokens[index - 1].range.upperBound..<segmentation.tokens[index].range.lowerBound]
        return gap.contains(0x0A) || gap.contains(0x0D)
    }

    // MARK: Across documents

    /// One document's renderings of a concept, for the check across documents: the first place
    /// of each glossary term (approved or admitted, not an acronym) in `result`'s document.
    public struct Rendering: Codable, Sendable, Equatable {
        public let concept: String
        public let term: String
        /// The place, as the finding about it would report it (rule, severity and message aside).
        public let place: Finding

        public var path: String { place.path }
    }

    /// The renderings in `result`, in text order.
    public static func renderings(of result: Result) -> [Rendering] {
        var seen = Set<[String]>()
        let document = result.segmentation.document
        return result.occurrences.compactMap { occurrence in
            guard occurrence.term.status != .forbidden, !isAcronym(occurrence.term.text),
                seen.insert([occurrence.concept.id, occurrence.term.text]).inserted
            else { return nil }
            let place = Finding(
                rule: "glossary-inconsistent-corpus", severity: .warning, message: "", in: document, range: occurrence.range,
                match: occurrence.text, suggestion: occurrence.concept.preferred(in: occurrence.term.language)?.text,
                concept: occurrence.concept.id)
            return Rendering(concept: occurrence.concept.id, term: occurrence.term.text, place: place)
        }
    }

    /// Concepts rendered differently in different documents: one warning per concept, at its first
    /// occurrence in the document where the second rendering appears, listing every place.
    /// `renderings` come document by document, in the corpus's order.
    public static func corpusInconsistencies(_ renderings: [Rendering]) -> [Finding] {
        var places: [String: [Rendering]] = [:]
        var order: [String] = []
        for rendering in renderings {
            if places[rendering.concept] == nil { order.append(rendering.concept) }
            places[rendering.concept, default: []].append(rendering)
        }
        var findings: [Finding] = []
        for id in order {
            let places = places[id]!
            let distinct = places.map(\.term).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            guard distinct.count >= 2, let second = places.first(where: { $0.term == distinct[1] }) else { continue }
            let list = places.map { "'\($0.term)' in \($0.path)" }.joined(separator: ", ")
            var finding = second.place
            finding.message = "\(id) is rendered \(distinct.count) ways across the corpus: \(list)"
            findings.append(finding)
        }
        return findings
    }
}

/// Ranges that answer which of them holds an offset by binary search.
struct RangeLookup {
    private let ranges: [Range<Int>]
    /// Indices into `ranges`, by lower bound.
    private let order: [Int]
    /// The largest upper bound of `ranges[order[...k]]`, for each k.
    private let reach: [Int]

    init(_ ranges: [Range<Int>]) {
        self.ranges = ranges
        // An empty range before a longer one at the same place: the last to start holds the offset.
        order = ranges.indices.sorted { (ranges[$0].lowerBound, ranges[$0].upperBound) < (ranges[$1].lowerBound, ranges[$1].upperBound) }
        var furthest = Int.min
        reach = order.map { index in
            furthest = max(furthest, ranges[index].upperBound)
            return furthest
        }
    }

    /// The number of ranges starting at or before `offset`, in `order`.
    private func startingBy(_ offset: Int) -> Int { order.partitioningIndex { ranges[$0].lowerBound > offset } }

    /// Whether any range holds `offset`.
    func contains(_ offset: Int) -> Bool {
        let count = startingBy(offset)
        return count > 0 && reach[count - 1] > offset
    }

    /// The index of the range that holds `offset`, for ranges that do not overlap (a document's
    /// paragraphs), or nil.
    func index(containing offset: Int) -> Int? {
        let count = startingBy(offset)
        guard count > 0, ranges[order[count - 1]].contains(offset) else { return nil }
        return order[count - 1]
    }
}
