import TolkAlign
import TolkArticle
import TolkGlossary
import TolkText

/// A lint rule: what it is (`rule`: id, summary, rationale, default severity, examples) and how it
/// checks (`check`), in one type. `LintRules.all` lists them; `tolk rules`, `explain`,
/// `config --dump-default`, SARIF and the configuration read `rule`, the linter runs `check` for
/// each rule the configuration leaves on, and every rule's examples run as tests.
protocol LintRule: SendableMetatype {
    static var rule: Rule { get }
    /// Reports what the rule finds in `context` through `context.report`.
    static func check(_ context: LintContext) throws
}

/// Every rule, in the order `tolk rules` lists them.
enum LintRules {
    static let all: [any LintRule.Type] = [
        GluedWords.self, InvisibleCharacter.self, MixedScript.self, ForeignDateFormat.self, Untranslated.self,
        GenitiveApostrophe.self, PageChrome.self, ImageFilename.self, RepeatedParagraph.self, Spacing.self,
        NumberMismatch.self, MissingTranslation.self, ExtraParagraph.self, SourceURL.self,
        GlossaryForbidden.self, GlossaryMangledName.self, GlossaryMissing.self, GlossaryInconsistent.self,
        GlossaryInconsistentCorpus.self, GlossaryCase.self,
    ]
}

/// What the rules read of one pair, each part worked out once: the translation's page, the words
/// of its elements, the source's page, the alignment and the glossary check. The linter sets the
/// rule being run and its severity; `report` makes the finding.
final class LintContext {
    let configuration: LintConfiguration
    let translation: Document
    let page: Page
    let source: Document?
    let sourcePage: Page?
    /// The alignment of `sourcePage.units` with `page.units`, when there is a source.
    let beads: [Bead]?
    /// The source's own URL, for `source-url`.
    let sourceURL: String?
    let glossary: GlossaryChecker.Result?
    private var findings: [Finding] = []
    /// The rule being run, and its severity.
    var current: (rule: Rule, severity: Finding.Severity)?

    init(
        configuration: LintConfiguration, translation: Document, page: Page, source: Document?, sourcePage: Page?, beads: [Bead]?,
        sourceURL: String?, glossary: GlossaryChecker.Result?
    ) {
        self.configuration = configuration
        self.translation = translation
        self.page = page
        self.source = source
        self.sourcePage = sourcePage
        self.beads = beads
        self.sourceURL = sourceURL
        self.glossary = glossary
    }

    /// A finding of the current rule at `range` of `document` (the translation by default).
    func report(_ range: Range<Int>, _ message: String, suggestion: String? = nil, in document: Document? = nil) {
        guard let (rule, severity) = current else { return }
        findings.append(
            Finding(
                rule: rule.id, severity: severity, message: message, in: document ?? translation, range: range, suggestion: suggestion))
    }

    /// A finding made elsewhere (the glossary checker), at the current rule's severity.
    func report(_ finding: Finding) {
        guard let (_, severity) = current else { return }
        var adjusted = finding
        adjusted.severity = severity
        findings.append(adjusted)
    }

    /// The findings in report order, taken out of the context: sorted where they lie, not copied
    /// (a long page may have tens of thousands).
    func takeSortedFindings() -> [Finding] {
        var taken = findings
        findings = []
        taken.sort(by: Finding.ordered)
        return taken
    }

    /// The glossary checker's findings of the current rule.
    var glossaryFindings: [Finding] {
        guard let id = current?.rule.id else { return [] }
        return glossary?.findings.filter { $0.rule == id } ?? []
    }

    /// The elements whose text is written prose: headline, lede, byline, paragraphs, captions, credits
    /// (picked as they are read: a long page's elements are not copied).
    var written: LazyFilterSequence<[ArticleElement]> {
        page.elements.lazy.filter { [.headline, .lede, .byline, .paragraph, .caption, .credit].contains($0.kind) }
    }

    // MARK: Worked out once, for every rule that reads it

    /// The words of the elements split so far, for the first `wordCacheLimit` bytes of their text:
    /// a page's words are split once, a very long page's later ones again for each rule rather than
    /// all held at once.
    private var wordCache: [Range<Int>: [(Range<Int>, String)]] = [:]
    private var wordCacheBytes = 0
    private static let wordCacheLimit = 1 << 18

    /// The words of an element.
    func words(_ element: ArticleElement) -> [(Range<Int>, String)] {
        if let known = wordCache[element.range] { return known }
        let words = TextRules.chunks(translation, element.range)
        if wordCacheBytes + element.range.count <= Self.wordCacheLimit {
            wordCache[element.range] = words
            wordCacheBytes += element.range.count
        }
        return words
    }

    /// The page's words in order (read from the elements' words, not copied).
    private var pageWords: some Sequence<String> { written.lazy.flatMap { self.words($0).lazy.map(\.1) } }
    /// Names the page uses on their own (for glued words).
    private(set) lazy var standaloneNames = TextRules.standaloneNames(in: pageWords)
    /// Names ending in -s, -x or -z that the page uses as themselves (for genitives).
    private(set) lazy var namesEndingInS = TextRules.namesEndingInS(in: pageWords)
    /// Invisible characters and mixed scripts, found in one pass over the words.
    private(set) lazy var disguisedWords: [(rule: String, range: Range<Int>, message: String)] = written.flatMap {
        TextRules.disguisedWords(self.words($0))
    }
    /// Units that repeat an earlier one: (later, earlier).
    private(set) lazy var repeatedUnits = TextRules.repeatedParagraphs(page.units)
}
