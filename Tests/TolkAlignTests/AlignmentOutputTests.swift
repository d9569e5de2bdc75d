import Foundation
import Testing
import TolkGlossary
import TolkText

@testable import TolkAlign

@Suite("Alignment output")
struct AlignmentOutputTests {
    let output = AlignmentOutput(
        beads: [
            Bead(source: 0..<1, target: 0..<1, score: 0.98765), Bead(source: 1..<1, target: 1..<2, score: 0.5),
            Bead(source: 1..<2, target: 2..<2, score: 0.25),
        ],
        source: ["Tổng Bí thư Tô Lâm thăm Lào.", "Chỉ có tiếng Việt."],
        target: ["Generalsekretær To Lam besøker Laos.", "Bare norsk & <b>."],
        sourceLanguage: "vi", targetLanguage: "nb", segmentType: "sentence")

    func written(_ format: AlignmentFormat) -> String {
        var text = ""
        output.write(format, toolVersion: "0.1.0") { text += $0 }
        return text
    }

    @Test func oneSidedBeadsKeepBothSidesInTMX() throws {
        let tmx = written(.tmx)
        let root = try XMLReader.parse(Document(tmx, name: "a.tmx"))
        let units = root.elements("body").first?.elements("tu") ?? []
        #expect(units.count == 3)
        // Every unit has a source and a target variant, in that order; the missing side is empty.
        for unit in units { #expect(unit.elements("tuv").map { $0.attribute("xml:lang") } == ["vi", "nb"]) }
        let segments = units.map { $0.elements("tuv").map { $0.elements("seg").first?.text ?? "?" } }
        #expect(segments[1] == ["", "Bare norsk & <b>."])
        #expect(segments[2] == ["Chỉ có tiếng Việt.", ""])
        #expect(tmx.contains("segtype=\"sentence\""))
    }

    @Test func jsonLinesAreOneObjectPerBead() throws {
        let lines = written(.jsonl).split(separator: "\n")
        #expect(lines.count == 3)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(first["source"] as? [Int] == [0])
        #expect(first["score"] as? Double == 0.9877)
        #expect(first["target_text"] as? String == "Generalsekretær To Lam besøker Laos.")
        let second = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as! [String: Any]
        #expect(second["source"] as? [Int] == [])
        #expect(second["source_text"] as? String == "")
    }

    @Test func vecalignAndTSV() {
        #expect(written(.vecalign) == "[0]:[0]\n[]:[1]\n[1]:[]\n")
        #expect(written(.tsv).split(separator: "\n")[1] == "\tBare norsk & <b>.\t0.5000")
    }
}
