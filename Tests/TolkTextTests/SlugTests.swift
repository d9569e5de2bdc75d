import Testing
import TolkText

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
