/// A word-level token. `range` is in UTF-8 bytes of its `Document`.
public struct Token: Hashable, Sendable {
    /// What a token is made of.
    public enum Kind: String, Sendable, CaseIterable {
        case word, number, punctuation, symbol
    }

    // Offsets as 32 bits: a document is at most `TextReader.wholeDocumentLimit` bytes, and a long
    // text has a token every few bytes (12 bytes a token instead of 24).
    private let start: UInt32
    private let end: UInt32
    public let kind: Kind

    public var range: Range<Int> { Int(start)..<Int(end) }

    /// A token of `range` (offsets below 2^32).
    public init(range: Range<Int>, kind: Kind) {
        precondition(range.upperBound <= UInt32.max, "a token's offsets are below 4 GiB (a document is read whole up to 256 MiB)")
        start = UInt32(range.lowerBound)
        end = UInt32(range.upperBound)
        self.kind = kind
    }
}

/// A sentence. `range` is in UTF-8 bytes of its `Document` (from its first token's start to its
/// last token's end); `tokens` indexes `Segmentation.tokens`.
public struct Sentence: Hashable, Sendable {
    public let range: Range<Int>
    public let tokens: Range<Int>
}

/// A paragraph: text between blank lines. `range` is in UTF-8 bytes of its `Document` (first to
/// last non-blank byte); `sentences` indexes `Segmentation.sentences`.
public struct Paragraph: Hashable, Sendable {
    public let range: Range<Int>
    public let sentences: Range<Int>
}

/// A document cut into paragraphs, sentences and tokens.
public struct Segmentation: Sendable {
    public let document: Document
    public let paragraphs: [Paragraph]
    public let sentences: [Sentence]
    public let tokens: [Token]

    /// The text of a token, sentence or paragraph range.
    public func text(_ range: Range<Int>) -> String { document.text(range) }

    /// Whether the input has no whitespace between token `index` and the next token.
    public func hasNoSpaceAfter(token index: Int) -> Bool {
        index + 1 < tokens.count && tokens[index].range.upperBound == tokens[index + 1].range.lowerBound
    }
}

/// Paragraph boundaries: runs of non-blank lines, separated by lines holding only spaces or tabs.
enum ParagraphSplitter {
    /// The byte ranges of the paragraphs in `bytes`, each from its first to its last non-blank byte.
    /// - Complexity: O(n).
    static func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var result: [Range<Int>] = []
        var paragraphStart: Int? = nil
        var contentEnd = 0
        let count = bytes.count
        var lineStart = 0
        while lineStart < count {
            var lineEnd = ByteScan.lineBreak(bytes, from: lineStart)
            var first = lineStart
            while first < lineEnd, isBlank(bytes[first]) { first += 1 }
            if first < lineEnd {
                if paragraphStart == nil { paragraphStart = first }
                contentEnd = lineEnd
                while isBlank(bytes[contentEnd - 1]) { contentEnd -= 1 }
            } else if let start = paragraphStart {
                result.append(start..<contentEnd)
                paragraphStart = nil
            }
            if lineEnd + 1 < count, bytes[lineEnd] == 0x0D, bytes[lineEnd + 1] == 0x0A { lineEnd += 1 }
            lineStart = lineEnd + 1
        }
        if let start = paragraphStart { result.append(start..<contentEnd) }
        return result
    }
}
