import TolkText

/// An article URL reduced to what identifies the article: scheme, `www.`/mobile host prefixes,
/// query, fragment and trailing slash do not count.
public struct ArticleURL: Hashable, Sendable, Codable {
    /// The host without `www.`, `m.`, `mobile.` or `amp.` (`vietnamplus.vn`).
    public let host: String
    /// The path without a trailing slash (`/viet-nam-...-post1080302.vnp`).
    public let path: String
    /// The article id in the last path segment, if any.
    public let articleID: String?
    /// The slug of the last path segment, without id and extension.
    public let slug: String?

    /// Parses an absolute http(s) URL; nil for anything else.
    public init?(_ text: String) {
        var rest = Substring(text.trimmed())
        guard let scheme = rest.firstRange(of: "://"), ["http", "https"].contains(rest[..<scheme.lowerBound].lowercased()) else {
            return nil
        }
        rest = rest[scheme.upperBound...]
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var host = rest[..<hostEnd].lowercased()
        if let port = host.firstIndex(of: ":") { host = String(host[..<port]) }
        for prefix in ["www.", "m.", "mobile.", "amp."] where host.hasPrefix(prefix) { host = String(host.dropFirst(prefix.count)) }
        guard !host.isEmpty else { return nil }
        var path = String(rest[hostEnd...])
        while path.hasSuffix("/") { path.removeLast() }
        self.host = host
        self.path = path
        let parts = SlugParts.parse("https://\(host)\(path)")
        articleID = parts?.articleID
        slug = parts?.slug
    }
}
