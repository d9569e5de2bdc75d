import Foundation
import Testing
import TolkArticle
import TolkLint
import TolkReport
import TolkTestSupport
import TolkText

@Suite("Paired pages")
struct PairedPagesTests {
    static func paired(keeping bytes: Int = PairedPages.keptBytes) throws -> PairedPages {
        let corpus = Fixtures.repository.appendingPathComponent("Corpora").path
        return try PairedPages(
            sources: corpus, translations: corpus, sourceLanguage: "vi", targetLanguage: "nb", keeping: bytes,
            reader: { TextReader(path: $0) })
    }

    @Test func pagesComeWithTheArticlesPairingRead() throws {
        let paired = try Self.paired()
        #expect(paired.pairs.count == 8)
        for pair in paired.pairs {
            for path in [pair.translation] + [pair.source].compactMap({ $0 }) {
                let page = try paired.page(path)
                let article = try #require(page.article, "\(path) kept without its article")
                #expect(page.document.bytes == (try TextReader(path: path).readDocument().bytes))
                #expect(article.elements == (try ArticleReader().read(page.document, markdown: false).elements))
            }
        }
        // Past the budget a page is read again, without an article.
        let unkept = try Self.paired(keeping: 0)
        #expect(try unkept.pairs.allSatisfy { try unkept.page($0.translation).article == nil })
    }

    @Test func lintingWithThePairingsArticlesFindsTheSame() throws {
        let paired = try Self.paired()
        let linter = try Linter(configuration: LintConfiguration(), glossary: try Fixtures.glossary())
        for pair in paired.pairs {
            let translation = try paired.page(pair.translation)
            let source = try pair.source.map(paired.page)
            let reused = try linter.lint(
                translation: translation.document, source: source?.document, articles: (translation.article, source?.article))
            let readAgain = try linter.lint(translation: translation.document, source: source?.document)
            #expect(reused.findings == readAgain.findings)
            #expect(reused.beads.map(\.source) == readAgain.beads.map(\.source))
        }
    }
}
