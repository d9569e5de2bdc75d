import Testing
import TolkText

@testable import TolkArticle

@Suite("Pairing")
struct PairingTests {
    @Test func articleURLsNormalise() throws {
        let plain = try #require(ArticleURL("https://www.vietnamplus.vn/viet-nam-lao-post1080302.vnp"))
        for variant in [
            "http://m.vietnamplus.vn/viet-nam-lao-post1080302.vnp/",
            "https://vietnamplus.vn/viet-nam-lao-post1080302.vnp?utm_source=fb#top",
            "HTTPS://WWW.VIETNAMPLUS.VN/viet-nam-lao-post1080302.vnp",
        ] {
            let url = try #require(ArticleURL(variant))
            #expect(url.host == plain.host && url.path == plain.path, "\(variant)")
        }
        #expect(plain.host == "vietnamplus.vn")
        #expect(plain.articleID == "1080302")
        #expect(plain.slug == "viet-nam-lao")
        #expect(ArticleURL("ftp://x.vn/a") == nil)
        #expect(ArticleURL("not a url") == nil)
    }

    static func anchors(_ text: String, _ language: String) throws -> Set<String> {
        var anchors = Set<String>()
        try AnchorScanner.scan(text, language: language, into: &anchors) { word throws(ICUError) in
            try Normalizer(foldCase: true, foldDiacritics: true).normalize(String(word)).text
        }
        return anchors
    }

    @Test func vietnameseAndNorwegianNumbersMeetInOneForm() throws {
        let vietnamese = try Self.anchors("Kim ngạch 1.500 tỷ USD, tăng 2,3% ngày 1/12/2025 tại Hà Nội.", "vi")
        let norwegian = try Self.anchors("Handelen var 1 500 milliarder USD, opp 2,3 prosent 1. desember 2025 i Hanoi.", "nb")
        for anchor in ["n:1500", "n:2.3", "d:12-1", "y:2025", "w:usd", "w:hanoi"] {
            #expect(vietnamese.contains(anchor), "vi lacks \(anchor): \(vietnamese.sorted())")
            #expect(norwegian.contains(anchor), "nb lacks \(anchor): \(norwegian.sorted())")
        }
        // A Norwegian time or ordinal is not a thousands separator.
        #expect(try Self.anchors("kl. 14.00", "nb").contains("n:14.00"))
        // Capitalised words are cut from the text where they stand, after letters of every width.
        #expect(
            try Self.anchors("😀 Ủy ban: Thủ tướng Phạm Minh Chính, Đại hội XIV.", "vi").isSuperset(of: [
                "w:pham", "w:minh", "w:chinh", "w:phamminh", "w:minhchinh", "n:14",
            ]))
    }

    static func fingerprints(_ pairs: [String], language: String, url: Bool = true) throws -> [ArticleFingerprint] {
        let fingerprinter = try Fingerprinter()
        return try pairs.map { pair in
            let file = language == "vi" ? "vi.txt" : "nb.txt"
            let article = try readArticle("\(pair)/\(file)")
            let meta = "https://www.vietnamplus.vn/x-post\(pair.split(separator: "-").last!).vnp"
            return try fingerprinter.fingerprint(
                article, language: language, url: language == "vi" ? meta : (url ? nil : "https://example.org/none"))
        }
    }

    static let pairs = ["vietnamplus-1080302", "vietnamplus-1080415", "vietnamplus-1080533", "vietnamplus-1080702"]

    @Test func urlIdsPairAndAMissingIdMeansNoSource() throws {
        let sources = try Self.fingerprints(Array(Self.pairs.prefix(3)), language: "vi")
        let translations = try Self.fingerprints(Self.pairs, language: "nb")
        let results = Pairer().pair(sources: sources, translations: translations)
        for k in 0..<3 {
            #expect(results[k].source == sources[k].path)
            #expect(results[k].method == .url)
        }
        // 1080702's translation names an article that is not among the sources: no look-alike.
        #expect(results[3].source == nil)
        #expect(results[3].method == .url)
        #expect(results[3].evidence.first?.contains("1080702 is not among the sources") == true)
    }

    @Test func contentPairsTranslationsWithoutURL() throws {
        let sources = try Self.fingerprints(Self.pairs, language: "vi")
        let translations = try Self.fingerprints(Self.pairs, language: "nb", url: false)
        let results = Pairer().pair(sources: sources, translations: translations)
        #expect(results.map(\.source) == sources.map(\.path))
        #expect(results.allSatisfy { $0.method != .url })
    }

    @Test func aSourceGoesToTheBetterOfTwoTranslations() throws {
        let sources = try Self.fingerprints(["vietnamplus-1080302"], language: "vi")
        let withURL = try Self.fingerprints(["vietnamplus-1080302"], language: "nb")[0]
        let textOnly = try Self.fingerprints(["vietnamplus-1080302"], language: "nb", url: false)[0]
        let results = Pairer().pair(sources: sources, translations: [textOnly, withURL])
        #expect(results[1].source == sources[0].path)
        #expect(results[0].source == nil)
        #expect(results[0].evidence.first?.contains("went to the better match") == true)
    }

    @Test func aPageIsNeverItsOwnSourceWhenFoldersOverlap() throws {
        // One folder for both sides: every page is a source and a translation.
        let sources = try Self.fingerprints(Self.pairs, language: "vi")
        let translations = try Self.fingerprints(Self.pairs, language: "nb", url: false)
        let pages = sources + translations
        let results = Pairer().pair(sources: pages, translations: pages)
        #expect(results.allSatisfy { $0.source != $0.translation })
        #expect(results.contains { $0.source != nil })
    }

    @Test func aSourceIsFoundByTheURLItsPageNamesWithoutMetadata() throws {
        // No meta.json: the source's address is in its header; the translation's source line names it.
        let url = "https://baotintuc.vn/thoi-su/20251201093045123.htm"
        let body = "Thành phố khởi công ba đoạn đường mới trong tháng 12.\n\nCông trình dài 112 km, đi qua ba tỉnh và thành phố.\n"
        let fingerprinter = try Fingerprinter()
        func fingerprint(_ text: String, _ path: String, _ language: String) throws -> ArticleFingerprint {
            try fingerprinter.fingerprint(ArticleReader().read(Document(text, name: path)), language: language)
        }
        let translation = try fingerprint(
            "Hanoi bygger ut ringveien\n\nByen starter arbeidet i desember.\n\nKilde: \(url)\n", "t.txt", "nb")
        for header in ["url: \(url)", "<link rel=\"canonical\" href=\"\(url)\" />"] {
            let sources = [
                try fingerprint("\(header)\n\nHà Nội mở rộng đường Vành đai 4\n\n\(body)", "s1.txt", "vi"),
                try fingerprint("Đà Nẵng đón khách\n\nMột bài khác.\n\nDu khách đến Đà Nẵng tăng 30 %.\n", "s2.txt", "vi"),
            ]
            let result = Pairer().pair(sources: sources, translations: [translation])[0]
            #expect(result.source == "s1.txt", "\(header): \(result)")
            #expect(result.method == .url)
        }
    }

    @Test func theLoserOfATieTakesItsNextBestFreeSource() {
        func page(_ path: String, _ language: String, _ anchors: Set<String>) -> ArticleFingerprint {
            ArticleFingerprint(
                path: path, language: language, url: nil, titleSlugWords: [], images: [], captionSlugWords: [], anchors: anchors,
                paragraphCount: 5)
        }
        let shared: Set<String> = ["n:1", "n:2", "n:3", "w:hanoi", "w:laos"]
        let sources = [page("s1", "vi", shared.union(["n:10", "n:11"])), page("s2", "vi", shared.union(["n:20", "n:21"]))]
        // Both translations are closest to s1; the second is also close to s2.
        let first = page("t1", "nb", shared.union(["n:10", "n:11"]))
        let second = page("t2", "nb", shared.union(["n:10", "n:11", "n:20"]))
        let results = Pairer().pair(sources: sources, translations: [first, second])
        #expect(results[0].source == "s1")
        #expect(results[1].source == "s2")
        #expect(results[1].evidence.first?.hasPrefix("next best after s1 went to the better match t1") == true, "\(results[1])")
        // Without a strong enough second candidate, the loser has none.
        let third = page("t3", "nb", shared.union(["n:10", "n:11"]))
        let alone = Pairer().pair(sources: [sources[0]], translations: [first, third])
        #expect(alone[1].source == nil)
    }

    @Test func noSourcesMeansNoSource() throws {
        let results = Pairer().pair(sources: [], translations: try Self.fingerprints(["vietnamplus-1080415"], language: "nb", url: false))
        #expect(results.count == 1 && results[0].source == nil)
    }
}
