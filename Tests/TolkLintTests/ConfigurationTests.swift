import Foundation
import Testing

@testable import TolkLint

@Suite("Configuration")
struct ConfigurationTests {
    @Test func parsesAndReportsUnknownKeys() throws {
        let configuration = try LintConfiguration.parse(
            "version: 1\nglossary: g.tbx\nignore: ['drafts/**']\nlanguages: {source: vi, target: nb}\nrules:\n  spacing: off\n  glued-words: warning\n",
            origin: "c.yml")
        #expect(configuration.glossary == "g.tbx")
        #expect(configuration.severity(of: Rule.named("spacing")!) == nil)
        #expect(configuration.severity(of: Rule.named("glued-words")!) == .warning)
        #expect(configuration.ignores("drafts/2025/a.txt"))
        #expect(!configuration.ignores("Corpora/a/nb.txt"))
        #expect(throws: ConfigurationError.self) { try LintConfiguration.parse("colour: blue\n", origin: "c.yml") }
        #expect(throws: ConfigurationError.self) { try LintConfiguration.parse("rules:\n  no-such-rule: error\n", origin: "c.yml") }
        #expect(throws: ConfigurationError.self) { try LintConfiguration.parse("rules:\n  spacing: loud\n", origin: "c.yml") }
        #expect(throws: ConfigurationError.self) { try LintConfiguration.parse("version: 2\n", origin: "c.yml") }
    }

    @Test func theDefaultDumpParsesToTheDefaults() throws {
        let parsed = try LintConfiguration.parse(LintConfiguration.defaultYAML, origin: "default")
        for rule in Rule.all { #expect(parsed.severity(of: rule) == rule.defaultSeverity) }
    }
}

@Suite("Ignore patterns")
struct GlobTests {
    static let cases: [(pattern: String, path: String, matches: Bool)] = [
        // `*` stays within one path segment.
        ("drafts/*", "drafts/a.txt", true),
        ("drafts/*", "drafts/2025/a.txt", false),
        ("*.md", "README.md", true),
        ("a*", "a", true),
        ("a*b", "a/b", false),
        // `**` crosses segments; `**/` also matches no folder at all.
        ("drafts/**", "drafts/2025/a.txt", true),
        ("drafts/**", "drafts/", true),
        ("drafts/**", "drafts", false),
        ("**/a.txt", "a.txt", true),
        ("**/a.txt", "x/y/a.txt", true),
        ("a/**/b", "a/b", true),
        ("a/**/b", "a/x/y/b", true),
        ("a/**/b", "b/x/y/b", false),
        ("**/drafts/**", "site/drafts/2025/a.txt", true),
        ("***", "a/b", true),
        // The pattern is also tried against the last path component.
        ("nb.txt", "Corpora/a/nb.txt", true),
        ("*.txt", "Corpora/a/nb.txt", true),
        ("a/nb.txt", "Corpora/a/nb.txt", false),
        ("Corpora/*/nb.txt", "Corpora/a/nb.txt", true),
        ("Corpora/*/nb.txt", "Corpora/a/b/nb.txt", false),
        // Literal characters, the empty pattern.
        ("a.txt", "b.txt", false),
        ("a.txt", "a.txt.bak", false),
        ("", "", true),
        ("", "a", false),
    ]

    @Test(arguments: cases) func matchesLikeBefore(_ pattern: String, _ path: String, _ matches: Bool) {
        #expect(LintConfiguration.glob(pattern, matches: path) == matches)
    }
}
