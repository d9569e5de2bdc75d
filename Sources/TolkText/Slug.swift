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
        let scalars = try lowercasedASCII(text)
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

    /// `text` as the transliterator spells it, lower-cased. ICU's rule-based transliteration costs
    /// thousands of instructions a character: text of ASCII and of letters from Latin-1 to Latin
    /// Extended-B and Latin Extended Additional (every Vietnamese and Nordic letter) is spelt a
    /// scalar at a time instead, each scalar by the transliterator once and then remembered. Those
    /// scalars are spelt the same alone as in a text: NFKC composes nothing without a combining
    /// mark, and Latin-ASCII maps a character at a time (its one rule that looks at a neighbour
    /// removes combining marks, and text with one takes the whole transliteration).
    func lowercasedASCII(_ text: String) throws(ICUError) -> [Unicode.Scalar] {
        guard text.unicodeScalars.allSatisfy({ $0.isASCII || Self.isSpeltAlone($0) }) else { return try transliteratedLowercased(text) }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                scalars.append((0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar)
            } else if let spelt = spelling[scalar] {
                scalars += spelt
            } else {
                let spelt = try transliteratedLowercased(String(scalar))
                spelling[scalar] = spelt
                scalars += spelt
            }
        }
        return scalars
    }

    /// Non-ASCII scalars as `lowercasedASCII` spells them, learnt as they come.
    private var spelling: [Unicode.Scalar: [Unicode.Scalar]] = [:]

    /// U+00A0 to U+024F (Latin-1 Supplement to Latin Extended-B) and U+1E00 to U+1EFF (Latin Extended Additional).
    private static func isSpeltAlone(_ scalar: Unicode.Scalar) -> Bool {
        (0xA0...0x24F).contains(scalar.value) || (0x1E00...0x1EFF).contains(scalar.value)
    }

    /// `text` transliterated by ICU as a whole, lower-cased.
    func transliteratedLowercased(_ text: String) throws(ICUError) -> [Unicode.Scalar] {
        let source = Array(text.utf16)
        let ascii = try ICU.fillingUTF16(estimate: source.count * 2 + 16, "transliterating to ASCII") { buffer, capacity, length in
            tolk_transliterate(transliterator, source, Int32(source.count), buffer, capacity, length)
        }
        return Array(String(decoding: ascii, as: UTF16.self).lowercased().unicodeScalars)
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
        // The last part of the path that is not empty.
        while rest.last == "/" { rest = rest.dropLast() }
        guard !rest.isEmpty else { return nil }
        var name = rest[(rest.lastIndex(of: "/").map(rest.index(after:)) ?? rest.startIndex)...]
        if let dot = name.lastIndex(of: "."), name[name.index(after: dot)...].allSatisfy({ $0.isASCII && $0.isLetter }),
            name.distance(from: dot, to: name.endIndex) <= 6
        {
            name = name[..<dot]
        }
        var parts = SlugParts(host: host, slug: String(name), articleID: nil, imageIndex: nil)
        // The piece after the last hyphen: an article id (`post1080302`, `4812345`) or an image number.
        if let hyphen = name.lastIndex(of: "-") {
            let tail = name[name.index(after: hyphen)...]
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
                    parts.slug = String(name[..<hyphen])
                }
            }
        }
        return parts.slug.isEmpty ? nil : parts
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
