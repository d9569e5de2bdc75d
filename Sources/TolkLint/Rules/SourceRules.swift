import TolkArticle
import TolkText

// The rules that compare the translation with its source, over the alignment.

/// `number-mismatch`.
enum NumberMismatch: LintRule {
    static let rule = Rule(
        id: "number-mismatch", summary: "A number or date in the translation that its aligned source paragraph does not have.",
        rationale:
            "Changed figures are the costliest translation error in news. Numbers are compared in one form: `1.500` = `1 500`, `2,3` = `2,3`, `1/12/2025` = `1. desember 2025`, `XIV` = `14.`.",
        defaultSeverity: .error, needsSource: true, needsGlossary: false, triggering: [], nonTriggering: [])

    static func check(_ context: LintContext) throws {
        guard let beads = context.beads, let sourcePage = context.sourcePage else { return }
        let units = context.page.units
        let (sourceLanguage, targetLanguage) = (context.configuration.sourceLanguage, context.configuration.targetLanguage)
        // Each source unit's numbers, read once (a unit counts for its bead and both neighbours).
        var unitNumbers: [Int: Set<String>] = [:]
        for (index, bead) in beads.enumerated() where !bead.source.isEmpty && !bead.target.isEmpty {
            // Numbers of the bead and its neighbours (an alignment can be off by one).
            let nearby = beads[max(0, index - 1)...min(beads.count - 1, index + 1)].flatMap { Array($0.source) }
            var sourceNumbers = Set<String>()
            for s in nearby {
                if unitNumbers[s] == nil { unitNumbers[s] = NumberRules.anchors(sourcePage.units[s].text, language: sourceLanguage) }
                sourceNumbers.formUnion(unitNumbers[s]!)
            }
            for t in bead.target {
                for (range, anchors) in try NumberRules.numbers(in: context.translation, units[t].range, language: targetLanguage)
                where NumberRules.differs(anchors, from: sourceNumbers) {
                    context.report(range, "'\(context.translation.text(range))' is not in the source paragraph")
                }
            }
        }
    }
}

/// `missing-translation`.
enum MissingTranslation: LintRule {
    static let rule = Rule(
        id: "missing-translation", summary: "A source paragraph with no translation.",
        rationale: "The aligner finds source paragraphs that nothing in the translation renders (reported in the source file).",
        defaultSeverity: .error, needsSource: true, needsGlossary: false, triggering: [], nonTriggering: [])

    static func check(_ context: LintContext) throws {
        guard let beads = context.beads, let source = context.source, let sourcePage = context.sourcePage else { return }
        for bead in beads where bead.target.isEmpty {
            context.report(sourcePage.units[bead.source.lowerBound].range, "this source paragraph has no translation", in: source)
        }
    }
}

/// `extra-paragraph`.
enum ExtraParagraph: LintRule {
    static let rule = Rule(
        id: "extra-paragraph", summary: "A translated paragraph with no source.",
        rationale: "Text the source does not have: added commentary, a paragraph from another article.",
        defaultSeverity: .warning, needsSource: true, needsGlossary: false, triggering: [], nonTriggering: [])

    static func check(_ context: LintContext) throws {
        guard let beads = context.beads else { return }
        // A repeated paragraph has no source of its own; repeated-paragraph reports it.
        let repeated = Set(context.repeatedUnits.map(\.0))
        for bead in beads where bead.source.isEmpty && !repeated.contains(bead.target.lowerBound) {
            context.report(context.page.units[bead.target.lowerBound].range, "this paragraph has no source paragraph")
        }
    }
}

/// `source-url`.
enum SourceURL: LintRule {
    static let rule = Rule(
        id: "source-url", summary: "The source URL line is missing or names another article.",
        rationale: "The `Kilde:` line is how readers and tolk trace a translation to its source.",
        defaultSeverity: .warning, needsSource: true, needsGlossary: false, triggering: [], nonTriggering: [])

    static func check(_ context: LintContext) throws {
        guard context.source != nil, let sourceURL = context.sourceURL else { return }
        if let written = context.page.sourceURLElement, let url = context.page.article?.sourceURL {
            if ArticleURL(url).map({ $0.host + $0.path }) != ArticleURL(sourceURL).map({ $0.host + $0.path }) {
                context.report(
                    written.range, "the source URL names another article than the source (\(sourceURL))", suggestion: "Kilde: \(sourceURL)")
            }
        } else {
            context.report(
                context.translation.firstCharacter, "the page has no source URL line", suggestion: "Kilde: \(sourceURL)")
        }
    }
}
