import Foundation
import Testing
import TolkArticle
import TolkTestSupport

@testable import TolkText

let corpus = Fixtures.repository.appendingPathComponent("Corpora")

func readArticle(_ relativePath: String) throws -> Article {
    try ArticleReader().read(try TextReader(path: corpus.appendingPathComponent(relativePath).path).readDocument())
}

func readArticle(text: String, markdown: Bool = false) throws -> Article {
    try ArticleReader().read(Document(text, name: "page.txt"), markdown: markdown)
}

@Suite("Article reader")
struct ArticleReaderTests {
    @Test func elementsHoldTheirTextAsThePagesBytes() throws {
        let article = try readArticle(
            text: "Hà Nội mở rộng đường\n\nThành phố khởi công ba đoạn\nđường mới trong tháng 12.\n\nCông trình dài 112 km.\n")
        let paragraphs = article.body
        #expect(paragraphs.map(\.text) == ["Thành phố khởi công ba đoạn đường mới trong tháng 12.", "Công trình dài 112 km."])
        // A one-line paragraph is the page's bytes; two lines joined with a space are a text of their own.
        func isShared(_ element: ArticleElement) -> Bool {
            if case .bytes = element.sharedText.storage { return true }
            return false
        }
        #expect(paragraphs.map(isShared) == [false, true])
        #expect(isShared(try #require(article.headline)))
    }

    @Test(arguments: [
        "url: https://baotintuc.vn/thoi-su/ha-noi-mo-rong-duong-20251201.htm",
        "URL:  https://baotintuc.vn/thoi-su/ha-noi-mo-rong-duong-20251201.htm ",
        "<link rel=\"canonical\" href=\"https://baotintuc.vn/thoi-su/ha-noi-mo-rong-duong-20251201.htm\">",
        "<LINK href='https://baotintuc.vn/thoi-su/ha-noi-mo-rong-duong-20251201.htm' rel='canonical' />",
    ])
    func thePageURLAboveTheHeadlineIsNoHeadline(header: String) throws {
        let article = try readArticle(
            text:
                "\(header)\n\nHà Nội mở rộng đường Vành đai 4\n\nThành phố khởi công ba đoạn đường mới trong tháng 12.\n\nCông trình dài 112 km, đi qua ba tỉnh và thành phố.\n"
        )
        #expect(article.pageURL == "https://baotintuc.vn/thoi-su/ha-noi-mo-rong-duong-20251201.htm")
        #expect(article.elements.first?.kind == .pageURL)
        #expect(article.headline?.text == "Hà Nội mở rộng đường Vành đai 4")
        #expect(article.sourceURL == nil)
    }

    @Test func aURLLineOtherThanAPageHeaderIsNoPageURL() throws {
        // A labelled URL inside the article, and a link tag that is no canonical link.
        let article = try readArticle(
            text:
                "<link rel=\"stylesheet\" href=\"https://baotintuc.vn/site.css\">\n\nHà Nội mở rộng đường\n\nThành phố khởi công ba đoạn đường mới.\n\nurl: https://baotintuc.vn/a.htm\n\nCông trình dài 112 km, đi qua ba tỉnh.\n"
        )
        #expect(article.pageURL == nil)
        #expect(!article.elements.contains { $0.kind == .pageURL })
    }

    @Test func seedPageElementsWithTheirLines() throws {
        let article = try readArticle("vietnamplus-1080302/nb.txt")
        func first(_ kind: ArticleElement.Kind) throws -> ArticleElement { try #require(article.elements(kind).first) }
        #expect(try first(.site).start == TextPosition(line: 1, column: 1))
        #expect(try first(.headline).text == "Vietnam prioriterer alltid det spesielle solidaritetsforholdet med Laos høyest.")
        #expect(try first(.headline).start.line == 3)
        #expect(try first(.lede).start.line == 5)
        let byline = try first(.byline)
        #expect(byline.start.line == 7)
        #expect(byline.attributes["author"] == "VietnamPlus")
        #expect(article.date == "2025-12-01")
        #expect(article.body.count == 32)
        #expect(article.body.first?.start.line == 9)
        #expect(article.body.first?.text.hasSuffix("fra 1. til 2. desember 2025.") == true)
        let figures = article.figures
        #expect(figures.count == 2)
        #expect(figures[0].image.start.line == 21)
        #expect(figures[0].image.text == "ttxvn-tong-bi-thu-to-lam-gap-tong-bi-thu-chu-tich-nuoc-lao-thongloun-1.jpg")
        #expect(figures[0].caption?.start.line == 22)
        #expect(figures[1].caption?.text.hasPrefix("Generalsekretær for Lam") == true)
        #expect(try first(.credit).text == "(TTXVN/Vietnam+)")
        let source = try first(.sourceURL)
        #expect(source.start.line == 81)
        #expect(source.attributes["article_id"] == "1080302")
        #expect(article.sourceURL?.hasSuffix("-post1080302.vnp") == true)
        let chrome = article.elements(.chrome)
        #expect(chrome.first?.text == "Kommentar (0)")
        #expect(chrome.first?.start.line == 84)
        #expect(chrome.filter { $0.text == "No data" }.map(\.start.line) == [86, 87])
        #expect(chrome.last?.start.line == 114)
        #expect(chrome.allSatisfy { $0.attributes["label"] != nil })
    }

    @Test func aHeadlineWithADashIsNoSiteLineWhenTheBylineFollowsTheLede() throws {
        let page = """
            Hà Nội đưa đoạn đi ngầm tuyến đường sắt đô thị Nhổn - ga Hà Nội vào khai thác

            Sáng 29/8, Thành phố Hà Nội tổ chức lễ đưa đoạn đi ngầm dài 4 km của tuyến vào khai thác thương mại.

            Thứ Bảy, 29/08/2026

            Đoạn đi ngầm có bốn ga ngầm và nâng tổng chiều dài khai thác của tuyến lên 12,5 km với 12 nhà ga.
            """
        let article = try ArticleReader().read(Document(page, name: "vi.txt"))
        #expect(article.elements(.site).isEmpty)
        #expect(article.headline?.text.hasPrefix("Hà Nội đưa đoạn") == true)
        // With a line above the headline, the dashed first line is the site's name.
        let withSite = try ArticleReader().read(Document("VietnamPlus - Báo điện tử\n\n" + page, name: "vi.txt"))
        #expect(withSite.elements(.site).map(\.text) == ["VietnamPlus - Báo điện tử"])
    }

    @Test func everyNonBlankLineBelongsToOneElement() throws {
        let article = try readArticle("vietnamplus-1080302/nb.txt")
        let document = article.document
        var covered = Set<Int>()
        for element in article.elements {
            for line in element.start.line...element.end.line {
                #expect(!covered.contains(line), "line \(line) in two elements")
                covered.insert(line)
            }
        }
        let nonBlank = document.lineRanges.filter { !document.text($0).allSatisfy(\.isWhitespace) }
            .map { document.position(at: $0.lowerBound).line }
        #expect(Set(nonBlank) == covered)
    }

    @Test func columnsAreScalarsAndRangesAreExact() throws {
        let article = try readArticle("vietnamplus-1080302/vi.txt")
        let site = try #require(article.elements(.site).first)
        #expect(site.end.column == "VietnamPlus - Báo điện tử của Thông tấn xã Việt Nam".unicodeScalars.count + 1)
        for element in article.elements where element.kind != .paragraph {
            #expect(article.document.text(element.range) == element.text)
        }
    }

    @Test func markdownPage() throws {
        let page = """
            # Tổng Bí thư thăm Lào

            Chuyến thăm khẳng định quan hệ đặc biệt.

            Av Nguyễn Văn A, 1. desember 2025

            Đoạn thứ nhất của bài báo.

            ![Tổng Bí thư Tô Lâm tại Viêng Chăn](https://example.vn/images/ttxvn-to-lam-1.jpg)

            Đoạn thứ hai.
            """
        let article = try readArticle(text: page, markdown: true)
        #expect(article.headline?.text == "Tổng Bí thư thăm Lào")
        #expect(article.headline?.start.column == 3)
        #expect(article.date == "2025-12-01")
        #expect(article.elements(.byline).first?.attributes["author"] == "Nguyễn Văn A")
        #expect(article.figures.first?.image.attributes["image"] == "ttxvn-to-lam-1.jpg")
        #expect(article.figures.first?.caption?.text == "Tổng Bí thư Tô Lâm tại Viêng Chăn")
        #expect(article.body.map(\.text) == ["Đoạn thứ nhất của bài báo.", "Đoạn thứ hai."])
    }

    @Test func linesRepeatedAcrossPagesAreChrome() throws {
        let words = ["Laos", "Hanoi", "Vientiane", "Mekong"]
        let pages = words.enumerated().map { n, word in
            Document("Om \(word)\n\nIngress om \(word).\n\nBrødtekst om \(word) og mer.\n\nFølg oss på Facebook\n", name: "p\(n + 1).txt")
        }
        let repeated = ChromeStatistics.repeatedLines(in: pages)
        #expect(repeated == ["følg oss på facebook"])
        let article = try ArticleReader(repeatedLines: repeated).read(pages[0])
        #expect(article.elements(.chrome).map(\.text) == ["Følg oss på Facebook"])
        #expect(article.elements(.chrome).first?.attributes["label"] == "repeated across pages")
        #expect(ChromeStatistics.repeatedLines(in: Array(pages.prefix(2))).isEmpty)
    }

    @Test func emptyAndBodilessPagesAreErrors() throws {
        #expect(throws: ArticleError.empty(source: "page.txt")) { try readArticle(text: "") }
        #expect(throws: ArticleError.empty(source: "page.txt")) { try readArticle(text: " \n\n\t\n") }
        #expect(throws: ArticleError.noBody(source: "page.txt")) { try readArticle(text: "Kommentar (0)\n\nNo data\n") }
        #expect(throws: ArticleError.noBody(source: "page.txt")) {
            try readArticle(text: "Kilde: https://www.vietnamplus.vn/x-post1.vnp\n\nNo data\n")
        }
    }

    @Test func bylineIsNotASentenceWithADate() throws {
        let article = try readArticle(
            text:
                "Site.vn - Nyheter\n\nOverskrift\n\nLoven trer i kraft 1/1/2026 etter vedtaket i dag.\n\nVietnamPlus 28/11/2025\n\nBrødtekst.\n"
        )
        #expect(article.elements(.lede).first?.text.hasPrefix("Loven trer") == true)
        #expect(article.date == "2025-11-28")
    }
}

@Suite("Slug consistency")
struct SlugConsistencyTests {
    @Test func seedHeadlineAndCaptionsAgainstTheirSlugs() throws {
        let checks = try SlugConsistency.check(try readArticle("vietnamplus-1080302/nb.txt"))
        #expect(checks.map(\.element.kind) == [.headline, .caption, .caption])
        #expect(checks[0].matched == ["laos"])
        // "Generalsekretær To Lam møtte Laos generalsekretær og president Thongloun Sisoulith 25. oktober 2025."
        #expect(checks[1].matched == ["to", "lam", "laos", "thongloun"])
        #expect(checks[1].missing == ["sisoulith", "25", "2025"])
        #expect(checks[1].share == 4.0 / 7.0)
    }

    @Test func numbersLoseTheirPunctuationAsInSlugs() throws {
        let checks = try SlugConsistency.check(try readArticle("vietnamplus-1080610/nb.txt"))
        #expect(checks[0].matched == ["581", "usd", "11"])
        #expect(checks[0].share == 1)
    }
}
