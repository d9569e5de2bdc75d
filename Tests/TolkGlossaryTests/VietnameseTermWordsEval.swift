import Foundation
import Testing
import TolkText

@testable import TolkGlossary

/// A measurement, not a test (opt-in: `TOLK_EVAL_VI_TERMS=1 swift test --filter VietnameseTermWordsEval`):
/// Vietnamese term matches with and without the word rule (a match must not cut through a word
/// the segmenter knows), and what the strict rule (no segmenter word cut at all) would remove, on
/// the bundled corpus, the check-dev sources and UD Vietnamese-VTB dev (whose gold words tell
/// whether a removed match was wrong). Prints every removed match with the segmenter's words
/// around it. Figures in docs/vietnamese-words.md.
@Suite("Vietnamese term words (measurement)")
struct VietnameseTermWordsEval {
    static let enabled = ProcessInfo.processInfo.environment["TOLK_EVAL_VI_TERMS"] != nil
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared/data").path

    struct Text {
        let name: String
        let document: Document
        /// UD gold words (byte ranges), when known.
        let gold: [Range<Int>]?

        /// Whether `range` cuts through a gold word (nil: no gold).
        func cutsGold(_ range: Range<Int>) -> Bool? {
            gold.map { words in
                words.contains {
                    ($0.lowerBound < range.lowerBound && $0.upperBound > range.lowerBound)
                        || ($0.lowerBound < range.upperBound && $0.upperBound > range.upperBound)
                }
            }
        }
    }

    /// The sentences of a CoNLL-U file with their gold words.
    static func udTexts(_ path: String) throws -> [Text] {
        var texts: [Text] = []
        var sentence = ""
        var forms: [String] = []
        func flush() {
            defer { (sentence, forms) = ("", []) }
            guard !sentence.isEmpty else { return }
            let bytes = Array(sentence.utf8)
            var gold: [Range<Int>] = []
            var at = 0
            for form in forms.map({ Array($0.utf8) }) {
                var k = at
                while k + form.count <= bytes.count, !bytes[k..<(k + form.count)].elementsEqual(form) { k += 1 }
                guard k + form.count <= bytes.count else { continue }
                gold.append(k..<(k + form.count))
                at = k + form.count
            }
            texts.append(Text(name: "ud", document: Document(sentence), gold: gold))
        }
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# text = ") {
                sentence = String(line.dropFirst(9))
            } else if line.isEmpty {
                flush()
            } else if !line.hasPrefix("#") {
                let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
                if columns.count > 3, !columns[0].contains("-"), !columns[0].contains(".") { forms.append(String(columns[1])) }
            }
        }
        flush()
        return texts
    }

    /// The distinct words of a CoNLL-U file with one of `tags` (UPOS) as a glossary.
    static func udGlossary(_ path: String, tags: Set<String>, kind: Concept.Kind) throws -> Glossary {
        var seen = Set<String>()
        var concepts: [Concept] = []
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count > 3, tags.contains(String(columns[3])), columns[1].first?.isLetter == true,
                seen.insert(columns[1].lowercased()).inserted
            else { continue }
            concepts.append(Concept(id: "ud-\(concepts.count)", kind: kind, terms: [Term(language: "vi", text: String(columns[1]))]))
        }
        return Glossary(concepts: concepts)
    }

    @Test(.enabled(if: enabled)) func measure() throws {
        let read = { (path: String) in try TextReader(path: path).readDocument() }
        let corpora = try FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("Corpora").path).sorted()
            .filter { !$0.hasSuffix(".md") }.map {
                Text(name: $0, document: try read(repository.path + "/Corpora/\($0)/vi.txt"), gold: nil)
            }
        let checkDev = try FileManager.default.contentsOfDirectory(atPath: Self.shared + "/check-dev").sorted()
            .filter { $0.first?.isNumber == true }
            .map { Text(name: $0, document: try read(Self.shared + "/check-dev/\($0)/source.vi.txt"), gold: nil) }
        let udDev = Self.shared + "/ud-dev/vi/vi_vtb-ud-dev.conllu"
        let shipped = try shippedGlossary()
        let plain = try Glossary.read(try read(Self.shared + "/check-dev/glossary-plain.tbx"))
        let sets: [(String, [Text], [(String, Glossary)])] = [
            ("Corpora", corpora, [("Glossaries/vi-nb.tbx", shipped), ("check-dev glossary-plain.tbx", plain)]),
            ("check-dev sources", checkDev, [("Glossaries/vi-nb.tbx", shipped), ("check-dev glossary-plain.tbx", plain)]),
            (
                "UD VTB dev", try Self.udTexts(udDev),
                [
                    ("UD dev PROPN words", try Self.udGlossary(udDev, tags: ["PROPN"], kind: .place)),
                    ("UD dev NOUN words", try Self.udGlossary(udDev, tags: ["NOUN"], kind: .term)),
                ]
            ),
        ]
        let segmenter = try Segmenter(languageCode: "vi")
        let wordSegmenter = try Segmenter(languageCode: "vi", unit: .word)
        let boundaries = VietnameseWordBoundaries(model: try VietnameseWordModel.builtIn())
        for (setName, texts, glossaries) in sets {
            for (glossaryName, glossary) in glossaries {
                let matcher = try TermMatcher(glossary: glossary, language: "vi")
                let rule = matcher.words
                var before = 0
                var after = 0
                var strict = 0
                var removed: [(Text, TermOccurrence, Segmentation)] = []
                var wrong = (before: 0, after: 0, strict: 0)
                for text in texts {
                    let segmentation = try segmenter.segment(text.document)
                    matcher.words = nil
                    let all = try matcher.occurrences(in: segmentation)
                    matcher.words = rule
                    let kept = try matcher.occurrences(in: segmentation)
                    let keptKeys = Set(kept.map { [$0.range.lowerBound, $0.range.upperBound] })
                    // The strict rule as a filter: any segmenter word across either edge.
                    let strictKept = all.filter {
                        !boundaries.joins(before: $0.tokens.lowerBound, in: segmentation)
                            && !boundaries.joins(before: $0.tokens.upperBound, in: segmentation)
                    }
                    before += all.count
                    after += kept.count
                    strict += strictKept.count
                    removed += all.filter { !keptKeys.contains([$0.range.lowerBound, $0.range.upperBound]) }.map {
                        (text, $0, segmentation)
                    }
                    wrong.before += all.filter { text.cutsGold($0.range) == true }.count
                    wrong.after += kept.filter { text.cutsGold($0.range) == true }.count
                    wrong.strict += strictKept.filter { text.cutsGold($0.range) == true }.count
                }
                print(
                    "\(setName), \(glossaryName): \(before) matches without the word rule, \(after) with it, \(strict) with the strict rule"
                )
                if texts.first?.gold != nil {
                    print(
                        "  cutting a gold word: \(wrong.before) without, \(wrong.after) with, \(wrong.strict) strict;"
                            + " right matches: \(before - wrong.before), \(after - wrong.after), \(strict - wrong.strict)")
                }
                for (text, occurrence, _) in removed.prefix(texts.first?.gold == nil ? 100 : 12) {
                    let words = try wordSegmenter.segment(text.document)
                    let near = words.tokens.filter {
                        $0.range.upperBound > occurrence.range.lowerBound - 15 && $0.range.lowerBound < occurrence.range.upperBound + 15
                    }
                    let shown = near.map { words.text($0.range).replacingOccurrences(of: " ", with: "_") }.joined(separator: " ")
                    let gold = text.cutsGold(occurrence.range).map { $0 ? " (cuts a gold word)" : " (gold: no cut)" } ?? ""
                    print("  removed \(text.name) '\(occurrence.text)'\(gold): \(shown)")
                }
            }
        }
    }
}
