import Foundation
import TolkText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The source article chosen for one translation, or an explicit "no source", with the evidence.
public struct PairingResult: Sendable, Hashable {
    /// How the decision was made, strongest first.
    public enum Method: String, Sendable, Encodable {
        /// The translation's source URL line names the source (same host and path, or same host and id).
        case url
        /// The URL slug or the image file names match the source's headline or captions.
        case slug
        /// Numbers, dates and names shared by the texts.
        case content
    }

    public let translation: String
    /// The source's path, or nil for "no source".
    public let source: String?
    /// 0...1; for "no source", the best rejected candidate's score (0 when none).
    public let score: Double
    public let method: Method
    public let evidence: [String]
}

extension PairingResult: Encodable {
    private enum CodingKeys: String, CodingKey {
        case translation, source, score, method, evidence
    }

    /// `source` is null for "no source"; the score has three decimals.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(translation, forKey: .translation)
        try container.encode(source, forKey: .source)
        try container.encode((score * 1000).rounded() / 1000, forKey: .score)
        try container.encode(method, forKey: .method)
        try container.encode(evidence, forKey: .evidence)
    }

    /// Translation, source (empty for none), score, method and evidence, tab-separated (`TSV`).
    public var tsvRow: String {
        [translation, source ?? "", String(format: "%.3f", score), method.rawValue, evidence.joined(separator: "; ")].map(TSV.field)
            .joined(separator: "\t")
    }
}

/// Matches translated articles to their source articles.
///
/// Evidence is tried strongest first: the source URL line (normalised; host + article id), then the
/// URL slug against the sources' headline slugs and image file names against the sources' images
/// and captions, then content anchors (numbers, dates, names) weighted by rarity. A URL that names an
/// article missing from the sources means "no source", never the nearest look-alike. Each source goes
/// to at most one translation per language: the better match keeps it, the other is reported.
///
/// - Complexity: O(S + T) index building plus, per translation, the sources sharing one of its
///   rarest anchors (blocking), so 10,000 × 10,000 stays far from quadratic.
public struct Pairer: Sendable {
    /// The minimum content score for a content match.
    public var contentThreshold = 0.6
    /// The minimum share of slug words for a slug match.
    public var slugThreshold = 0.7

    public init() {}

    public func pair(sources: [ArticleFingerprint], translations: [ArticleFingerprint]) -> [PairingResult] {
        // Only anchors seen on both sides can be evidence; the rest would only dilute the scores.
        let translationVocabulary = translations.reduce(into: Set<String>()) { $0.formUnion($1.anchors) }
        let index = SourceIndex(sources, translationVocabulary: translationVocabulary)
        var results = translations.map { match($0, in: index) }
        let losers = resolveConflicts(&results, translations: translations)
        giveLosersTheirNextBest(&results, losers: losers, translations: translations, in: index)
        return results
    }

    // MARK: One translation

    private func match(_ translation: ArticleFingerprint, in index: SourceIndex) -> PairingResult {
        let name = translation.path
        // When the folders overlap, a page is never its own source.
        let other = { (source: Int) in index.sources[source].path != name }
        if let url = translation.url {
            let key = url.host + url.path
            if let source = index.byURL[key], other(source) {
                return PairingResult(
                    translation: name, source: index.sources[source].path, score: 1, method: .url, evidence: ["url: \(key)"])
            }
            if let id = url.articleID {
                if let source = index.byID["\(url.host)#\(id)"], other(source) {
                    return PairingResult(
                        translation: name, source: index.sources[source].path, score: 1, method: .url,
                        evidence: ["url: \(url.host) article \(id)"])
                }
                if index.hostsWithIDs.contains(url.host) {
                    return PairingResult(
                        translation: name, source: nil, score: 0, method: .url,
                        evidence: ["url: \(url.host) article \(id) is not among the sources"])
                }
            }
            if let slug = url.slug, let (source, share) = bestSlugMatch(slug, in: index, excluding: name), share >= slugThreshold {
                return PairingResult(
                    translation: name, source: index.sources[source].path, score: share, method: .slug,
                    evidence: ["url slug: \(slug) ~ headline slug (\(percent(share)) of words)"])
            }
        }
        if let (source, evidence, score) = imageMatch(translation, in: index, excluding: name) {
            return PairingResult(translation: name, source: index.sources[source].path, score: score, method: .slug, evidence: evidence)
        }
        let candidates = index.contentCandidates(for: translation).filter { other($0.0.source) }
        guard let best = candidates.first else {
            return PairingResult(
                translation: name, source: nil, score: 0, method: .content, evidence: ["no source shares a rare number, date or name"])
        }
        let (shared, score) = best
        let source = index.sources[shared.source]
        let evidence =
            ["content: \(shared.anchors.count) shared anchors (\(shared.anchors.sorted().prefix(8).joined(separator: ", ")))"]
            + ["paragraphs: \(source.paragraphCount) source, \(translation.paragraphCount) translation"]
        if score < contentThreshold {
            return PairingResult(
                translation: name, source: nil, score: score, method: .content,
                evidence: ["best candidate \(source.path) too weak"] + evidence)
        }
        return PairingResult(translation: name, source: source.path, score: score, method: .content, evidence: evidence)
    }

    private func bestSlugMatch(_ slug: String, in index: SourceIndex, excluding path: String) -> (Int, Double)? {
        let words = slug.split(separator: "-").map(String.init)
        let joined = words.joined()
        var best: (Int, Double)? = nil
        for candidate in index.sources(sharingWords: words) where index.sources[candidate].path != path {
            let title = index.sources[candidate].titleSlugWords
            let share = title.joined() == joined ? 1 : jaccard(Set(words), Set(title))
            if share > (best?.1 ?? 0) { best = (candidate, share) }
        }
        return best
    }

    private func imageMatch(_ translation: ArticleFingerprint, in index: SourceIndex, excluding path: String) -> (Int, [String], Double)? {
        guard !translation.images.isEmpty else { return nil }
        var votes: [Int: [String]] = [:]
        for image in translation.images {
            for source in index.byImage[image] ?? [] where index.sources[source].path != path {
                votes[source, default: []].append("image: \(image)")
            }
        }
        // An image counts when it points at one source only (agencies reuse photos).
        let most = votes.values.map(\.count).max() ?? 0
        let leaders = votes.filter { $0.value.count == most }
        if most > 0, leaders.count == 1, let (source, evidence) = leaders.first {
            return (source, evidence.sorted(), 0.95)
        }
        if most > 0 { return nil }
        // An image file name is the folded caption of the source: compare with the source captions.
        var best: (Int, String, Double)? = nil
        for image in translation.images {
            let words = Set(image.split(separator: "-").map(String.init))
            for source in index.sources(sharingWords: Array(words)) where index.sources[source].path != path {
                for caption in index.sources[source].captionSlugWords {
                    let share = jaccard(words, caption)
                    if share > (best?.2 ?? 0) { best = (source, image, share) }
                }
            }
        }
        if let best, best.2 >= slugThreshold {
            return (best.0, ["image slug: \(best.1) ~ caption (\(percent(best.2)) of words)"], best.2)
        }
        return nil
    }

    // MARK: One source, one translation per language

    /// Leaves each claimed source with its strongest claimant; returns the others, in order.
    private func resolveConflicts(_ results: inout [PairingResult], translations: [ArticleFingerprint]) -> [Int] {
        var losers: [Int] = []
        var claims: [String: [Int]] = [:]
        for (k, result) in results.enumerated() {
            if let source = result.source { claims["\(translations[k].language)\u{0}\(source)", default: []].append(k) }
        }
        let strength: [PairingResult.Method: Int] = [.url: 3, .slug: 2, .content: 1]
        for (_, claimants) in claims where claimants.count > 1 {
            let winner = claimants.max {
                (strength[results[$0].method]!, results[$0].score, -$0) < (strength[results[$1].method]!, results[$1].score, -$1)
            }!
            for loser in claimants where loser != winner {
                losers.append(loser)
                let lost = results[loser]
                results[loser] = PairingResult(
                    translation: lost.translation, source: nil, score: lost.score, method: lost.method,
                    evidence: ["\(lost.source!) went to the better match \(results[winner].translation)"] + lost.evidence)
            }
        }
        return losers.sorted()
    }

    /// A translation that lost its source to a better match takes its best content candidate that
    /// no other translation of its language holds, if that one is strong enough on its own.
    private func giveLosersTheirNextBest(
        _ results: inout [PairingResult], losers: [Int], translations: [ArticleFingerprint], in index: SourceIndex
    ) {
        var held = Set(results.indices.compactMap { k in results[k].source.map { "\(translations[k].language)\u{0}\($0)" } })
        for k in losers {
            let translation = translations[k]
            let free = index.contentCandidates(for: translation).first {
                index.sources[$0.0.source].path != translation.path
                    && !held.contains("\(translation.language)\u{0}\(index.sources[$0.0.source].path)")
            }
            guard let (candidate, score) = free, score >= contentThreshold else { continue }
            let source = index.sources[candidate.source].path
            held.insert("\(translation.language)\u{0}\(source)")
            results[k] = PairingResult(
                translation: translation.path, source: source, score: score, method: .content,
                evidence: ["next best after \(results[k].evidence[0])", "content: \(candidate.anchors.count) shared anchors"])
        }
    }
}

private func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
    let union = a.union(b).count
    return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
}

private func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }

/// Lookup tables over the sources.
struct SourceIndex {
    let sources: [ArticleFingerprint]
    var byURL: [String: Int] = [:]
    var byID: [String: Int] = [:]
    var hostsWithIDs = Set<String>()
    var byImage: [String: [Int]] = [:]
    var bySlugWord: [String: [Int]] = [:]
    var byAnchor: [String: [Int]] = [:]
    var idf: [String: Double] = [:]

    /// Each source's IDF-weighted length over the anchors translations can share.
    var sourceNorms: [Double] = []

    init(_ sources: [ArticleFingerprint], translationVocabulary: Set<String>) {
        self.sources = sources
        for (k, source) in sources.enumerated() {
            // A source answers to its own page URL as well as to its metadata or `Nguồn:` URL.
            for url in [source.pageURL, source.url].compactMap({ $0 }) {
                byURL[url.host + url.path] = k
                if let id = url.articleID {
                    byID["\(url.host)#\(id)"] = k
                    hostsWithIDs.insert(url.host)
                }
            }
            for image in source.images { byImage[image, default: []].append(k) }
            for word in Set(source.titleSlugWords + source.captionSlugWords.flatMap { $0 }) { bySlugWord[word, default: []].append(k) }
            for anchor in source.anchors { byAnchor[anchor, default: []].append(k) }
        }
        let count = Double(max(sources.count, 1))
        for (anchor, holders) in byAnchor { idf[anchor] = log(1 + count / Double(holders.count)) }
        sourceNorms = sources.map { source in norm(source.anchors.filter { translationVocabulary.contains($0) }) }
    }

    /// Sources sharing at least one of the rarer `words`.
    func sources(sharingWords words: [String]) -> [Int] {
        let limit = max(50, sources.count / 20)
        var found = Set<Int>()
        for word in words { if let holders = bySlugWord[word], holders.count <= limit { found.formUnion(holders) } }
        return found.sorted()
    }

    /// The best content candidates (shared anchors and their cosine score), best first.
    func contentCandidates(for translation: ArticleFingerprint, limit: Int = 5) -> [((source: Int, anchors: [String]), Double)] {
        // Blocking: only sources that share one of the translation's rare anchors.
        let rareLimit = max(20, sources.count / 50)
        var shared: [Int: [String]] = [:]
        for anchor in translation.anchors {
            guard let holders = byAnchor[anchor], holders.count <= rareLimit else { continue }
            for holder in holders { shared[holder, default: []].append(anchor) }
        }
        let translationNorm = norm(translation.anchors.filter { byAnchor[$0] != nil })
        var scored: [((source: Int, anchors: [String]), Double)] = []
        for (source, _) in shared {
            // Summed in sorted order: a Set's order changes from run to run, and with it the last
            // bits of a float sum, which decided ties between identical copies differently each run.
            let common = translation.anchors.intersection(sources[source].anchors).sorted()
            let dot = common.reduce(0.0) { $0 + pow(idf[$1] ?? 0, 2) }
            let denominator = translationNorm * sourceNorms[source]
            scored.append(((source, common), denominator == 0 ? 0 : dot / denominator))
        }
        scored.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0.source < $1.0.source) }
        return Array(scored.prefix(limit))
    }

    /// The IDF-weighted length of an anchor set.
    private func norm(_ anchors: Set<String>) -> Double {
        anchors.sorted().reduce(0.0) { $0 + pow(idf[$1] ?? 0, 2) }.squareRoot()
    }
}
