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

    /// Six `**` before a missing `b` took the old backtracking matcher over a minute on this path.
    @Test func manyDoubleStarsAreLinear() {
        let path = String(repeating: "a", count: 40) + "/" + String(repeating: "a", count: 45)
        #expect(path.count == 86)
        #expect(!LintConfiguration.glob("**a**a**a**a**a**b", matches: path))
        #expect(LintConfiguration.glob("**a**a**a**a**a**b", matches: path + "b"))
        #expect(!LintConfiguration.glob(String(repeating: "*a", count: 40) + "b", matches: String(repeating: "a", count: 85)))
    }

    /// The matcher agrees with the old recursive one (kept here as the reference) on every pattern
    /// and path of up to four characters from `a`, `b`, `/` and `*`.
    @Test func agreesWithTheRecursiveMatcher() {
        func reference(_ p: Substring, _ s: Substring) -> Bool {
            if p.isEmpty { return s.isEmpty }
            if p.hasPrefix("**") {
                let rest = p.dropFirst(2).drop { $0 == "/" }
                var tail = s[...]
                while true {
                    if reference(rest, tail) { return true }
                    guard !tail.isEmpty else { return false }
                    tail = tail.dropFirst()
                }
            }
            if p.first == "*" {
                var tail = s[...]
                while true {
                    if reference(p.dropFirst(), tail) { return true }
                    guard let first = tail.first, first != "/" else { return false }
                    tail = tail.dropFirst()
                }
            }
            guard let first = s.first, first == p.first else { return false }
            return reference(p.dropFirst(), s.dropFirst())
        }
        func all(_ length: Int) -> [String] {
            length == 0 ? [""] : all(length - 1).flatMap { prefix in ["a", "b", "/", "*"].map { prefix + $0 } }
        }
        let strings = (0...4).flatMap(all)
        var disagreements = 0
        for pattern in strings {
            for path in strings {
                let expected =
                    reference(pattern[...], path[...]) || reference(pattern[...], Substring(path.split(separator: "/").last ?? ""))
                if LintConfiguration.glob(pattern, matches: path) != expected { disagreements += 1 }
            }
        }
        #expect(strings.count == 341)
        #expect(disagreements == 0)
    }
}
