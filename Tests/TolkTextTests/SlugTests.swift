import Foundation
import Testing

@testable import TolkText

@Suite("Slugs and URLs")
struct SlugTests {
    @Test(arguments: [
        (
            "Việt Nam luôn dành ưu tiên cao nhất cho mối quan hệ đoàn kết đặc biệt với Lào",
            "viet-nam-luon-danh-uu-tien-cao-nhat-cho-moi-quan-he-doan-ket-dac-biet-voi-lao"
        ),
        (
            "Tổng Bí thư Tô Lâm gặp Tổng Bí thư, Chủ tịch nước Lào Thongloun",
            "tong-bi-thu-to-lam-gap-tong-bi-thu-chu-tich-nuoc-lao-thongloun"
        ),
        ("GDP tăng 3,5% tại TP.HCM", "gdp-tang-35-tai-tphcm"),
        ("  «Đổi Mới» — 40 năm!  ", "doi-moi-40-nam"),
        ("Ｈàｎｏｉ", "hanoi"),
    ])
    func vietnameseTitles(title: String, slug: String) throws {
        #expect(try Slugger().slug(title) == slug)
    }

    @Test func punctuationCanSplit() throws {
        #expect(try Slugger(innerPunctuation: .split).slug("GDP tăng 3,5% tại TP.HCM") == "gdp-tang-3-5-tai-tp-hcm")
    }

    @Test func norwegianLetters() throws {
        #expect(try Slugger().slug("Blåbær på Østlandet") == "blabaer-pa-ostlandet")
        #expect(try Slugger(nordicLetters: .doubled).slug("Blåbær på Østlandet") == "blaabaer-paa-oestlandet")
    }

    /// Text of ASCII and Latin letters is spelt a scalar at a time, without ICU: exactly as ICU
    /// transliterates the whole text, for every such scalar alone and between letters of either
    /// case, and for real titles, captions and sentences in both languages.
    @Test func spellingAScalarAtATimeIsTransliteratingTheWhole() throws {
        let slugger = try Slugger()
        let latin = (0xA0...0x24F).compactMap(Unicode.Scalar.init) + (0x1E00...0x1EFF).compactMap(Unicode.Scalar.init)
        var texts: [String] = []
        for scalar in latin {
            let letter = String(scalar)
            texts += [letter, "a\(letter)b", "A\(letter)B", "\(letter)a", "\(letter)A", "\(letter)\(letter) x", "1\(letter).2"]
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Corpora").path)
        where !name.hasSuffix(".md") {
            for language in ["vi", "nb"] {
                let page = try String(contentsOf: repositoryRoot.appendingPathComponent("Corpora/\(name)/\(language).txt"), encoding: .utf8)
                texts += page.split(separator: "\n").map(String.init)
            }
        }
        texts += ["Blåbær på Østlandet ÆØÅ Æble ß ẞ Œuvre ŒUVRE Ĳssel Þór ǅ ǄA", "Ha\u{300} Nô\u{323}\u{302}i", "Ｈàｎｏｉ ﬁnal ½ ™"]
        #expect(texts.count > latin.count * 7)
        var fast = 0
        for text in texts {
            #expect(try slugger.lowercasedASCII(text) == slugger.transliteratedLowercased(text), "\(text)")
            if text.unicodeScalars.allSatisfy({ $0.isASCII || latin.contains($0) }) { fast += 1 }
        }
        #expect(fast > texts.count * 9 / 10)
    }

    @Test func articleURL() throws {
        let url =
            "https://www.vietnamplus.vn/viet-nam-luon-danh-uu-tien-cao-nhat-cho-moi-quan-he-doan-ket-dac-biet-voi-lao-post1080302.vnp?utm=x#top"
        let parts = try #require(SlugParts.parse(url))
        #expect(parts.host == "www.vietnamplus.vn")
        #expect(parts.articleID == "1080302")
        #expect(parts.slug == "viet-nam-luon-danh-uu-tien-cao-nhat-cho-moi-quan-he-doan-ket-dac-biet-voi-lao")
        #expect(parts.words.first == "viet" && parts.words.count == 18)
        #expect(SlugParts.parse("https://vnexpress.net/gia-vang-tang-4812345.html")?.articleID == "4812345")
        #expect(SlugParts.parse("https://example.com/") == nil)
        #expect(SlugParts.parse("https://x.vn///") == nil && SlugParts.parse("/") == nil)
        // The last part of the path that is not empty; an id or image number only after a hyphen.
        let nested = try #require(SlugParts.parse("https://www.vietnamplus.vn/a//b/viet-nam-4812345.html/"))
        #expect(nested.slug == "viet-nam" && nested.articleID == "4812345")
        #expect(SlugParts.parse("https://x.vn/tin-tuc/")?.slug == "tin-tuc")
        #expect(SlugParts.parse("ttxvn-tong-bi-thu-.jpg")?.slug == "ttxvn-tong-bi-thu-")
        #expect(SlugParts.parse("https://host.vn/slug-9999")?.slug == "slug-9999")
        #expect(SlugParts.parse("slug-9999")?.imageIndex == 9999)
    }

    @Test func imageFileName() throws {
        let parts = try #require(SlugParts.parse("ttxvn-tong-bi-thu-le-trao-cac-van-kien-viet-nam-lao-11.jpg"))
        #expect(parts.host == nil)
        #expect(parts.imageIndex == 11)
        #expect(parts.articleID == nil)
        #expect(parts.slug == "ttxvn-tong-bi-thu-le-trao-cac-van-kien-viet-nam-lao")
    }

    @Test func seedImageSlugMatchesItsVietnameseCaption() throws {
        // The seed's first image file name is the folded Vietnamese caption.
        let parts = try #require(SlugParts.parse("ttxvn-tong-bi-thu-to-lam-gap-tong-bi-thu-chu-tich-nuoc-lao-thongloun-1.jpg"))
        #expect(try Slugger().slug("TTXVN: Tổng Bí thư Tô Lâm gặp Tổng Bí thư, Chủ tịch nước Lào Thongloun") == parts.slug)
    }
}
