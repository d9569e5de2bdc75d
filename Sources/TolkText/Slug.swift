import CICUShim

/// Turns titles into URL slugs the way Vietnamese news sites do: NFKC, ICU's Latin-ASCII
/// transliteration (`đ` -> `d`, `ư` -> `u`), lower case, words joined by hyphens.
///
/// Owns an ICU transliterator: not thread-safe, use one per task.
public final class Slugger {
    /// What happens to `.`, `,` and apostrophes between two letters or digits (`3,5`, `TP.HCM`).
    public enum InnerPunctuation: String, Sendable, CaseIterable {
        /// Removed: `35`, `tphcm`.
        case delete
        /// A word break: `3-5`, `tp-hcm`.
        case split
    }

    /// How `æ ø å` are spelt.
    public enum NordicLetters: String, Sendable, CaseIterable {
        /// `ae o a` (ICU's Latin-ASCII).
        case plain
        /// `ae oe aa`.
        case doubled
    }

    public let innerPunctuation: InnerPunctuation
    public let nordicLetters: NordicLetters
    private let transliterator: OpaquePointer

    public init(innerPunctuation: InnerPunctuation = .delete, nordicLetters: NordicLetters = .plain) throws(ICUError) {
        self.innerPunctuation = innerPunctuation
        self.nordicLetters = nordicLetters
        var handle: OpaquePointer?
        try ICU.check(tolk_transliterator_open("NFKC; Latin-ASCII", &handle), "opening the NFKC; Latin-ASCII transliterator")
        transliterator = handle!
    }

    deinit { tolk_transliterator_close(transliterator) }

    private static let doubledNordic: [Character: String] = ["æ": "ae", "Æ": "Ae", "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa"]
    private static let innerMarks: Set<Unicode.Scalar> = [".", ",", "'", "\u{2019}"]

    /// The slug of `title`: `Tổng Bí thư Tô Lâm gặp TP.HCM` -> `tong-bi-thu-to-lam-gap-tphcm`.
    public func slug(_ title: String) throws(ICUError) -> String {
        var text = title
        if nordicLetters == .doubled {
            text = String(text.flatMap { Self.doubledNordic[$0] ?? String($0) })
        }
        let source = Array(text.utf16)
        let ascii = try ICU.fillingUTF16(estimate: source.count * 2 + 16, "transliterating to ASCII") { buffer, capacity, length in
            tolk_transliterate(transliterator, source, Int32(source.count), buffer, capacity, length)
        }
        let scalars = Array(String(decoding: ascii, as: UTF16.self).lowercased().unicodeScalars)
        var slug = String.UnicodeScalarView()
        var pendingBreak = false
        for (index, scalar) in scalars.enumerated() {
            if Self.isSlugCharacter(scalar) {
                if pendingBreak, !slug.isEmpty { slug.append("-") }
                pendingBreak = false
                slug.append(scalar)
            } else if Self.innerMarks.contains(scalar), index > 0, index + 1 < scalars.count,
                Self.isSlugCharacter(scalars[index - 1]), Self.isSlugCharacter(scalars[index + 1])
            {
                if innerPunctuation == .split { pendingBreak = true }
            } else {
                pendingBreak = true
            }
        }
        return String(slug)
    }

    private static func isSlugCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isAlphabeticLetter || (scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType == .decimal)
    }
}

/// What an article URL or an image file name says about its article: host, slug words and id.
public struct SlugParts: Sendable, Hashable, Codable {
    /// The host, lower-cased (nil for a bare file name).
    public var host: String?
    /// The slug, without id, index or extension: `viet-nam-luon-danh-uu-tien-...`.
    public var slug: String
    /// The slug's words.
    public var words: [String] { slug.split(separator: "-").map(String.init) }
    /// The article id (`1080302` in `...-post1080302.vnp`, `4812345` in `...-4812345.html`).
    public var articleID: String?
    /// The image number in a file name (`1` in `...-thongloun-1.jpg`).
    public var imageIndex: Int?

    /// Parses an article URL (`https://www.vietnamplus.vn/...-post1080302.vnp`) or an image file
    /// name (`ttxvn-tong-bi-thu-to-lam-1.jpg`); nil when there is no slug in it.
    public static func parse(_ input: String) -> SlugParts? {
        var rest = Substring(input.trimmed())
        var host: String? = nil
        if let scheme = rest.firstRange(of: "://") {
            rest = rest[scheme.upperBound...]
            let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            host = rest[..<hostEnd].split(separator: "@").last.map { $0.split(separator: ":")[0].lowercased() }
            rest = rest[hostEnd...]
        }
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        guard let last = rest.split(separator: "/").last else { return nil }
        var name = String(last)
        if let dot = name.lastIndex(of: "."), name[name.index(after: dot)...].allSatisfy({ $0.isASCII && $0.isLetter }),
            name.distance(from: dot, to: name.endIndex) <= 6
        {
            name = String(name[..<dot])
        }
        var parts = SlugParts(host: host, slug: name, articleID: nil, imageIndex: nil)
        let pieces = name.split(separator: "-", omittingEmptySubsequences: false)
        if let tail = pieces.last, pieces.count > 1 {
            let digits = tail.drop { !$0.isNumber }
            let prefix = tail.prefix { !$0.isNumber }
            if !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), prefix.allSatisfy(\.isLetter) {
                let isArticleID = !prefix.isEmpty || digits.count >= 5
                if isArticleID {
                    parts.articleID = String(digits)
                } else if host == nil, prefix.isEmpty {
                    parts.imageIndex = Int(digits)
                }
                if isArticleID || parts.imageIndex != nil {
                    parts.slug = pieces.dropLast().joined(separator: "-")
                }
            }
        }
        return parts.slug.isEmpty ? nil : parts
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
