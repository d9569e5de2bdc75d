import ArgumentParser
import TolkLint

/// `tolk rules`: the rules with their default severities.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the lint rules.")

    func run() {
        let out = StandardOutput.shared
        for rule in Rule.all {
            let needs = [rule.needsSource ? "source" : nil, rule.needsGlossary ? "glossary" : nil].compactMap { $0 }
            let padded = rule.id.padding(toLength: 30, withPad: " ", startingAt: 0)
            let severity = (rule.defaultSeverity?.rawValue ?? "off").padding(toLength: 8, withPad: " ", startingAt: 0)
            out.write("\(padded)\(severity)\(rule.summary)\(needs.isEmpty ? "" : " (needs \(needs.joined(separator: " and ")))")\n")
        }
        out.flush()
    }
}

/// `tolk explain RULE`: a rule's rationale and examples.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a lint rule: what it finds, why, and examples.")

    @Argument(help: "A rule id (see tolk rules).")
    var rule: String

    func run() throws {
        guard let rule = Rule.named(rule) else { throw ValidationError("unknown rule '\(rule)' (see tolk rules)") }
        var text = "\(rule.id) (default: \(rule.defaultSeverity?.rawValue ?? "off"))\n\n\(rule.summary)\n\n\(rule.rationale)\n"
        if !rule.triggering.isEmpty {
            text += "\nFires on:\n" + rule.triggering.map { "  \($0.replacingOccurrences(of: "\n", with: "⏎"))\n" }.joined()
        }
        if !rule.nonTriggering.isEmpty {
            text += "\nDoes not fire on:\n" + rule.nonTriggering.map { "  \($0.replacingOccurrences(of: "\n", with: "⏎"))\n" }.joined()
        }
        StandardOutput.shared.write(text)
        StandardOutput.shared.flush()
    }
}

/// `tolk config --dump-default`.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "config", abstract: "Print the default .tolk.yml.")

    @Flag(help: "Print the full default configuration.")
    var dumpDefault = false

    func validate() throws {
        guard dumpDefault else { throw ValidationError("say --dump-default") }
    }

    func run() {
        StandardOutput.shared.write(LintConfiguration.defaultYAML)
        StandardOutput.shared.flush()
    }
}
