import Foundation
import Testing
import TolkTestSupport

/// The command line's output, compared with files in `Expected/` (exit status on the first line).
/// `TOLK_UPDATE_EXPECTED=1 swift test --filter ExpectedOutput` writes them anew after a change
/// meant to alter the output; the diff is then reviewed like code.
@Suite("Command line output")
struct ExpectedOutputTests {
    static let cases: [(name: String, arguments: [String])] = [
        ("check-corpus-json", ["check", "Corpora", "--format", "json"]),
        ("check-corpus-sarif", ["check", "Corpora", "--format", "sarif"]),
        ("check-corpus-text", ["check", "Corpora"]),
        ("glossary-check-corpus", ["glossary", "check", "--glossary", "Glossaries/vi-nb.tbx", "--format", "json", "Corpora"]),
        ("pair-corpus", ["pair", "--sources", "Corpora", "--translations", "Corpora"]),
        ("extract-seed", ["extract", "--format", "json", "Corpora/vietnamplus-1080302/nb.txt"]),
        (
            "align-seed-tmx",
            [
                "align", "--input", "article", "--src-lang", "vi", "--tgt-lang", "nb", "--format", "tmx",
                "Corpora/vietnamplus-1080302/vi.txt", "Corpora/vietnamplus-1080302/nb.txt",
            ]
        ),
        ("tokenize-vi-conllu", ["tokenize", "--lang", "vi", "--format", "conllu", "Corpora/vietnamplus-1080415/vi.txt"]),
        ("rules", ["rules"]),
        ("explain-spacing", ["explain", "spacing"]),
        ("config-default", ["config", "--dump-default"]),
    ]

    static let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Expected")

    @Test(arguments: cases.map(\.name))
    func outputIsAsExpected(name: String) throws {
        let arguments = Self.cases.first { $0.name == name }!.arguments
        let run = try Fixtures.run(arguments)
        let actual = "exit \(run.status)\n" + run.output
        let file = Self.expected.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["TOLK_UPDATE_EXPECTED"] == "1" {
            try actual.write(to: file, atomically: true, encoding: .utf8)
        }
        let wanted = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == wanted, "tolk \(arguments.joined(separator: " ")): differs from Expected/\(name).txt")
    }
}
