import ArgumentParser
import TolkText

/// `tolk segment`: one sentence a line, or JSON lines with offsets.
struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "segment", abstract: "Split text into sentences.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @OptionGroup var language: LanguageOption
    @Option(
        help:
            "text: a sentence per line (line breaks inside become spaces), a blank line between paragraphs; jsonl: a sentence per line with offsets."
    )
    var format: Format = .text
    @OptionGroup var input: InputFiles

    func run() throws {
        let segmenter = try Segmenter(languageCode: language.lang)
        let out = StandardOutput.shared
        let encoder = JSONLine.encoder()
        for reader in input.readers {
            var paragraphNumber = 0
            let bytes = try reader.forEachBlock { document in
                let segmentation = try segmenter.segment(document)
                var cursor = Document.PositionCursor(document)
                for paragraph in segmentation.paragraphs {
                    paragraphNumber += 1
                    if format == .text, paragraphNumber > 1 { out.write(byte: 0x0A) }
                    for sentence in segmentation.sentences[paragraph.sentences] {
                        switch format {
                        case .text:
                            out.writeOnOneLine(document.bytes[sentence.range])
                            out.write(byte: 0x0A)
                        case .jsonl:
                            let text = segmentation.text(sentence.range)
                            let start = cursor.position(at: sentence.range.lowerBound)
                            let base = document.origin.byteOffset
                            out.write(
                                JSONLine.text(
                                    SentenceLine(
                                        text: text, start: base + sentence.range.lowerBound, end: base + sentence.range.upperBound,
                                        line: start.line, column: start.column, paragraph: paragraphNumber, tokens: sentence.tokens.count),
                                    encoder))
                        }
                    }
                }
            }
            InputFiles.noteEmpty(reader, bytes: bytes)
        }
        out.flush()
    }
}

/// One line of `tolk segment --format jsonl`.
private struct SentenceLine: Encodable {
    let text: String
    let start: Int
    let end: Int
    let line: Int
    let column: Int
    let paragraph: Int
    let tokens: Int
}
