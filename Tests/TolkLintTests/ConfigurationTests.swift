import Foundation
import Testing
import TolkText
import Yams

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

/// What `parse` says about `yaml`: nil when it parses, else the message.
private func problem(_ yaml: String) -> String? {
    do {
        _ = try LintConfiguration.parse(yaml, origin: "c.yml")
        return nil
    } catch {
        #expect(error.file == "c.yml")
        return error.message
    }
}

@Suite("Configuration limits")
struct ConfigurationLimitTests {
    /// Nine levels of nine aliases: 9^9 nodes once expanded (the old reader grew by ~230 MB/s).
    @Test func aliasBombIsRejected() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip("bcdefghij", "abcdefghi") {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        #expect(problem(yaml)?.hasPrefix("line 1: anchors and aliases (& and *) are not allowed") == true)
        #expect(problem("glossary: &path g.tbx\n")?.contains("anchors and aliases") == true)
        #expect(problem("ignore: [*.md]\n")?.hasPrefix("line 1: anchors and aliases") == true)
        #expect(problem("glossary: !!str g.tbx\n")?.hasPrefix("line 1: tags (!) are not allowed") == true)
    }

    @Test(arguments: [5_000, 100_000]) func deepFlowNestingIsRejected(depth: Int) {
        #expect(problem(String(repeating: "[", count: depth)) == "line 1: nested more than 64 levels deep")
        #expect(problem("ignore: " + String(repeating: "{a: ", count: depth)) == "line 1: nested more than 64 levels deep")
    }

    @Test func deepBlockNestingIsRejected() {
        let indented = (0..<100).map { String(repeating: " ", count: $0) + "a:\n" }.joined()
        #expect(problem(indented) == "line 65: nested more than 64 levels deep")
        #expect(problem(String(repeating: "- ", count: 5_000) + "x\n") == "line 1: nested more than 64 levels deep")
    }

    /// At the limit Yams reads the text (at most 129 nodes deep), and the schema rejects it.
    @Test func nestingAtTheLimitIsRead() throws {
        let flow = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(problem(flow) == "line 1: the file must be a mapping (key: value), not a list")
        #expect(problem("[" + flow + "]") == "line 1: nested more than 64 levels deep")
        let pairs = String(repeating: "[a: ", count: 64) + String(repeating: "]", count: 64)
        #expect(try YAMLLimits.check(pairs, origin: "c.yml") == 64)
        #expect(problem(pairs)?.contains("must be a mapping") == true)
        let indented = (0..<64).map { String(repeating: " ", count: $0) + "a:\n" }.joined()
        #expect(problem(indented) == "line 1: unknown key 'a' (known: glossary, ignore, languages, rules, version)")
    }

    @Test func sizeIsLimitedTo1MiB() {
        let comment = "# " + String(repeating: "x", count: (1 << 20) - 3) + "\n"
        #expect(comment.utf8.count == 1 << 20)
        #expect(problem(comment) == nil)
        #expect(problem(comment + "\n") == "1048577 bytes; a configuration may have at most 1 MiB (1048576 bytes)")
        let twoMiB = "ignore: ['" + String(repeating: "a", count: 2 << 20) + "']\n"
        #expect(problem(twoMiB) == "2097165 bytes; a configuration may have at most 1 MiB (1048576 bytes)")
    }

    @Test func duplicateKeysAreRejected() {
        #expect(problem("version: 1\nversion: 1\n") == "line 2: duplicate key 'version' in the file (first on line 1)")
        #expect(problem("rules:\n  spacing: off\n  spacing: error\n") == "line 3: duplicate key 'spacing' in 'rules' (first on line 2)")
        #expect(problem("languages: {source: vi, source: nb}\n") == "line 1: duplicate key 'source' in 'languages' (first on line 1)")
        #expect(problem("ignore: []\nrules: {}\nignore: ['a']\n") == "line 3: duplicate key 'ignore' in the file (first on line 1)")
    }

    static let wronglyTyped: [(yaml: String, message: String)] = [
        ("languages: {source: 5}", "line 1: 'languages.source' must be a language code, not the number 5 (quote it if it is text)"),
        ("languages: {source: \"\"}", "line 1: 'languages.source' must be a language code, not empty text"),
        (
            "languages: {target: nb NO}",
            "line 1: 'languages.target': 'nb NO' is not a language code (like vi or nb-NO: letters, digits, - and _)"
        ),
        (
            "languages: {target: -nb}",
            "line 1: 'languages.target': '-nb' is not a language code (like vi or nb-NO: letters, digits, - and _)"
        ),
        ("languages: {target: no}", "line 1: 'languages.target' must be a language code, not the boolean no (quote it if it is text)"),
        ("languages: {target: [nb]}", "line 1: 'languages.target' must be a language code, not a list"),
        ("languages: [vi, nb]", "line 1: 'languages' must be a mapping (key: value), not a list"),
        ("languages: {source: vi, lang: nb}", "line 1: unknown key 'languages.lang' (known: source, target)"),
        ("glossary: 5", "line 1: 'glossary' must be a path, not the number 5 (quote it if it is text)"),
        ("glossary:", "line 1: 'glossary' must be a path, not empty"),
        ("glossary: 2025-01-01", "line 1: 'glossary' must be a path, not the date 2025-01-01 (quote it if it is text)"),
        ("ignore: [1, 2]", "line 1: each 'ignore' entry must be a path pattern, not the number 1 (quote it if it is text)"),
        ("ignore: ['']", "line 1: each 'ignore' entry must be a path pattern, not empty text"),
        ("ignore: drafts", "line 1: 'ignore' must be a list of path patterns, not the text 'drafts'"),
        ("version: \"1\"", "line 1: 'version' must be the number 1, not the text '1'"),
        ("version: 1.0", "line 1: 'version' must be the number 1, not the number 1.0 (quote it if it is text)"),
        ("rules: [spacing]", "line 1: 'rules' must be a mapping (key: value), not a list"),
        ("rules: {spacing: on}", "line 1: rule 'spacing' must be error, warning, note or off, not the boolean on (quote it if it is text)"),
        ("rules: {spacing: [off]}", "line 1: rule 'spacing' must be error, warning, note or off, not a list"),
        ("rules: {[spacing]: off}", "line 1: a key in 'rules' is a list, not text"),
        ("- version: 1", "line 1: the file must be a mapping (key: value), not a list"),
    ]

    @Test(arguments: wronglyTyped) func wrongTypesAreRejected(_ yaml: String, _ message: String) {
        #expect(problem(yaml + "\n") == message)
    }

    @Test func valuesOfTheRightTypeAreRead() throws {
        let configuration = try LintConfiguration.parse(
            """
            ---
            # every key
            version: 1
            glossary: "Glossaries/vi-nb.tbx"
            ignore:
            - 'drafts/**'
            - "*.md"
            languages:
              source: zh_Hant
              target: 'no'
            rules: {spacing: "off", glued-words: false, page-chrome: note}
            """,
            origin: "c.yml")
        #expect(configuration.glossary == "Glossaries/vi-nb.tbx")
        #expect(configuration.ignore == ["drafts/**", "*.md"])
        #expect(configuration.sourceLanguage == "zh_Hant")
        #expect(configuration.targetLanguage == "no")
        #expect(configuration.rules == ["spacing": "off", "glued-words": "off", "page-chrome": "note"])
        var defaults = LintConfiguration()
        defaults.origin = "c.yml"
        #expect(try LintConfiguration.parse("# nothing set\n", origin: "c.yml") == defaults)
        #expect(try LintConfiguration.parse("---\n", origin: "c.yml") == defaults)
    }

    /// On random YAML (nested block and flow collections, compact and indentless lists, quoted,
    /// plain and multi-line scalars, comments), half of it then garbled by random edits, the scan's
    /// nesting bounds the tree Yams builds: at most two nodes per level, and the scalar at the end.
    @Test func theScanBoundsTheTreeYamsBuilds() {
        var random = SplitMix64(seed: 2025)
        var composed = 0
        var deepest = 0
        for _ in 0..<4_000 {
            var generator = RandomYAML(random: random)
            var text = Array(generator.document())
            random = generator.random
            for _ in 0..<(Bool.random(using: &random) ? Int.random(in: 1...3, using: &random) : 0) where !text.isEmpty {
                let start = Int.random(in: 0..<text.count, using: &random)
                let end = min(text.count, start + Int.random(in: 0...3, using: &random))
                text.replaceSubrange(start..<end, with: Array(RandomYAML.pieces.randomElement(using: &random)!))
            }
            let yaml = String(text)
            guard let bound = try? YAMLLimits.check(yaml, origin: "r.yml"), let node = try? Yams.compose(yaml: yaml) else { continue }
            composed += 1
            deepest = max(deepest, RandomYAML.depth(node))
            #expect(RandomYAML.depth(node) <= 2 * bound + 1, "\(yaml.debugDescription)")
        }
        #expect(composed > 2_000)
        #expect(deepest >= 10)
    }
}

/// Random YAML for `theScanBoundsTheTreeYamsBuilds`.
struct RandomYAML {
    static let pieces = [
        "[", "]", "{", "}", ", ", ": ", ":", "- ", "-", "? ", "a", "'", "\"", "\\", "#c", " #c", "\n", "\n  ", "\r\n", "\t", " ",
        "\u{2028}", "\u{FEFF}", "---", "...",
    ]
    var random: SplitMix64

    static func depth(_ node: Node) -> Int {
        switch node {
        case .scalar: 1
        case .sequence(let items): 1 + (items.map(depth).max() ?? 0)
        case .mapping(let pairs): 1 + (pairs.map { max(depth($0.key), depth($0.value)) }.max() ?? 0)
        }
    }

    mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func document() -> String {
        (0..<number(1...3)).map { "k\($0):" + value(below: 0, depth: number(2...12)) }.joined(separator: "\n")
    }

    /// What follows `key:` when the key is at column `column`.
    mutating func value(below column: Int, depth: Int) -> String {
        switch depth == 0 ? 0 : number(0...4) {
        case 0:
            return [" a", " 'b c'", " \"d\\\"e\"", " f g #h", " 5", "", " i\n" + String(repeating: " ", count: column + 1) + "j"][
                number(0...6)]
        case 1:
            let inner = column + number(1...3)
            return (0..<number(1...2)).map { "\n" + pad(inner) + "k\($0):" + value(below: inner, depth: depth - 1) }.joined()
        case 2:
            let inner = column + number(0...2)
            return (0..<number(1...2)).map { _ in
                "\n" + pad(inner)
                    + (number(0...2) == 0
                        ? "- k:" + value(below: inner + 2, depth: depth - 1) : "-" + value(below: inner, depth: depth - 1))
            }.joined()
        case 3:
            return "\n" + pad(column + 1) + "? k\n" + pad(column + 1) + ":" + value(below: column + 1, depth: depth - 1)
        default:
            return " " + flow(depth: depth)
        }
    }

    mutating func flow(depth: Int) -> String {
        switch depth == 0 ? 0 : number(0...3) {
        case 0: return ["a", "'b'", "\"c\"", "", "d e"][number(0...4)]
        case 1:
            return "[" + (0..<number(0...2)).map { _ in flow(depth: depth - 1) }.joined(separator: number(0...1) == 0 ? ", " : ",\n ") + "]"
        case 2: return "{k: " + flow(depth: depth - 1) + "}"
        default: return "[k: " + flow(depth: depth - 1) + "]"
        }
    }

    func pad(_ count: Int) -> String { String(repeating: " ", count: count) }
}
