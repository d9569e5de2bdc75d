import TolkText

/// Whether a translated headline or caption renders the glossary concepts named in its Vietnamese
/// slug (the URL slug is the folded source headline, an image file name the folded source caption).
/// Not thread-safe: one per task.
public final class SlugRenderingCheck {
    private let matcher: TermMatcher
    private let segmenter: Segmenter
    /// Each concept's source terms as slug words, longest first.
    private let slugTerms: [(concept: String, words: [String])]

    public init(
        glossary: Glossary, sourceLanguage: String = Language.defaultSourceCode, targetLanguage: String = Language.defaultTargetCode
    ) throws {
        matcher = try TermMatcher(glossary: glossary, language: targetLanguage)
        segmenter = try Segmenter(languageCode: targetLanguage)
        let slugger = try Slugger()
        var terms: [(String, [String])] = []
        for concept in glossary.concepts {
            for term in concept.terms(in: sourceLanguage) where term.status != .forbidden {
                let words = try slugger.slug(term.text).split(separator: "-").map(String.init)
                if !words.isEmpty { terms.append((concept.id, words)) }
            }
        }
        slugTerms = terms.sorted { $0.1.count > $1.1.count }
    }

    /// The concepts named in `slug` that `text` renders, and those it does not.
    public func agreement(text: String, slug: String) throws -> (rendered: [String], missing: [String]) {
        let words = slug.lowercased().split(separator: "-").map(String.init)
        var taken = Array(repeating: false, count: words.count)
        var named: [String] = []
        for (concept, termWords) in slugTerms where termWords.count <= words.count {
            for start in 0...(words.count - termWords.count) {
                let window = start..<(start + termWords.count)
                guard !window.contains(where: { taken[$0] }), Array(words[window]) == termWords else { continue }
                for k in window { taken[k] = true }
                if !named.contains(concept) { named.append(concept) }
            }
        }
        let occurrences = try matcher.occurrences(in: segmenter.segment(Document(text)))
        let present = Set(occurrences.map(\.concept.id))
        return (named.filter(present.contains), named.filter { !present.contains($0) })
    }
}
