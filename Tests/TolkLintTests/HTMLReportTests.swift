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
        let files = HTMLReport.files(pairs: [pair], glossary: nil)
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
}
