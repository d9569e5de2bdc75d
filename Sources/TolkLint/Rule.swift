import TolkText

/// A lint rule as data: its id, what it finds, why, how severe by default, and examples that must
/// (and must not) trigger it. The examples are run as tests.
public struct Rule: Sendable, Hashable {
    public let id: String
    public let summary: String
    public let rationale: String
    /// nil: off unless a configuration turns it on.
    public let defaultSeverity: Finding.Severity?
    /// Whether the rule needs the source article.
    public let needsSource: Bool
    /// Whether the rule needs a glossary.
    public let needsGlossary: Bool
    /// Norwegian text in which the rule fires, with `⟦` and `⟧` around each place it reports (as
    /// `tolk explain` shows them), and text in which it must not fire. The tests lint each example
    /// and compare the findings' ranges with the marked ones.
    public let triggering: [String]
    public let nonTriggering: [String]

    /// An example without its marks, and the UTF-8 byte ranges the marks enclose.
    public static func unmarked(_ example: String) -> (text: String, ranges: [Range<Int>]) {
        var text = ""
        var ranges: [Range<Int>] = []
        var start: Int? = nil
        for character in example {
            switch character {
            case "⟦": start = text.utf8.count
            case "⟧": if let from = start { ranges.append(from..<text.utf8.count) }
            default: text.append(character)
            }
        }
        return (text, ranges)
    }
}

extension Rule {
    /// Every rule tolk knows, in the order `tolk rules` lists them (each defined with its check in
    /// `Rules/`).
    public static let all: [Rule] = LintRules.all.map { $0.rule }

    /// The rule with `id`, if any.
    public static func named(_ id: String) -> Rule? { all.first { $0.id == id } }
}
