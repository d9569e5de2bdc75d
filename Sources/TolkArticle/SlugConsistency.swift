import TolkText

/// How well a translated headline or caption agrees with the Vietnamese slug it came with: the
/// URL slug is the folded source headline, an image file name the folded source caption. Without
/// a glossary, names and numbers are what can be compared.
public struct SlugAgreement: Sendable, Hashable {
    /// The headline or caption checked.
    public let element: ArticleElement
    /// The slug it was compared with.
    public let slug: String
    /// Names and numbers of the element found in the slug.
    public let matched: [String]
    /// Names and numbers of the element missing from the slug.
    public let missing: [String]

    /// The share of the element's names and numbers found in the slug, or nil when it has none.
    /// A low share suggests a caption under the wrong image or a headline that renders another
    /// article; names and numbers alone cannot tell a paraphrase from a mistake, so this is
    /// reported, not judged, until a glossary can translate the rest.
    public var share: Double? {
        matched.isEmpty && missing.isEmpty ? nil : Double(matched.count) / Double(matched.count + missing.count)
    }
}

public enum SlugConsistency {
    /// Compares the headline with the source URL's slug and each caption with its image file name.
    public static func check(_ article: Article) throws -> [SlugAgreement] {
        let fold = Normalizer.foldedKey
        var results: [SlugAgreement] = []
        if let headline = article.headline, let url = article.sourceURL, let slug = ArticleURL(url)?.slug {
            results.append(try compare(headline, slug: slug, fold: fold))
        }
        for (image, caption) in article.figures {
            guard let caption, let slug = SlugParts.parse(image.attributes["image"] ?? image.text)?.slug else { continue }
            results.append(try compare(caption, slug: slug, fold: fold))
        }
        return results
    }

    private static func compare(_ element: ArticleElement, slug: String, fold: Normalizer) throws -> SlugAgreement {
        let words = slug.lowercased().split(separator: "-").map(String.init)
        var vocabulary = Set(words)
        for (a, b) in zip(words, words.dropFirst()) { vocabulary.insert(a + b) }  // "viet-nam" ~ "Vietnam"
        var matched: [String] = []
        var missing: [String] = []
        // Drop credits such as "(Foto: Thong Nhat/VNA)": the photographer is not in the slug.
        var text = element.text
        if let credit = text.lastIndex(of: "("), text.hasSuffix(")") { text = String(text[..<credit]) }
        var seen = Set<String>()
        // Numbers lose their inner punctuation in slugs ("58,1" -> "581"); words split at hyphens.
        let pieces = text.split(whereSeparator: \.isWhitespace).flatMap { piece -> [Substring] in
            let trimmed = piece.drop { !$0.isLetter && !$0.isNumber }.reversed().drop { !$0.isLetter && !$0.isNumber }.reversed()
            let word = Substring(String(trimmed))
            if word.first?.isNumber == true, word.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }) {
                return [Substring(word.filter(\.isNumber))]
            }
            return word.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        }
        for (index, word) in pieces.enumerated() {
            guard word.first!.isUppercase || word.first!.isNumber, index > 0 || word.first!.isNumber else { continue }
            let key = try fold.normalize(String(word)).text
            guard seen.insert(key).inserted else { continue }
            let genitive = key.hasSuffix("s") ? String(key.dropLast()) : key
            if vocabulary.contains(key) || vocabulary.contains(genitive) { matched.append(key) } else { missing.append(key) }
        }
        return SlugAgreement(element: element, slug: slug, matched: matched, missing: missing)
    }
}
