import TolkAlign
import TolkArticle
import TolkGlossary
import TolkText

/// Runs the lint rules over one translated page, with its source article and a glossary when
/// given. Not thread-safe (ICU handles): one per task.
public final class Linter {
    public let configuration: LintConfiguration
    private let glossaryChecker: GlossaryChecker?
    private let glossary: Glossary?
    /// Built when a source first comes (a page linted alone needs none).
    private var builtAligner: Aligner?
    private let reader = ArticleReader()

    public init(configuration: LintConfiguration, glossary: Glossary?) throws {
        self.configuration = configuration
        glossaryChecker = try glossary.map {
            try GlossaryChecker(glossary: $0, targetLanguage: configuration.targetLanguage, sourceLanguage: configuration.sourceLanguage)
        }
        self.glossary = glossary
    }

    private func aligner() throws -> Aligner {
        if let builtAligner { return builtAligner }
        let aligner = try Aligner(
            sourceLanguage: configuration.sourceLanguage, targetLanguage: configuration.targetLanguage, glossary: glossary)
        aligner.granularity = .paragraph
        builtAligner = aligner
        return aligner
    }

    /// Lints `translation`; `source` enables the source-aware rules, `sourceURL` (the source's own
    /// URL) the source-url check. A `continuation` (a later block of a streamed long text) is read
    /// as plain paragraphs, not as an article page. `articles` are the pages' articles when the
    /// caller has read them already (pairing does), so they are not read again.
    public func lint(
        translation: Document, source: Document? = nil, sourceURL: String? = nil, markdown: Bool = false, continuation: Bool = false,
        articles: (translation: Article?, source: Article?) = (nil, nil)
    ) throws -> PairAnalysis {
        // A blank page is a broken upstream step, never "0 findings".
        if !continuation, translation.isBlank { throw ArticleError.empty(source: translation.name) }
        let page = try articles.translation.map(Page.init) ?? Page(translation, reader: continuation ? nil : reader, markdown: markdown)
        // Each document is segmented and term-matched once, for the glossary checks and the aligner.
        let translationReading = try glossaryChecker?.read(translation: translation)
        var sourceReading = try source.flatMap { try glossaryChecker?.read(source: $0) }
        var sourcePage: Page? = nil
        var beads: [Bead]? = nil
        var aligned: [GlossaryChecker.AlignedUnit]? = nil
        if let source {
            let read = try articles.source.map(Page.init) ?? Page(source, reader: reader, markdown: source.name.hasSuffix(".md"))
            func side(_ document: Document, _ page: Page, _ reading: GlossaryChecker.Reading?) -> AlignmentSide {
                AlignmentSide(
                    document: document, units: page.units.map { AlignmentSide.Unit(range: $0.range, text: $0.sharedText) },
                    words: reading?.segmentation, terms: reading?.occurrences)
            }
            let alignment = try aligner().align(side(source, read, sourceReading), side(translation, page, translationReading))
            // Each source unit with the translation of its bead and of the beads beside it.
            aligned = alignment.indices.flatMap { index in
                let targets =
                    alignment[index].target.isEmpty
                    ? []
                    : alignment[max(0, index - 1)...min(alignment.count - 1, index + 1)].flatMap { $0.target.map { page.units[$0].range } }
                let bead = alignment[index].target.map { page.units[$0].range }
                return alignment[index].source.map {
                    GlossaryChecker.AlignedUnit(source: read.units[$0].range, bead: bead, targets: targets)
                }
            }
            (sourcePage, beads) = (read, alignment)
        }
        var glossaryResult: GlossaryChecker.Result? = nil
        if let glossaryChecker, let translationReading {
            glossaryResult = try glossaryChecker.check(
                translation: translationReading, source: sourceReading, sourceRanges: sourcePage?.units.map(\.range), aligned: aligned)
        }
        // The source's words and the aligned units serve the glossary check only: a long pair's
        // are let go before the rules run and their findings gather.
        (sourceReading, aligned) = (nil, nil)
        let context = LintContext(
            configuration: configuration, translation: translation, page: page, source: source, sourcePage: sourcePage, beads: beads,
            sourceURL: sourceURL, glossary: glossaryResult)
        // The one severity policy: a rule the configuration turns off is not run.
        for type in LintRules.all {
            guard let severity = configuration.severity(of: type.rule) else { continue }
            context.current = (type.rule, severity)
            try type.check(context)
        }
        return PairAnalysis(
            translation: translation, source: source, translationArticle: page.article, sourceArticle: sourcePage?.article,
            translationUnits: page.units, sourceUnits: sourcePage?.units ?? [],
            beads: beads ?? Aligner.unaligned(sourceCount: 0, targetCount: page.units.count), glossary: glossaryResult,
            findings: context.takeSortedFindings())
    }
}

/// A page as the rules see it: the article's elements, or plain paragraphs when the text is no
/// article page (a CMS sending only the body).
struct Page {
    let article: Article?
    let elements: [ArticleElement]
    /// Headline, lede, paragraphs and captions: what the aligner aligns.
    let units: [ArticleElement]

    /// The page of an article read before.
    init(_ article: Article) {
        self.article = article
        elements = article.elements
        units = elements.filter(\.kind.isUnit)
    }

    /// The page of `document`: the article `reader` reads, else (or without a reader) plain paragraphs.
    init(_ document: Document, reader: ArticleReader?, markdown: Bool) throws {
        if let article = try? reader?.read(document, markdown: markdown) {
            self.article = article
            elements = article.elements
        } else {
            article = nil
            elements = Segmenter.paragraphRanges(of: document).map {
                ArticleElement(
                    kind: .paragraph, range: $0, start: document.position(at: $0.lowerBound), end: document.position(at: $0.upperBound),
                    text: TextSlice(document, at: $0))
            }
        }
        units = elements.filter(\.kind.isUnit)
    }

    /// Runs of consecutive chrome elements; the site line at the top is a run of its own.
    var chromeRuns: [[ArticleElement]] {
        var runs: [[ArticleElement]] = []
        var previousWasChrome = false
        for element in elements {
            if element.kind == .site {
                runs.append([element])
                previousWasChrome = false
            } else if element.kind == .chrome {
                if previousWasChrome { runs[runs.count - 1].append(element) } else { runs.append([element]) }
                previousWasChrome = true
            } else {
                previousWasChrome = false
            }
        }
        return runs
    }

    var sourceURLElement: ArticleElement? { elements.first { $0.kind == .sourceURL } }
}

extension Linter {
    /// Concepts rendered differently across the checked pages (when there are two or more), at
    /// the configured severity; `renderings` come page by page, in the corpus's order.
    public static func corpusFindings(_ renderings: [GlossaryChecker.Rendering], pages: Int, _ configuration: LintConfiguration)
        -> [Finding]
    {
        guard pages > 1, let rule = Rule.named("glossary-inconsistent-corpus"), let severity = configuration.severity(of: rule)
        else { return [] }
        return GlossaryChecker.corpusInconsistencies(renderings).map {
            var finding = $0
            finding.severity = severity
            return finding
        }
    }
}
