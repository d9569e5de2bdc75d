import TolkGlossary
import TolkText

/// A glossary rule: `GlossaryChecker` finds all of them in one pass over the page (its term matches
/// serve every rule); each rule takes its own findings, at its severity.
protocol GlossaryRule: LintRule {}

extension GlossaryRule {
    static func check(_ context: LintContext) throws {
        for finding in context.glossaryFindings { context.report(finding) }
    }
}

/// `glossary-forbidden`: found by `GlossaryChecker.check`: forbidden occurrences.
enum GlossaryForbidden: GlossaryRule {
    static let rule = Rule(
        id: "glossary-forbidden", summary: "A rendering the glossary forbids.",
        rationale: "See Glossaries/vi-nb.tbx: every forbidden rendering has a note.",
        defaultSeverity: .error, needsSource: false, needsGlossary: true, triggering: [], nonTriggering: [])
}

/// `glossary-mangled-name`: found by `GlossaryChecker.mangledNames`.
enum GlossaryMangledName: GlossaryRule {
    static let rule = Rule(
        id: "glossary-mangled-name", summary: "A name glued to a title, cut after a title, or with one word changed.",
        rationale: "`GeneralsekretærLams`, `Generalsekretær for Lam`, `Pham Minh Kinh`.", defaultSeverity: .error, needsSource: false,
        needsGlossary: true, triggering: [], nonTriggering: [])
}

/// `glossary-missing`: found by `GlossaryChecker.check`: the source terms without an approved rendering.
enum GlossaryMissing: GlossaryRule {
    static let rule = Rule(
        id: "glossary-missing", summary: "A source term with no approved rendering in the translation.",
        rationale: "Reported at the source term.",
        defaultSeverity: .error, needsSource: true, needsGlossary: true, triggering: [], nonTriggering: [])
}

/// `glossary-inconsistent`: found by `GlossaryChecker.inconsistencies`.
enum GlossaryInconsistent: GlossaryRule {
    static let rule = Rule(
        id: "glossary-inconsistent", summary: "One concept rendered several ways in one article.", rationale: "Lists every place.",
        defaultSeverity: .warning, needsSource: false, needsGlossary: true, triggering: [], nonTriggering: [])
}

/// `glossary-case`: found by `GlossaryChecker.check`: case of titles and names.
enum GlossaryCase: GlossaryRule {
    static let rule = Rule(
        id: "glossary-case", summary: "A title capitalised mid-sentence, or a name in lower case.",
        rationale: "Norwegian press writes titles in lower case before a name: `generalsekretær To Lam`.", defaultSeverity: .warning,
        needsSource: false, needsGlossary: true, triggering: [], nonTriggering: [])
}

/// `glossary-inconsistent-corpus`: found across pages by `GlossaryChecker.corpusInconsistencies`,
/// from every page's renderings; `Linter.corpusFindings` applies its severity (a page alone has
/// nothing to compare, so its `check` reports nothing).
enum GlossaryInconsistentCorpus: LintRule {
    static let rule = Rule(
        id: "glossary-inconsistent-corpus", summary: "One concept rendered differently across articles.",
        rationale: "Lists every place.",
        defaultSeverity: .warning, needsSource: false, needsGlossary: true, triggering: [], nonTriggering: [])

    static func check(_ context: LintContext) throws {
        // Across pages: `Linter.corpusFindings`, from every page's renderings.
    }
}
