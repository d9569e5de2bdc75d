import CICUShim

/// Cuts documents into paragraphs, sentences and word tokens: ICU's word and sentence break
/// iterators for the language's locale, refined by the language's rules (`Language.Rules`).
///
/// A segmenter owns ICU iterators and is not thread-safe: use one per task.
public final class Segmenter {
    public let language: Language
    /// Words or syllables (for Vietnamese; other languages get ICU's words either way).
    public let unit: TokenUnit
    private var joiner: VietnameseWordJoiner?
    private let words: Breaker
    private let sentences: Breaker
    private var boundaryScratch: [Breaker.Boundary] = []

    /// A segmenter for `language` giving ICU's words (Vietnamese syllables).
    public convenience init(language: Language) throws(ICUError) {
        try self.init(language: language, unit: .syllable, joiner: nil)
    }

    private init(language: Language, unit: TokenUnit, joiner: VietnameseWordJoiner?) throws(ICUError) {
        self.language = language
        self.unit = unit
        self.joiner = joiner
        words = try Breaker(.word, locale: language.code)
        sentences = try Breaker(.sentence, locale: language.code)
    }

    /// A segmenter for an ICU locale id ("nb", "vi", ...) giving ICU's words (Vietnamese syllables).
    public convenience init(languageCode: String) throws(ICUError) {
        try self.init(language: Language(code: languageCode))
    }

    /// A segmenter giving `unit`s: for Vietnamese words, `wordModel` (default: the built-in model)
    /// joins syllables into words.
    /// - Throws: `VietnameseWordModelError` when the built-in model cannot be read, `ICUError`.
    public convenience init(languageCode: String, unit: TokenUnit, wordModel: VietnameseWordModel? = nil) throws {
        let language = Language(code: languageCode)
        var joiner: VietnameseWordJoiner? = nil
        if unit == .word, language.rules.contains(.syllableWords) {
            joiner = VietnameseWordJoiner(model: try wordModel ?? VietnameseWordModel.builtIn())
        }
        try self.init(language: language, unit: unit, joiner: joiner)
    }

    /// Segments the whole document.
    /// - Complexity: O(n) in the document's bytes.
    public func segment(_ document: Document) throws(ICUError) -> Segmentation {
        var cut = Cut()
        cut.tokens.reserveCapacity(document.bytes.count / 5)
        try document.bytes.withUnsafeBufferPointer { bytes throws(ICUError) in
            for range in ParagraphSplitter.ranges(in: bytes) { try appendParagraph(range, in: bytes, to: &cut) }
        }
        return Segmentation(document: document, paragraphs: cut.paragraphs, sentences: cut.sentences, tokens: cut.tokens)
    }

    /// One paragraph of `document` (a range of `paragraphRanges(of:)`), segmented as `segment`
    /// segments it within the whole document: a paragraph's words and sentences depend on it alone.
    public func segment(_ document: Document, paragraph range: Range<Int>) throws(ICUError) -> Segmentation {
        var cut = Cut()
        try document.bytes.withUnsafeBufferPointer { bytes throws(ICUError) in try appendParagraph(range, in: bytes, to: &cut) }
        return Segmentation(document: document, paragraphs: cut.paragraphs, sentences: cut.sentences, tokens: cut.tokens)
    }

    /// The byte ranges of `document`'s paragraphs, as `segment` cuts them, without segmenting them.
    public static func paragraphRanges(of document: Document) -> [Range<Int>] {
        document.bytes.withUnsafeBufferPointer { ParagraphSplitter.ranges(in: $0) }
    }

    /// What `segment` gives for `syllables.document`, made from `syllables`: the document cut by
    /// a segmenter of the same language giving syllables. Each paragraph's syllables are joined by
    /// the word model and its sentences found again, without a second pass of ICU; without a word
    /// model (other languages, or syllables asked for) that is `syllables` itself.
    public func joiningWords(of syllables: Segmentation) throws(ICUError) -> Segmentation {
        guard joiner != nil else { return syllables }
        var cut = Cut()
        cut.tokens.reserveCapacity(syllables.tokens.count)
        try syllables.document.bytes.withUnsafeBufferPointer { bytes throws(ICUError) in
            for paragraph in syllables.paragraphs { try appendJoined(paragraph, of: syllables, in: bytes, to: &cut) }
        }
        return Segmentation(document: syllables.document, paragraphs: cut.paragraphs, sentences: cut.sentences, tokens: cut.tokens)
    }

    /// What `joiningWords(of:)` gives for one paragraph of `syllables` (by index), alone.
    public func joiningWords(of syllables: Segmentation, paragraph index: Int) throws(ICUError) -> Segmentation {
        var cut = Cut()
        try syllables.document.bytes.withUnsafeBufferPointer { bytes throws(ICUError) in
            try appendJoined(syllables.paragraphs[index], of: syllables, in: bytes, to: &cut)
        }
        return Segmentation(document: syllables.document, paragraphs: cut.paragraphs, sentences: cut.sentences, tokens: cut.tokens)
    }

    /// Paragraphs, sentences and tokens as they are cut, one paragraph after another.
    private struct Cut {
        var paragraphs: [Paragraph] = []
        var sentences: [Sentence] = []
        var tokens: [Token] = []
    }

    private func appendParagraph(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, to cut: inout Cut) throws(ICUError) {
        let firstSentence = cut.sentences.count
        let firstToken = cut.tokens.count
        try appendTokens(of: range, in: bytes, to: &cut.tokens)
        try appendSentences(of: range, in: bytes, tokens: cut.tokens, from: firstToken, to: &cut.sentences)
        cut.paragraphs.append(Paragraph(range: range, sentences: firstSentence..<cut.sentences.count))
    }

    /// A paragraph of `syllables` in words (without a word model, its syllables).
    private func appendJoined(
        _ paragraph: Paragraph, of syllables: Segmentation, in bytes: UnsafeBufferPointer<UInt8>, to cut: inout Cut
    ) throws(ICUError) {
        let firstSentence = cut.sentences.count
        let firstToken = cut.tokens.count
        // A paragraph's sentences hold all its tokens, one after another.
        let sentences = syllables.sentences[paragraph.sentences]
        if let first = sentences.first, let last = sentences.last {
            cut.tokens.append(contentsOf: syllables.tokens[first.tokens.lowerBound..<last.tokens.upperBound])
        }
        if joiner == nil {
            // Syllables are the words: the paragraph's sentences as they are, renumbered.
            let shift = firstToken - (sentences.first?.tokens.lowerBound ?? 0)
            cut.sentences += sentences.map {
                Sentence(range: $0.range, tokens: ($0.tokens.lowerBound + shift)..<($0.tokens.upperBound + shift))
            }
            cut.paragraphs.append(Paragraph(range: paragraph.range, sentences: firstSentence..<cut.sentences.count))
            return
        }
        joiner?.join(&cut.tokens, from: firstToken, bytes: bytes)
        if !language.rules.contains(.terminalSentences) {
            try words.setText(UnsafeBufferPointer(rebasing: bytes[paragraph.range]), softLineBreaks: true)
        }
        try appendSentences(of: paragraph.range, in: bytes, tokens: cut.tokens, from: firstToken, to: &cut.sentences)
        cut.paragraphs.append(Paragraph(range: paragraph.range, sentences: firstSentence..<cut.sentences.count))
    }

    // MARK: Words

    private func appendTokens(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, to tokens: inout [Token]) throws(ICUError) {
        boundaryScratch.removeAll(keepingCapacity: true)
        // Line breaks are shown to ICU as spaces: they are soft for sentences, and for words a line
        // break and a space both separate; so both iterators can share one decoded text.
        try words.setText(UnsafeBufferPointer(rebasing: bytes[range]), softLineBreaks: true)
        try words.boundaries(base: range.lowerBound, into: &boundaryScratch)
        let first = tokens.count
        var start = range.lowerBound
        for boundary in boundaryScratch {
            let end = boundary.offset
            if let kind = TokenClassifier.kind(of: start..<end, in: bytes, icuStatus: boundary.status) {
                tokens.append(Token(range: start..<end, kind: kind))
            }
            start = end
        }
        if !language.rules.isEmpty || !language.abbreviations.isEmpty {
            let merger = TokenMerger(bytes: bytes, language: language)
            merger.merge(&tokens, from: first)
        }
        joiner?.join(&tokens, from: first, bytes: bytes)
    }

    // MARK: Sentences

    private func appendSentences(
        of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], from firstToken: Int,
        to sentences: inout [Sentence]
    ) throws(ICUError) {
        guard firstToken < tokens.count else { return }
        let rules = SentenceRules(bytes: bytes, language: language, tokens: tokens, paragraphTokens: firstToken..<tokens.count)
        let starts: [Int]
        if language.rules.contains(.terminalSentences) {
            starts = rules.terminalSentenceStarts()
        } else {
            boundaryScratch.removeAll(keepingCapacity: true)
            try self.sentences.setText(sameAs: words)
            try self.sentences.boundaries(base: range.lowerBound, into: &boundaryScratch)
            starts = rules.sentenceStarts(icuBoundaries: boundaryScratch)
        }
        for (k, startToken) in starts.enumerated() {
            let endToken = k + 1 < starts.count ? starts[k + 1] : tokens.count
            sentences.append(
                Sentence(range: tokens[startToken].range.lowerBound..<tokens[endToken - 1].range.upperBound, tokens: startToken..<endToken))
        }
    }
}

/// Turns an ICU word segment into a token kind, or nil for whitespace.
enum TokenClassifier {
    @inline(__always)
    static func kind(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, icuStatus: Int32) -> Token.Kind? {
        switch icuStatus {
        case 100..<200: return .number
        case 200..<500: return .word
        default: break
        }
        let first = bytes[range.lowerBound]
        if first < 0x80 {
            // ASCII: no Unicode property lookup needed.
            switch first {
            case 0x09...0x0D, 0x20: return nil
            case 0x30...0x39: return .number
            case 0x41...0x5A, 0x61...0x7A: return .word
            case 0x24, 0x2B, 0x3C...0x3E, 0x5E, 0x60, 0x7C, 0x7E: return .symbol
            case 0x00...0x1F, 0x7F: return range.count == 1 ? nil : .symbol
            default: return .punctuation
            }
        }
        let (scalar, _) = UTF8Validation.decode(bytes, at: range.lowerBound)
        let properties = scalar.properties
        if properties.isWhitespace { return nil }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark:
            return .word
        case .decimalNumber, .letterNumber, .otherNumber:
            return .number
        case .format, .control:
            // Invisible characters (a stray zero-width space, a byte order mark) are no tokens.
            return range.count == scalar.utf8.count ? nil : .symbol
        default:
            return .symbol
        }
    }
}
