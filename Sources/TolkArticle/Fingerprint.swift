import TolkText

/// What pairing compares of one article: its URL, slugs, image file names, and the anchors that
/// survive translation (numbers, dates, names).
public struct ArticleFingerprint: Sendable, Codable {
    /// The page's path.
    public let path: String
    /// The language code of the page.
    public let language: String
    /// For a source: its own URL; for a translation: the URL on its source line.
    public let url: ArticleURL?
    /// The page's own address from its header (`url:` line, canonical link), when it has one: a
    /// source without metadata is found by it too.
    public let pageURL: ArticleURL?
    /// The slug of the headline (Vietnamese sources) as words.
    public let titleSlugWords: [String]
    /// Image file names (lower-cased, without extension and image number).
    public let images: Set<String>
    /// Slug words of each caption (sources), to match image file names against.
    public let captionSlugWords: [Set<String>]
    /// Numbers, dates and folded names found in the text.
    public let anchors: Set<String>
    /// Body paragraphs.
    public let paragraphCount: Int

    public init(
        path: String, language: String, url: ArticleURL?, pageURL: ArticleURL? = nil, titleSlugWords: [String], images: Set<String>,
        captionSlugWords: [Set<String>],
        anchors: Set<String>, paragraphCount: Int
    ) {
        self.path = path
        self.language = language
        self.url = url
        self.pageURL = pageURL
        self.titleSlugWords = titleSlugWords
        self.images = images
        self.captionSlugWords = captionSlugWords
        self.anchors = anchors
        self.paragraphCount = paragraphCount
    }
}

/// Builds fingerprints. Owns ICU handles: one per task.
public final class Fingerprinter {
    private let slugger: Slugger
    private let foldKey = Normalizer.foldedKey
    private var folded: [Substring: String] = [:]

    public init() throws(ICUError) {
        slugger = try Slugger()
    }

    /// The fingerprint of `article` in `language`; `url` overrides the page's own source line
    /// (a source article's URL usually comes from its metadata).
    public func fingerprint(_ article: Article, language: String, url: String? = nil) throws -> ArticleFingerprint {
        let units = article.units
        var anchors = Set<String>()
        for unit in units { try AnchorScanner.scan(unit.text, language: language, into: &anchors, fold: fold) }
        var images = Set<String>()
        for (image, _) in article.figures {
            if let parts = SlugParts.parse(image.attributes["image"] ?? image.text) { images.insert(parts.slug.lowercased()) }
        }
        let captions = try article.elements(.caption).map { Set(try slugger.slug($0.text).split(separator: "-").map(String.init)) }
        let title = try article.headline.map { try slugger.slug($0.text).split(separator: "-").map(String.init) } ?? []
        return ArticleFingerprint(
            path: article.name, language: language, url: (url ?? article.sourceURL).flatMap(ArticleURL.init),
            pageURL: article.pageURL.flatMap(ArticleURL.init), titleSlugWords: title,
            images: images, captionSlugWords: captions, anchors: anchors, paragraphCount: article.body.count)
    }

    private func fold(_ word: Substring) throws(ICUError) -> String {
        if let known = folded[word] { return known }
        let text = String(word)
        let key = try foldKey.normalize(text).text
        if folded.count > 50_000 { folded.removeAll(keepingCapacity: true) }
        // Kept as a word of its own: `word` is a slice of its whole paragraph.
        folded[Substring(text)] = key
        return key
    }
}
