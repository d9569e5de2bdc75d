import TolkAlign
import TolkArticle
import TolkGlossary
import TolkText

/// Everything tolk learns about one translation (and its source, when there is one), built once
/// by `Linter.lint`: the documents, their articles and units, the alignment, the glossary's term
/// occurrences on both sides and the findings. Reports and summaries read it; none reads a page again.
public struct PairAnalysis: Sendable {
    public let translation: Document
    public let source: Document?
    /// The article read from each page; nil for a page read as plain paragraphs (no article page).
    public let translationArticle: Article?
    public let sourceArticle: Article?
    /// Headline, lede, paragraphs and captions of each side (plain paragraphs when no article).
    public let translationUnits: [ArticleElement]
    public let sourceUnits: [ArticleElement]
    /// The units aligned, source with translation; one-sided beads when there is no source.
    public let beads: [Bead]
    /// The glossary check (findings, term occurrences on both sides), when a glossary was given.
    public let glossary: GlossaryChecker.Result?
    /// Every finding, ordered by `Finding.ordered`.
    public let findings: [Finding]
}
