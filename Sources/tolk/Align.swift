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
        abstract: "Align a translation with its source: paragraphs or sentences, 1-1, 1-2, 2-1, 0-1, 1-0 beads with scores.",
        discussion: """
            --format vecalign prints one bead per line and nothing else: [0]:[0], [1, 2]:[1], []:[5], [4]:[] (0-based \
            segment indices; every segment of both inputs exactly once, in order).
            """)

    enum Input: String, ExpressibleByArgument, CaseIterable { case lines, article }
    enum Unit: String, ExpressibleByArgument, CaseIterable { case paragraph, sentence }
    enum Format: String, ExpressibleByArgument, CaseIterable { case vecalign, tsv, jsonl, tmx }

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
    var format: Format = .vecalign
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
            dictionary: try dictionary.map(Self.readDictionary) ?? [:])
        let (sourceSegments, targetSegments) = try segments()
        let unit = unit ?? (input == .lines ? .sentence : .paragraph)
        aligner.granularity = input == .article || unit == .paragraph ? .paragraph : .sentence
        var beads = try aligner.align(sourceSegments, targetSegments)
        var (sourceUnits, targetUnits) = (sourceSegments, targetSegments)
        if input == .article, unit == .sentence {
            aligner.granularity = .sentence
            (beads, sourceUnits, targetUnits) = try alignSentences(within: beads, sourceSegments, targetSegments, aligner: aligner)
        }
        try write(beads, sourceUnits, targetUnits, aligner: aligner)
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

    static func readDictionary(_ path: String) throws -> [String: [String]] {
        let document = try TextReader(path: path).readDocument()
        var dictionary: [String: [String]] = [:]
        for range in document.lineRanges {
            let line = document.text(range)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw CommandFailure(message: "\(path):\(document.position(at: range.lowerBound).line): expected source<TAB>target")
            }
            dictionary[String(fields[0]), default: []].append(String(fields[1]))
        }
        return dictionary
    }

    /// Sentences aligned inside each paragraph bead; indices count sentences over the whole article.
    private func alignSentences(within beads: [Bead], _ sourceUnits: [String], _ targetUnits: [String], aligner: Aligner) throws -> (
        [Bead], [String], [String]
    ) {
        let sourceSegmenter = try Segmenter(languageCode: srcLang)
        let targetSegmenter = try Segmenter(languageCode: tgtLang)
        func sentences(_ text: String, _ segmenter: Segmenter) throws -> [String] {
            let segmentation = try segmenter.segment(Document(text))
            return segmentation.sentences.map { segmentation.text($0.range) }
        }
        let sourceSentences = try sourceUnits.map { try sentences($0, sourceSegmenter) }
        let targetSentences = try targetUnits.map { try sentences($0, targetSegmenter) }
        let sourceStart = sourceSentences.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let targetStart = targetSentences.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        var result: [Bead] = []
        for bead in beads {
            let s = bead.source.flatMap { sourceSentences[$0] }
            let t = bead.target.flatMap { targetSentences[$0] }
            let sBase = bead.source.isEmpty ? 0 : sourceStart[bead.source.lowerBound]
            let tBase = bead.target.isEmpty ? 0 : targetStart[bead.target.lowerBound]
            for inner in try aligner.align(s, t) {
                result.append(
                    Bead(
                        source: inner.source.isEmpty ? 0..<0 : (inner.source.lowerBound + sBase)..<(inner.source.upperBound + sBase),
                        target: inner.target.isEmpty ? 0..<0 : (inner.target.lowerBound + tBase)..<(inner.target.upperBound + tBase),
                        score: inner.score))
            }
        }
        return (result, sourceSentences.flatMap { $0 }, targetSentences.flatMap { $0 })
    }

    private func write(_ beads: [Bead], _ sourceUnits: [String], _ targetUnits: [String], aligner: Aligner) throws {
        let out = StandardOutput.shared
        func text(_ range: Range<Int>, _ units: [String]) -> String { range.map { units[$0] }.joined(separator: " ") }
        switch format {
        case .vecalign:
            for bead in beads { out.write(bead.vecalign + (scores ? String(format: ":%.4f", bead.score) : "") + "\n") }
        case .tsv:
            let clean = { (text: String) in text.map { $0 == "\t" || $0.isNewline ? " " : String($0) }.joined() }
            for bead in beads {
                out.write(
                    "\(clean(text(bead.source, sourceUnits)))\t\(clean(text(bead.target, targetUnits)))\t\(String(format: "%.4f", bead.score))\n"
                )
            }
        case .jsonl:
            for bead in beads {
                let indices = { (range: Range<Int>) in "[" + range.map(String.init).joined(separator: ",") + "]" }
                out.write(
                    "{\"source\":\(indices(bead.source)),\"target\":\(indices(bead.target)),\"score\":\(String(format: "%.4f", bead.score)),\"source_text\":\(JSON.quoted(text(bead.source, sourceUnits))),\"target_text\":\(JSON.quoted(text(bead.target, targetUnits)))}\n"
                )
            }
        case .tmx:
            if (sourceUnits + targetUnits).contains(where: XMLWriter.needsReplacements) {
                Warning.once("characters XML cannot hold (controls, U+FFFE, U+FFFF) are written as U+FFFD")
            }
            out.write(
                TMX.write(
                    beads: beads, source: sourceUnits, target: targetUnits,
                    sourceLanguage: LanguageTag.canonical(srcLang) ?? srcLang, targetLanguage: LanguageTag.canonical(tgtLang) ?? tgtLang,
                    segmentType: aligner.granularity == .sentence ? "sentence" : "paragraph"))
        }
        out.flush()
    }
}

/// TMX 1.4b output: a header with every required attribute and one `tu` per bead.
enum TMX {
    static func write(
        beads: [Bead], source: [String], target: [String], sourceLanguage: String, targetLanguage: String, segmentType: String
    ) -> String {
        let e = XMLWriter.escape
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
              <header creationtool="tolk" creationtoolversion="\(Tolk.version)" segtype="\(segmentType)" o-tmf="tolk" adminlang="en" srclang="\(e(sourceLanguage))" datatype="plaintext"/>
              <body>

            """
        for (index, bead) in beads.enumerated() {
            out += "    <tu tuid=\"\(index + 1)\">\n      <prop type=\"x-tolk-score\">\(String(format: "%.4f", bead.score))</prop>\n"
            if !bead.source.isEmpty {
                out +=
                    "      <tuv xml:lang=\"\(e(sourceLanguage))\"><seg>\(e(bead.source.map { source[$0] }.joined(separator: " ")))</seg></tuv>\n"
            }
            if !bead.target.isEmpty {
                out +=
                    "      <tuv xml:lang=\"\(e(targetLanguage))\"><seg>\(e(bead.target.map { target[$0] }.joined(separator: " ")))</seg></tuv>\n"
            }
            out += "    </tu>\n"
        }
        return out + "  </body>\n</tmx>\n"
    }
}
