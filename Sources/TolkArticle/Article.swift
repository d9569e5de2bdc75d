import TolkText

/// One recognised part of a page. `range` is in UTF-8 bytes of the page's `Document`; `start` and
/// `end` are 1-based positions of its first byte and just past its last.
public struct ArticleElement: Sendable, Hashable {
    /// What a part of a page is.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// The site name line (`Vietnam.vn - Nền tảng quảng bá Việt Nam`).
        case site
        case headline
        /// The standfirst under the headline.
        case lede
        /// Author and/or date (`VietnamPlusVietnamPlus01/12/2025`).
        case byline
        /// A body paragraph.
        case paragraph
        /// An image file name line (`ttxvn-...-1.jpg`).
        case image
        /// The caption under an image.
        case caption
        /// A credit line (`(TTXVN/Vietnam+)`).
        case credit
        /// The source URL line (`Kilde: https://...`).
        case sourceURL = "source-url"
        /// The page's own address above the headline: a `url:` header line or a canonical link
        /// (`<link rel="canonical" href="https://...">`).
        case pageURL = "page-url"
        /// Page furniture: comment counters, "related" lists, category names, "No data".
        case chrome

        /// Headline, lede, paragraph or caption: the kinds a translation renders (`Article.units`).
        public var isUnit: Bool { self == .headline || self == .lede || self == .paragraph || self == .caption }
    }

    public let kind: Kind
    public let range: Range<Int>
    public let start: TextPosition
    public let end: TextPosition
    /// The text, held as the document's bytes where they spell it (no copy of a long page).
    public let sharedText: TextSlice
    /// The text (lines joined with a space, trimmed).
    public var text: String { sharedText.string }
    /// Extra facts: `url`, `article_id` (source-url, page-url); `author`, `date` (byline, ISO 8601);
    /// `label` (chrome: which label or rule recognised it); `image` (caption: its image's file name).
    public let attributes: [String: String]
    public init(
        kind: Kind, range: Range<Int>, start: TextPosition, end: TextPosition, text: TextSlice, attributes: [String: String] = [:]
    ) {
        self.kind = kind
        self.range = range
        self.start = start
        self.end = end
        sharedText = text
        self.attributes = attributes
    }
}

/// A scraped page as a structured article. Nothing is dropped: every non-blank line of the page
/// belongs to exactly one element, chrome included.
public struct Article: Sendable {
    /// The page's file name (or "<stdin>").
    public let name: String
    public let document: Document
    /// The elements in page order.
    public let elements: [ArticleElement]

    public func elements(_ kind: ArticleElement.Kind) -> [ArticleElement] { elements.filter { $0.kind == kind } }

    public var headline: ArticleElement? { elements.first { $0.kind == .headline } }
    public var body: [ArticleElement] { elements(.paragraph) }
    /// Headline, lede, paragraphs and captions, in page order: the text a translation renders,
    /// which alignment, pairing and the source-aware checks compare.
    public var units: [ArticleElement] { elements.filter(\.kind.isUnit) }
    public var sourceURL: String? { elements.first { $0.kind == .sourceURL }?.attributes["url"] }
    /// The page's own URL, from a header line or canonical link above the headline.
    public var pageURL: String? { elements.first { $0.kind == .pageURL }?.attributes["url"] }
    /// The article's date (ISO 8601), from the byline.
    public var date: String? { elements.first { $0.kind == .byline && $0.attributes["date"] != nil }?.attributes["date"] }
    /// Image file names with their captions, in page order.
    public var figures: [(image: ArticleElement, caption: ArticleElement?)] {
        var result: [(ArticleElement, ArticleElement?)] = []
        for (index, element) in elements.enumerated() where element.kind == .image {
            let next = index + 1 < elements.count ? elements[index + 1] : nil
            result.append((element, next?.kind == .caption ? next : nil))
        }
        return result
    }
}

/// Why a page could not be read as an article.
public enum ArticleError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file holds no text at all.
    case empty(source: String)
    /// There is text, but no body paragraph could be recognised.
    case noBody(source: String)

    public var description: String {
        switch self {
        case .empty(let source): "\(source): the file is empty; expected an article page"
        case .noBody(let source): "\(source): no article body found (no paragraph between the headline and the page chrome)"
        }
    }
}
