import Foundation
import Testing
import TolkAlign
import TolkArticle
import TolkText

@testable import TolkReport

@Suite("HTML report")
struct HTMLReportTests {
    @Test func escapesMarkupAndShowsBidiControls() {
        #expect(
            HTMLReport.escape("<script>alert('x')</script> & \"q\"")
                == "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;")
        #expect(HTMLReport.escape("a\u{202E}b").contains("[U+202E]"))
        #expect(!HTMLReport.escape("a\u{202E}b").unicodeScalars.contains("\u{202E}"))
    }

    @Test func pagesMarkMissingAndExtraParagraphs() throws {
        let source = Document("Tiêu đề\n\nSapo ở đây.\n\nĐoạn một có nội dung.\n\nĐoạn hai có nội dung.\n", name: "vi.txt")
        let translation = Document("Tittel <b>\n\nIngress her.\n\nAvsnitt en med innhold.\n\nEt ekstra avsnitt.\n", name: "nb.txt")
        let reader = ArticleReader()
        let units = { (document: Document) in
            try reader.read(document).elements.filter { [.headline, .lede, .paragraph].contains($0.kind) }
        }
        let pair = ReportedPair(
            id: "a/b", source: source, translation: translation, sourceUnits: try units(source), translationUnits: try units(translation),
            beads: [
                Bead(source: 0..<1, target: 0..<1, score: 1), Bead(source: 1..<2, target: 1..<2, score: 1),
                Bead(source: 2..<3, target: 2..<3, score: 1),
                Bead(source: 3..<4, target: 3..<3, score: 0.02), Bead(source: 4..<4, target: 3..<4, score: 0.02),
            ],
            findings: [
                Finding(
                    rule: "extra-paragraph", severity: .warning, message: "no source <x>", path: "nb.txt",
                    start: TextPosition(line: 7, column: 1),
                    end: TextPosition(line: 7, column: 5))
            ], sourceTerms: [], translationTerms: [], sourceLanguage: "vi", targetLanguage: "nb")
        let files = try HTMLReport.files(pairs: [pair], glossary: nil)
        #expect(Set(files.keys) == ["index.html", "pairs/a-b.html"])
        let page = try #require(files["pairs/a-b.html"])
        #expect(page.contains("<tr class=\"missing\">"))
        #expect(page.contains("<tr class=\"extra\">"))
        #expect(page.contains("Tittel &lt;b&gt;"))
        #expect(page.contains("data-rule=\"extra-paragraph\""))
        #expect(page.contains("no source &lt;x&gt;"))
        #expect(!page.contains("<link") && !page.contains("src=\"http"))
        #expect(files["index.html"]!.contains("href=\"pairs/a-b.html\""))
    }

    @Test func attributesAndTitlesGetPlainCodesForBidiControls() {
        for control in ["\u{202E}", "\u{061C}", "\u{2067}", "\u{200F}"] {
            let plain = HTMLReport.plain("To\(control)Lam \"x\"")
            #expect(!plain.contains("<") && !plain.contains("\""))
            #expect(plain.contains("[U+"))
            #expect(!plain.unicodeScalars.contains(control.unicodeScalars.first!))
        }
        let page = HTMLReport.document(title: "Tittel\u{202E} <b>", body: "")
        #expect(page.contains("<title>Tittel[U+202E] &lt;b&gt;</title>"))
    }

    @Test func pageNamesAreUniqueWhenIdsCollide() throws {
        let translation = Document("Tittel\n\nTekst.\n", name: "nb.txt")
        let pairs = ["a b-nb", "a-b-nb", "A-B-nb", "a-b-nb-2", "y1/same-nb"].map { id in
            ReportedPair(
                id: id, source: nil, translation: translation, sourceUnits: [], translationUnits: [], beads: [], findings: [],
                sourceTerms: [], translationTerms: [], sourceLanguage: "vi", targetLanguage: "nb")
        }
        let names = HTMLReport.pageNames(pairs)
        #expect(names == ["a-b-nb", "a-b-nb-2", "A-B-nb-3", "a-b-nb-2-2", "y1-same-nb"])
        #expect(try HTMLReport.files(pairs: pairs, glossary: nil).count == 6)
    }

    @Test func findingsGoToTheUnitTheyStartIn() throws {
        let document = Document("Tittel\n\nIngress her.\n\nAvsnitt en.\n", name: "nb.txt")
        let units = try ArticleReader().read(document).elements.filter { [.headline, .lede, .paragraph].contains($0.kind) }
        let finding = { (line: Int, column: Int, path: String) in
            Finding(
                rule: "spacing", severity: .warning, message: "m", path: path, start: TextPosition(line: line, column: column),
                end: TextPosition(line: line, column: column + 1))
        }
        let findings = [finding(5, 3, "nb.txt"), finding(1, 1, "nb.txt"), finding(5, 1, "other.txt"), finding(3, 12, "nb.txt")]
        let byUnit = HTMLReport.findingsByUnit(findings, units: units, in: document)
        #expect(units.count == 3)
        #expect(byUnit[0]?.map(\.line) == [1])
        #expect(byUnit[1]?.map(\.column) == [12])
        #expect(byUnit[2]?.map(\.column) == [3])
    }
}

@Suite("Report folder")
struct ReportFolderTests {
    let root: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-report-folder-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path + "/corpus/a", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path + "/corpus/a/nb.txt", contents: Data("Tittel\n".utf8))
        try! FileManager.default.createSymbolicLink(atPath: path + "/link", withDestinationPath: path + "/corpus")
        return path
    }()

    @Test func refusesInputsFoldersOfTheUsersAndPlacesInsideTheCorpus() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let corpus = root + "/corpus"
        for out in [corpus, corpus + "/site", root + "/link/site", root, root + "/corpus/a/nb.txt", ""] {
            #expect(throws: ReportFolderError.self, "\(out)") { try ReportFolder(out, protecting: [corpus]) }
        }
        try FileManager.default.createDirectory(atPath: root + "/mine", withIntermediateDirectories: false)
        #expect(throws: ReportFolderError.self) { try ReportFolder(root + "/mine", protecting: [corpus]) }
        #expect(FileManager.default.fileExists(atPath: corpus + "/a/nb.txt"))
    }

    @Test func writesAMarkedFolderAndReplacesOnlyThat() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = root + "/site"
        try ReportFolder(site, protecting: [root + "/corpus"]).write(["index.html": "one", "pairs/a.html": "a"])
        #expect(FileManager.default.fileExists(atPath: site + "/" + ReportFolder.markerName))
        try ReportFolder(site, protecting: [root + "/corpus"]).write(["index.html": "two"])
        #expect(try String(contentsOfFile: site + "/index.html", encoding: .utf8) == "two")
        #expect(!FileManager.default.fileExists(atPath: site + "/pairs/a.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["corpus", "link", "site"])
    }

    @Test func resolvesLinksAndMissingParts() {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let real = FilePath.resolved(root + "/corpus")
        #expect(FilePath.resolved(root + "/link/new/../site") == real + "/site")
        #expect(ReportFolder.path(real, holds: real + "/a"))
        #expect(!ReportFolder.path(real, holds: real + "-b"))
    }
}
