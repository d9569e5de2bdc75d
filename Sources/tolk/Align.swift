import ArgumentParser
import Foundation
import TolkAlign
import TolkArticle
import TolkGlossary
import TolkReport
import TolkText

/// `tolk align`: the beads of a translation against its source.
struct Align: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align a translation with its source: paragraphs or sentences, 1-1, 1-2, 2-1, 0-1, 1-0 beads with scores.",
        discussion: """
            --format vecalign prints one bead per line and nothing else: [0]:[0], [1, 2]:[1], []:[5], [4]:[] (0-based \
            segment indices; every segment of both inputs exactly once, in order).
            """)

    enum Input: String, ExpressibleByArgument, CaseIterable { case lines, article }
    enum Unit: String, ExpressibleByArgument, CaseIterable { case paragraph, sentence }

    @Option(help: "Language of the source (ICU locale id).")
    var srcLang: String
    @Option(help: "Language of the translation.")
    var tgtLang: String
    @Option(help: "lines: one segment per line; article: article pages (headline, lede, paragraphs, captions).")
    var input: Input = .lines
    @Option(
        help:
            "article: align paragraphs, or sentences inside aligned paragraphs; lines: what the lines are (default sentence for lines, paragraph for articles)."
    )
    var unit: Unit?
    @Option(help: "vecalign, tsv (source, target, score), jsonl or tmx (TMX 1.4b).")
    var format: AlignmentFormat = .vecalign
    @Flag(help: "With --format vecalign: add :score after each bead.")
    var scores = false
    @Option(help: "A glossary (.tbx or .csv): its term pairs are anchors.")
    var glossary: String?
    @Option(help: "A bilingual dictionary: TSV, source<TAB>target per line.")
    var dictionary: String?
    @OptionGroup var reading: PageReading
    @Argument(help: "The source file.")
    var source: String
    @Argument(help: "The translation file.")
    var target: String

    func validate() throws {
        try LanguageOption.check(srcLang, option: "--src-lang")
        try LanguageOption.check(tgtLang, option: "--tgt-lang")
        for (tag, option) in [(srcLang, "--src-lang"), (tgtLang, "--tgt-lang")] where LanguageTag.canonical(tag) == nil {
            throw ValidationError("\(option) '\(tag)' is not a language tag (BCP 47: nb, vi-VN)")
        }
    }

    func run() throws {
        let aligner = try Aligner(
            sourceLanguage: srcLang, targetLanguage: tgtLang, glossary: try glossary.map(GlossaryCommand.load),
            dictionary: try dictionary.map { try Aligner.dictionary(TextReader(path: $0).readDocument()) } ?? [:])
        let (sourceSegments, targetSegments) = try segments()
        let unit = unit ?? (input == .lines ? .sentence : .paragraph)
        aligner.granularity = input == .article || unit == .paragraph ? .paragraph : .sentence
        var beads = try aligner.align(sourceSegments, targetSegments)
        var (sourceUnits, targetUnits) = (sourceSegments, targetSegments)
        if input == .article, unit == .sentence {
            (beads, sourceUnits, targetUnits) = try aligner.alignSentences(
                within: beads, sourceSegments, targetSegments, sourceSegmenter: try Segmenter(languageCode: srcLang),
                targetSegmenter: try Segmenter(languageCode: tgtLang))
        }
        let output = AlignmentOutput(
            beads: beads, source: sourceUnits, target: targetUnits, sourceLanguage: LanguageTag.canonical(srcLang) ?? srcLang,
            targetLanguage: LanguageTag.canonical(tgtLang) ?? tgtLang,
            segmentType: aligner.granularity == .sentence ? "sentence" : "paragraph")
        if format == .tmx, output.replacesCharactersInXML {
            Warning.once("characters XML cannot hold (controls, U+FFFE, U+FFFF) are written as U+FFFD")
        }
        output.write(format, scores: scores, toolVersion: Tolk.version) { StandardOutput.shared.write($0) }
        StandardOutput.shared.flush()
    }

    private func segments() throws -> ([String], [String]) {
        switch input {
        case .lines:
            return (try readLines(source), try readLines(target))
        case .article:
            return (try readUnits(source), try readUnits(target))
        }
    }

    /// One segment per line; an empty line is an error naming its line.
    func readLines(_ path: String) throws -> [String] {
        let document = try reading.reader(path).readDocument()
        var segments: [String] = []
        for range in document.lineRanges {
            let text = document.text(range)
            guard !text.allSatisfy(\.isWhitespace) else {
                throw CommandFailure(
                    message:
                        "\(document.name):\(document.position(at: range.lowerBound).line): empty line (--input lines takes one segment per line)"
                )
            }
            segments.append(text)
        }
        return segments
    }

    /// An article's headline, lede, paragraphs and captions, in page order.
    func readUnits(_ path: String) throws -> [String] {
        let article = try ArticleReader().read(try reading.reader(path).readDocument())
        return article.units.map(\.text)
    }
}
extension AlignmentFormat: ExpressibleByArgument {}
