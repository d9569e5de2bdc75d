import Foundation
import TolkGlossary
import TolkText

/// The formats alignments are written in.
public enum AlignmentFormat: String, Sendable, CaseIterable {
    /// One bead per line and nothing else: `[0]:[0]`, `[1, 2]:[1]`, `[]:[5]` (0-based indices).
    case vecalign
    /// Source text, target text and score, tab-separated.
    case tsv
    /// One JSON object per bead: `source`, `target` (indices), `score`, `source_text`, `target_text`.
    case jsonl
    /// TMX 1.4b: one `tu` per bead.
    case tmx
}

/// Beads with the segments they align, ready to be written.
public struct AlignmentOutput: Sendable {
    public let beads: [Bead]
    public let source: [String]
    public let target: [String]
    /// BCP 47 tags (`vi`, `nb-NO`), for TMX.
    public let sourceLanguage: String
    public let targetLanguage: String
    /// `sentence` or `paragraph` (TMX `segtype`).
    public let segmentType: String

    public init(beads: [Bead], source: [String], target: [String], sourceLanguage: String, targetLanguage: String, segmentType: String) {
        self.beads = beads
        self.source = source
        self.target = target
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.segmentType = segmentType
    }

    /// Whether some text holds characters XML cannot (C0 controls, U+FFFE, U+FFFF), which TMX
    /// output replaces with U+FFFD.
    public var replacesCharactersInXML: Bool { (source + target).contains(where: XMLWriter.needsReplacements) }

    /// Writes the beads in `format`, a piece at a time, through `write`; `scores` adds `:score`
    /// to vecalign lines.
    public func write(_ format: AlignmentFormat, scores: Bool = false, toolVersion: String, to write: (String) -> Void) {
        switch format {
        case .vecalign:
            for bead in beads { write(bead.vecalign + (scores ? String(format: ":%.4f", bead.score) : "") + "\n") }
        case .tsv:
            let clean = { (text: String) in text.map { $0 == "\t" || $0.isNewline ? " " : String($0) }.joined() }
            for bead in beads {
                write("\(clean(text(bead.source, source)))\t\(clean(text(bead.target, target)))\t\(String(format: "%.4f", bead.score))\n")
            }
        case .jsonl:
            let encoder = JSONLine.encoder()
            for bead in beads {
                write(
                    JSONLine.text(
                        BeadLine(
                            source: Array(bead.source), target: Array(bead.target), score: (bead.score * 10_000).rounded() / 10_000,
                            sourceText: text(bead.source, source), targetText: text(bead.target, target)), encoder))
            }
        case .tmx:
            writeTMX(toolVersion: toolVersion, to: write)
        }
    }

    private struct BeadLine: Encodable {
        let source: [Int]
        let target: [Int]
        let score: Double
        let sourceText: String
        let targetText: String
    }

    private func text(_ range: Range<Int>, _ units: [String]) -> String { range.map { units[$0] }.joined(separator: " ") }

    /// TMX 1.4b: a header with every required attribute and one `tu` per bead. A one-sided bead
    /// keeps both `tuv`s, the missing side with an empty `seg`, so tools that read the first `tuv`
    /// as the source (translate-toolkit) keep each text on its side.
    private func writeTMX(toolVersion: String, to write: (String) -> Void) {
        let e = XMLWriter.escape
        write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
              <header creationtool="tolk" creationtoolversion="\(e(toolVersion))" segtype="\(e(segmentType))" o-tmf="tolk" adminlang="en" srclang="\(e(sourceLanguage))" datatype="plaintext"/>
              <body>

            """)
        for (index, bead) in beads.enumerated() {
            let sourceSeg = bead.source.isEmpty ? "<seg/>" : "<seg>\(e(text(bead.source, source)))</seg>"
            let targetSeg = bead.target.isEmpty ? "<seg/>" : "<seg>\(e(text(bead.target, target)))</seg>"
            write(
                """
                    <tu tuid="\(index + 1)">
                      <prop type="x-tolk-score">\(String(format: "%.4f", bead.score))</prop>
                      <tuv xml:lang="\(e(sourceLanguage))">\(sourceSeg)</tuv>
                      <tuv xml:lang="\(e(targetLanguage))">\(targetSeg)</tuv>
                    </tu>

                """)
        }
        write("  </body>\n</tmx>\n")
    }
}

extension Aligner {
    /// Sentences aligned inside each paragraph bead of `beads` (which align `sourceParagraphs` with
    /// `targetParagraphs`): the sentence beads, with indices counting sentences over the whole
    /// text, and the sentences of each side. Sets `granularity` to `.sentence`.
    public func alignSentences(
        within beads: [Bead], _ sourceParagraphs: [String], _ targetParagraphs: [String], sourceSegmenter: Segmenter,
        targetSegmenter: Segmenter
    ) throws -> (beads: [Bead], source: [String], target: [String]) {
        granularity = .sentence
        func sentences(_ text: String, _ segmenter: Segmenter) throws -> [String] {
            let segmentation = try segmenter.segment(Document(text))
            return segmentation.sentences.map { segmentation.text($0.range) }
        }
        let sourceSentences = try sourceParagraphs.map { try sentences($0, sourceSegmenter) }
        let targetSentences = try targetParagraphs.map { try sentences($0, targetSegmenter) }
        let sourceStart = sourceSentences.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let targetStart = targetSentences.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        var result: [Bead] = []
        for bead in beads {
            let s = bead.source.flatMap { sourceSentences[$0] }
            let t = bead.target.flatMap { targetSentences[$0] }
            let sBase = bead.source.isEmpty ? 0 : sourceStart[bead.source.lowerBound]
            let tBase = bead.target.isEmpty ? 0 : targetStart[bead.target.lowerBound]
            for inner in try align(s, t) {
                result.append(
                    Bead(
                        source: inner.source.isEmpty ? 0..<0 : (inner.source.lowerBound + sBase)..<(inner.source.upperBound + sBase),
                        target: inner.target.isEmpty ? 0..<0 : (inner.target.lowerBound + tBase)..<(inner.target.upperBound + tBase),
                        score: inner.score))
            }
        }
        return (result, sourceSentences.flatMap { $0 }, targetSentences.flatMap { $0 })
    }

    /// A bilingual dictionary in TSV, `source<TAB>target` per line (`#` starts a comment line).
    /// - Throws: `TextInputError.malformed` naming the line of a row without both fields.
    public static func dictionary(_ document: Document) throws -> [String: [String]] {
        var dictionary: [String: [String]] = [:]
        for range in document.lineRanges {
            let line = document.text(range)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw TextInputError.malformed(
                    source: document.name, line: document.position(at: range.lowerBound).line, reason: "expected source<TAB>target")
            }
            dictionary[String(fields[0]), default: []].append(String(fields[1]))
        }
        return dictionary
    }
}
