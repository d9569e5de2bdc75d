import ArgumentParser
import TolkText

/// `tolk tokenize`: word tokens, one sentence a line (text), one token a line (jsonl) or CoNLL-U.
struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tokenize", abstract: "Split text into word tokens, sentence by sentence.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl, conllu
    }

    @OptionGroup var language: LanguageOption
    @Option(help: "text: a sentence per line, tokens separated by spaces; jsonl: a token per line; conllu: CoNLL-U.")
    var format: Format = .text
    @Option(help: "word: Vietnamese words (syllables joined by the word model); syllable: ICU's syllables. Other languages: ICU's words.")
    var unit: TokenUnit = .word
    @Option(help: "A Vietnamese word model file (from tolk train-vi-words) instead of the built-in one.")
    var viModel: String?
    @OptionGroup var input: InputFiles

    func run() throws {
        let model = try viModel.map(ModelFile.wordModel)
        let segmenter: Segmenter
        do {
            segmenter = try Segmenter(languageCode: language.lang, unit: unit, wordModel: model)
        } catch let error as VietnameseWordModelError {
            throw CommandFailure(message: error.description)
        }
        let out = StandardOutput.shared
        for reader in input.readers {
            var writer = TokenWriter(format: format, source: reader.name)
            let bytes = try reader.forEachBlock { document in
                writer.write(try segmenter.segment(document), to: out)
            }
            InputFiles.noteEmpty(reader, bytes: bytes)
        }
        out.flush()
    }
}

extension TokenUnit: ExpressibleByArgument {}

/// Writes segmentations as tokens in one format, keeping sentence and paragraph numbers running
/// across the blocks of one input.
struct TokenWriter {
    let format: Tokenize.Format
    let source: String
    private var sentenceNumber = 0
    private var paragraphNumber = 0
    private var line: [UInt8] = []

    init(format: Tokenize.Format, source: String) {
        self.format = format
        self.source = source
    }

    mutating func write(_ segmentation: Segmentation, to out: StandardOutput) {
        let bytes = segmentation.document.bytes
        var cursor = Document.PositionCursor(segmentation.document)
        let base = segmentation.document.origin.byteOffset
        for paragraph in segmentation.paragraphs {
            paragraphNumber += 1
            if format == .text, paragraphNumber > 1 { out.write(byte: 0x0A) }
            for (offset, sentence) in segmentation.sentences[paragraph.sentences].enumerated() {
                sentenceNumber += 1
                switch format {
                case .text:
                    line.removeAll(keepingCapacity: true)
                    bytes.withUnsafeBufferPointer { text in
                        segmentation.tokens.withUnsafeBufferPointer { tokens in
                            for index in sentence.tokens {
                                if index > sentence.tokens.lowerBound { line.append(0x20) }
                                line.append(contentsOf: UnsafeBufferPointer(rebasing: text[tokens[index].range]))
                            }
                        }
                    }
                    line.append(0x0A)
                    out.write(line[...])
                case .jsonl:
                    for index in sentence.tokens {
                        let token = segmentation.tokens[index]
                        let position = cursor.position(at: token.range.lowerBound)
                        out.write(
                            "{\"text\":\(JSON.quoted(segmentation.text(token.range))),\"kind\":\"\(token.kind.rawValue)\",\"start\":\(base + token.range.lowerBound),\"end\":\(base + token.range.upperBound),\"line\":\(position.line),\"column\":\(position.column),\"sentence\":\(sentenceNumber),\"paragraph\":\(paragraphNumber)}\n"
                        )
                    }
                case .conllu:
                    if offset == 0 { out.write("# newpar\n") }
                    out.write("# sent_id = \(sentenceNumber)\n# text = ")
                    out.writeOnOneLine(bytes[sentence.range])
                    out.write(byte: 0x0A)
                    for (number, index) in sentence.tokens.enumerated() {
                        let form = segmentation.text(segmentation.tokens[index].range)
                        let misc = segmentation.hasNoSpaceAfter(token: index) ? "SpaceAfter=No" : "_"
                        out.write("\(number + 1)\t\(form)\t_\t_\t_\t_\t_\t_\t_\t\(misc)\n")
                    }
                    out.write(byte: 0x0A)
                }
            }
        }
    }
}
