import Foundation
import Testing
import TolkGlossary
import TolkText

@testable import TolkAlign

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func beads(_ source: [String], _ target: [String], granularity: Aligner.Granularity = .sentence) throws -> [String] {
    let aligner = try Aligner(sourceLanguage: "vi", targetLanguage: "nb")
    aligner.granularity = granularity
    return try aligner.align(source, target).map(\.vecalign)
}

/// Checks the vecalign contract: every segment of both sides exactly once, in order, no empty bead.
func coversInOrder(_ result: [Bead], _ n: Int, _ m: Int) -> Bool {
    let sources = result.flatMap { Array($0.source) }
    let targets = result.flatMap { Array($0.target) }
    return sources == Array(0..<n) && targets == Array(0..<m) && result.allSatisfy { !($0.source.isEmpty && $0.target.isEmpty) }
}

let vietnamese = [
    "Tổng Bí thư Tô Lâm thăm Lào từ ngày 1 đến 2/12/2025.",
    "Hai bên ký 12 văn kiện hợp tác quan trọng.",
    "Kim ngạch thương mại đạt 5 tỷ USD.",
    "Lào là đối tác chiến lược của Việt Nam trong ASEAN.",
    "Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Vivian Balakrishnan.",
]
let norwegian = [
    "Generalsekretær To Lam besøkte Laos fra 1. til 2. desember 2025.",
    "De to sidene undertegnet 12 viktige samarbeidsdokumenter.",
    "Handelen nådde 5 milliarder USD.",
    "Laos er Vietnams strategiske partner i ASEAN.",
    "Statsminister Pham Minh Chinh tok imot minister Vivian Balakrishnan.",
]

@Suite("Aligner")
struct AlignerTests {
    @Test func oneToOne() throws {
        #expect(try beads(vietnamese, norwegian) == ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]", "[4]:[4]"])
    }

    @Test func aTranslationSplitInTwo() throws {
        // The translator split sentence 1 into two.
        var source = vietnamese
        source[1] = "Hai bên ký 12 văn kiện hợp tác trong 3 lĩnh vực quan trọng là quốc phòng, y tế và giáo dục."
        let target = [
            norwegian[0], "De to sidene undertegnet 12 samarbeidsdokumenter.", "De gjelder 3 viktige områder: forsvar, helse og utdanning.",
            norwegian[2],
            norwegian[3], norwegian[4],
        ]
        #expect(try beads(source, target) == ["[0]:[0]", "[1]:[1, 2]", "[2]:[3]", "[3]:[4]", "[4]:[5]"])
    }

    @Test func twoSourceSentencesInOne() throws {
        let target = [
            norwegian[0], "De to sidene undertegnet 12 viktige samarbeidsdokumenter, og handelen nådde 5 milliarder USD.", norwegian[3],
            norwegian[4],
        ]
        #expect(try beads(vietnamese, target) == ["[0]:[0]", "[1, 2]:[1]", "[3]:[2]", "[4]:[3]"])
    }

    @Test func aMissingAndAnAddedParagraph() throws {
        // Paragraph 2 was not translated; an extra paragraph was added at the end.
        let target = [
            norwegian[0], norwegian[1], norwegian[3], norwegian[4],
            "Les også: Hanoi-jenter kler seg ut til jul og andre saker fra samme forfatter.",
        ]
        #expect(try beads(vietnamese, target, granularity: .paragraph) == ["[0]:[0]", "[1]:[1]", "[2]:[]", "[3]:[2]", "[4]:[3]", "[]:[4]"])
    }

    @Test func emptyInputs() throws {
        #expect(try beads([], []).isEmpty)
        #expect(try beads(vietnamese, []) == ["[0]:[]", "[1]:[]", "[2]:[]", "[3]:[]", "[4]:[]"])
        #expect(try beads([], ["a", "b"]) == ["[]:[0]", "[]:[1]"])
    }

    @Test func veryUnequalLengthsStillCoverEverything() throws {
        let source = Array(repeating: vietnamese, count: 20).flatMap { $0 }
        let aligner = try Aligner(sourceLanguage: "vi", targetLanguage: "nb")
        let result = try aligner.align(source, [norwegian[0], norwegian[4]])
        #expect(coversInOrder(result, source.count, 2))
        #expect(result.allSatisfy { (0...1).contains($0.score) })
    }

    @Test func glossaryPairsAreAnchors() throws {
        let glossary = try Glossary.read(
            try TextReader(path: repository.appendingPathComponent("Glossaries/vi-nb.tbx").path).readDocument())
        let aligner = try Aligner(sourceLanguage: "vi", targetLanguage: "nb", glossary: glossary)
        // Without shared numbers or names, only the glossary links "Biển Đông" to "Sør-Kinahavet".
        let result = try aligner.align(
            ["Tàu cá gặp bão lớn.", "Vấn đề Biển Đông được thảo luận kỹ lưỡng tại hội nghị."],
            ["Et fiskefartøy møtte en kraftig storm.", "Sør-Kinahavet ble grundig drøftet på konferansen."])
        #expect(result.map(\.vecalign) == ["[0]:[0]", "[1]:[1]"])
    }

    @Test func dictionaryWordsAreAnchors() throws {
        let aligner = try Aligner(sourceLanguage: "de", targetLanguage: "fr", dictionary: ["berg": ["montagne"], "gipfel": ["sommet"]])
        aligner.learnLexicon = false
        let result = try aligner.align(
            ["Der Berg ist hoch.", "Wir erreichten den Gipfel am Mittag."],
            ["Nous arrivâmes au sommet à midi.", "La montagne est haute."].reversed())
        #expect(result.map(\.vecalign) == ["[0]:[0]", "[1]:[1]"])
    }

    @Test func vecalignFormat() {
        #expect(Bead(source: 1..<3, target: 1..<2, score: 0.5).vecalign == "[1, 2]:[1]")
        #expect(Bead(source: 4..<5, target: 7..<7, score: 0.5).vecalign == "[4]:[]")
        #expect(Bead(source: 0..<0, target: 5..<6, score: 0.5).vecalign == "[]:[5]")
    }

    @Test func corpusGoldParagraphs() throws {
        // The seed pair, paragraph by paragraph, with the glossary: every gold bead.
        let glossary = try Glossary.read(
            try TextReader(path: repository.appendingPathComponent("Glossaries/vi-nb.tbx").path).readDocument())
        let gold =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: repository.appendingPathComponent("Corpora/vietnamplus-1080610/gold.json"))) as! [String: Any]
        func units(_ name: String) throws -> [String] {
            let document = try TextReader(path: repository.appendingPathComponent("Corpora/vietnamplus-1080610/\(name)").path)
                .readDocument()
            // headline, lede, paragraphs, captions: every block but the site line, byline, image, credit, source line and chrome
            let blocks = document.text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
                !$0.isEmpty
            }
            return blocks.dropFirst().filter {
                !$0.hasPrefix("VietnamPlus ") && !$0.hasPrefix("(TTXVN") && !$0.hasPrefix("Kilde:") && !$0.hasPrefix("Kommentar")
                    && !$0.hasPrefix("I samme") && !$0.hasPrefix("Risprisene")
            }
            .flatMap { block in block.split(separator: "\n").map(String.init).filter { !$0.hasSuffix(".jpg") } }
        }
        let aligner = try Aligner(sourceLanguage: "vi", targetLanguage: "nb", glossary: glossary)
        aligner.granularity = .paragraph
        let result = try aligner.align(try units("vi.txt"), try units("nb.txt"))
        #expect(result.map(\.vecalign) == gold["alignment"] as! [String])
    }

    @Test func aLongInputFinishesAndCoversEverything() throws {
        // 25,000 segments a side (coarse-to-fine search); no timing asserted here (see scripts/bench-align.sh).
        let source = (0..<25_000).map { "Dòng số \($0) nói về \(vietnamese[$0 % vietnamese.count])" }
        let target = (0..<25_000).map { "Linje nummer \($0) handler om \(norwegian[$0 % norwegian.count])" }
        let result = try Aligner(sourceLanguage: "vi", targetLanguage: "nb").align(source, target)
        #expect(coversInOrder(result, 25_000, 25_000))
        #expect(
            result.filter { $0.source.count == 1 && $0.target.count == 1 && $0.source.lowerBound == $0.target.lowerBound }.count > 24_000)
    }
}
