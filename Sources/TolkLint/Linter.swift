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
    /// as plain paragraphs, not as an article page.
    public func lint(
        translation: Document, source: Document? = nil, sourceURL: String? = nil, markdown: Bool = false, continuation: Bool = false
    ) throws -> PairAnalysis {
        // A blank page is a broken upstream step, never "0 findings".
        if !continuation, translation.isBlank { throw ArticleError.empty(source: translation.name) }
        let page = try Page(translation, reader: continuation ? nil : reader, markdown: markdown)
        var findings: [Finding] = []
        func add(_ rule: String, _ range: Range<Int>, _ message: String, suggestion: String? = nil, in document: Document = translation) {
            guard let definition = Rule.named(rule), let severity = configuration.severity(of: definition) else { return }
            findings.append(
                Finding(rule: rule, severity: severity, message: message, in: document, range: range, suggestion: suggestion))
        }

        let written = page.elements.filter { [.headline, .lede, .byline, .paragraph, .caption, .credit].contains($0.kind) }
        // The words of each element, split once for every rule that reads them.
        var wordsByRange: [Range<Int>: [(Range<Int>, String)]] = [:]
        for element in written { wordsByRange[element.range] = TextRules.chunks(translation, element.range) }
        var allWords: [String]? = nil
        let pageWords = {
            if allWords == nil { allWords = written.flatMap { (wordsByRange[$0.range] ?? []).map(\.1) } }
            return allWords!
        }
        var standaloneNames: Set<String>? = nil
        let names = {
            if standaloneNames == nil { standaloneNames = TextRules.standaloneNames(in: pageWords()) }
            return standaloneNames!
        }
        for element in written {
            let words = wordsByRange[element.range] ?? []
            for (range, message) in TextRules.gluedWords(words, names: names) { add("glued-words", range, message) }
            for (rule, range, message) in TextRules.disguisedWords(words) { add(rule, range, message) }
            for (range, suggestion) in TextRules.foreignDates(in: translation, element.range) {
                add(
                    "foreign-date-format", range, "date in d/m/yyyy form; Norwegian writes day, month name and year", suggestion: suggestion
                )
            }
        }
        var namesEndingInS: Set<String>? = nil
        let baseNames = {
            if namesEndingInS == nil {
                namesEndingInS = TextRules.namesEndingInS(in: pageWords())
            }
            return namesEndingInS!
        }
        for unit in page.units {
            let words = wordsByRange[unit.range] ?? TextRules.chunks(translation, unit.range)
            for (range, suggestion) in TextRules.genitivesWithoutApostrophe(words, names: baseNames) {
                add(
                    "genitive-apostrophe", range, "a name ending in -s, -x or -z takes an apostrophe in the genitive",
                    suggestion: suggestion)
            }
            for range in TextRules.vietnameseRuns(words) {
                add("untranslated", range, "Vietnamese text left untranslated")
            }
            for range in TextRules.englishRuns(in: translation, unit.range, words: words) {
                add("untranslated", range, "English text left untranslated")
            }
            for (range, message) in TextRules.spacing(in: translation, unit.range) { add("spacing", range, message) }
        }
        for run in page.chromeRuns {
            // The finding spans the run, so an editor marks every line of it.
            let lines = run.last!.start.line - run.first!.start.line + 1
            add(
                "page-chrome", run.first!.range.lowerBound..<run.last!.range.upperBound,
                run.first!.kind == .site
                    ? "the site's name line left at the top of the page"
                    : "page chrome left in the page (\(run.count) block\(run.count == 1 ? "" : "s") over \(lines) line\(lines == 1 ? "" : "s") from line \(run.first!.start.line))"
            )
        }
        for image in page.elements where image.kind == .image { add("image-filename", image.range, "image file name left as text") }
        let repeated = TextRules.repeatedParagraphs(page.units)
        for (later, earlier) in repeated {
            add("repeated-paragraph", page.units[later].range, "repeats the paragraph on line \(page.units[earlier].start.line)")
        }

        var sourceRanges: [Range<Int>]? = nil
        var sourceSide: Page? = nil
        var alignment: [Bead]? = nil
        var aligned: [GlossaryChecker.AlignedUnit]? = nil
        if let source {
            let sourcePage = try Page(source, reader: reader, markdown: false)
            sourceSide = sourcePage
            sourceRanges = sourcePage.units.map(\.range)
            let beads = try aligner().align(sourcePage.units.map(\.text), page.units.map(\.text))
            alignment = beads
            aligned = beads.indices.flatMap { index in
                let targets =
                    beads[index].target.isEmpty
                    ? [] : beads[max(0, index - 1)...min(beads.count - 1, index + 1)].flatMap { $0.target.map { page.units[$0].range } }
                let bead = beads[index].target.map { page.units[$0].range }
                return beads[index].source.map {
                    GlossaryChecker.AlignedUnit(source: sourcePage.units[$0].range, bead: bead, targets: targets)
                }
            }
            let repeatedUnits = Set(repeated.map(\.0))
            for (index, bead) in beads.enumerated() {
                if bead.target.isEmpty {
                    let unit = sourcePage.units[bead.source.lowerBound]
                    add("missing-translation", unit.range, "this source paragraph has no translation", in: source)
                } else if bead.source.isEmpty {
                    if !repeatedUnits.contains(bead.target.lowerBound) {
                        add("extra-paragraph", page.units[bead.target.lowerBound].range, "this paragraph has no source paragraph")
                    }
                } else {
                    // Numbers of the bead and its neighbours (an alignment can be off by one).
                    let nearby = beads[max(0, index - 1)...min(beads.count - 1, index + 1)].flatMap { Array($0.source) }
                    var sourceNumbers = Set<String>()
                    for s in nearby {
                        sourceNumbers.formUnion(try NumberRules.anchors(sourcePage.units[s].text, language: configuration.sourceLanguage))
                    }
                    for t in bead.target {
                        for (range, anchors) in try NumberRules.numbers(
                            in: translation, page.units[t].range, language: configuration.targetLanguage)
                        where NumberRules.differs(anchors, from: sourceNumbers) {
                            add("number-mismatch", range, "'\(translation.text(range))' is not in the source paragraph")
                        }
                    }
                }
            }
            if let sourceURL {
                if let written = page.sourceURLElement, let url = page.article?.sourceURL {
                    if ArticleURL(url).map({ $0.host + $0.path }) != ArticleURL(sourceURL).map({ $0.host + $0.path }) {
                        add(
                            "source-url", written.range, "the source URL names another article than the source (\(sourceURL))",
                            suggestion: "Kilde: \(sourceURL)")
                    }
                } else {
                    add(
                        "source-url", 0..<min(translation.bytes.count, 1), "the page has no source URL line",
                        suggestion: "Kilde: \(sourceURL)")
                }
            }
        }

        var glossaryResult: GlossaryChecker.Result? = nil
        if let glossaryChecker {
            let result = try glossaryChecker.check(translation: translation, source: source, sourceRanges: sourceRanges, aligned: aligned)
            glossaryResult = result
            for finding in result.findings {
                guard let rule = Rule.named(finding.rule), let severity = configuration.severity(of: rule) else { continue }
                var adjusted = finding
                adjusted.severity = severity
                findings.append(adjusted)
            }
        }
        return PairAnalysis(
            translation: translation, source: source, translationArticle: page.article, sourceArticle: sourceSide?.article,
            translationUnits: page.units, sourceUnits: sourceSide?.units ?? [],
            beads: alignment ?? Aligner.unaligned(sourceCount: 0, targetCount: page.units.count), glossary: glossaryResult,
            findings: findings.sorted(by: Finding.ordered))
    }
}

/// A page as the rules see it: the article's elements, or plain paragraphs when the text is no
/// article page (a CMS sending only the body).
struct Page {
    let article: Article?
    let elements: [ArticleElement]
    /// Headline, lede, paragraphs and captions: what the aligner aligns.
    let units: [ArticleElement]

    /// The page of `document`: the article `reader` reads, else (or without a reader) plain paragraphs.
    init(_ document: Document, reader: ArticleReader?, markdown: Bool) throws {
        if let article = try? reader?.read(document, markdown: markdown) {
            self.article = article
            elements = article.elements
        } else {
            article = nil
            let segmentation = try Segmenter(languageCode: "und").segment(document)
            elements = segmentation.paragraphs.map {
                ArticleElement(
                    kind: .paragraph, range: $0.range, start: document.position(at: $0.range.lowerBound),
                    end: document.position(at: $0.range.upperBound), text: segmentation.text($0.range))
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
