import Foundation
import Testing
import TolkTestSupport

/// `lint`, `rules`, `explain` and `config`: findings in every format, configuration, baselines,
/// suppressions, long pages, exit codes.
@Suite("Lint commands")
struct LintCommandTests {
    static let repeatedParagraph =
        "Overskrift\n\nDe to landene ble enige om å styrke samarbeidet innen forsvar og sikkerhet.\n\n"
        + "De to landene ble enige om å styrke samarbeidet innen forsvar og sikkerhet.\n"

    /// A Markdown page whose glued words follow a suppression of `rule`.
    static func markdown(suppressing rule: String) -> Data {
        Data(
            "# Tittel\n\nIngress her.\n\n<!-- tolk-disable-next-line \(rule) -->\nSkrevet av VietnamPlusVietnamPlus i dag og lenge.\n".utf8)
    }

    static let cases: [CommandLineCase] = [
        .init(
            "lint the seed", ["lint", seedPage], exit: 1,
            .stdout(
                #"^Corpora/vietnamplus-1080302/nb\.txt:7:1: error: 'VietnamPlusVietnamPlus01/12/2025' runs words together \[glued-words\]$"#
            )),
        .init(
            "lint on a clean scraped page: the site line and image names", ["lint", "Corpora/vietnamplus-1080850/nb.txt"], exit: 1,
            .stderr("^1 errors, 1 warnings, 0 notes in 1 files$")),
        .init(
            "lint from stdin as JSON (a CMS)", ["lint", "--glossary", shippedGlossary, "--format", "json", "-"],
            input: "Overskrift\n\nDe møttes for å drøfte Østsjøen og handelen mellom landene i regionen.\n", exit: 1,
            .stdout(#""path":"<stdin>","rule":"glossary-forbidden""#)),
        .init(
            "lint --strict fails on warnings", ["lint", "--strict", "rep.txt"], files: ["rep.txt": Data(repeatedParagraph.utf8)], exit: 1,
            .stdout(#"^rep\.txt:5:1: warning: repeats the paragraph on line 3 \[repeated-paragraph\]$"#)),
        .init(
            "lint warnings alone pass", ["lint", "rep.txt"], files: ["rep.txt": Data(repeatedParagraph.utf8)], exit: 0,
            .stderr("^0 errors, 1 warnings, 0 notes in 1 files$")),
        .init(
            "lint with a source finds the missing paragraph",
            ["lint", "--source", "Corpora/vietnamplus-1080533/vi.txt", "Corpora/vietnamplus-1080533/nb.txt"], exit: 1,
            .stdout(#"^Corpora/vietnamplus-1080533/vi\.txt:13:1: error: this source paragraph has no translation \[missing-translation\]$"#)
        ),
        .init("lint sarif", ["lint", "--format", "sarif", seedPage], exit: 1, .stdout(#"^ *"columnKind" : "utf16CodeUnits",$"#)),
        .init(
            "lint github annotations", ["lint", "--format", "github", seedPage], exit: 1,
            .stdout("^::error file=Corpora/vietnamplus-1080302/nb\\.txt,line=7,col=1,")),
        .init(
            "lint config with an unknown key", ["lint", "--config", "bad.yml", Fixtures.seedPath],
            files: ["bad.yml": Data("colour: blue\n".utf8)],
            exit: 2, .stderr("^tolk: error: bad\\.yml: line 1: unknown key 'colour' ")),
        .init(
            "lint inline suppression in Markdown", ["lint", "md/a.md"], files: ["md/a.md": markdown(suppressing: "glued-words")], exit: 0,
            .stderr("^0 errors, 0 warnings, 0 notes in 1 files$")),
        .init(
            "lint: an unknown rule in an inline directive is an error", ["lint", "md/b.md"],
            files: ["md/b.md": markdown(suppressing: "glued-word")], exit: 2,
            .stderr(#"^tolk: error: md/b\.md:5: unknown rule 'glued-word' in tolk-disable-next-line \(see tolk rules\)$"#)),
        .init("explain marks what a rule reports", ["explain", "spacing"], exit: 0, .stdout(#"^  Ha⟦n  k⟧om\.$"#)),
        .init("rules", ["rules"], exit: 0, .stdout("^glued-words +error +Two words run together")),
        .init("explain", ["explain", "glued-words"], exit: 0, .stdout("^Does not fire on:$")),
        .init(
            "explain an unknown rule", ["explain", "nonsense"], exit: 2, .stderr(#"^Error: unknown rule 'nonsense' \(see tolk rules\)$"#)),
        .init("config --dump-default", ["config", "--dump-default"], exit: 0, .stdout("^  glued-words: error$")),
    ]

    @Test(arguments: cases)
    func runs(_ check: CommandLineCase) throws {
        try check.verify()
    }

    @Test func passesACleanPublishedPage() throws {
        // The page as it would be published: without the scraper's site line and image file names.
        let published = try repositoryText("Corpora/vietnamplus-1080850/nb.txt").split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("Vietnam.vn - ") && !$0.hasSuffix(".jpg") }.joined(separator: "\n")
        try Fixtures.withTemporaryFolder { folder in
            try write(published, to: "published.txt", in: folder)
            let run = try Fixtures.run(["lint", "published.txt"], in: folder)
            #expect(run.status == 0)
            #expect(run.errors == "0 errors, 0 warnings, 0 notes in 1 files\n")
        }
    }

    @Test func findsItsConfigurationWalkingUp() throws {
        try Fixtures.withTemporaryFolder { folder in
            let rules = ["glued-words", "foreign-date-format", "repeated-paragraph", "page-chrome"]
            try write("rules:\n" + rules.map { "  \($0): off\n" }.joined(), to: "site/.tolk.yml", in: folder)
            try write(try repositoryText(seedPage), to: "site/2025/nb.txt", in: folder)
            let run = try Fixtures.run(["lint", "site/2025/nb.txt"], in: folder)
            #expect(run.status == 0)
            #expect(run.errors.hasPrefix("0 errors, "))
        }
    }

    @Test func aBaselineSilencesWhatItHolds() throws {
        try Fixtures.withTemporaryFolder { folder in
            let written = try Fixtures.run(["lint", "--write-baseline", "base.json", Fixtures.seedPath], in: folder)
            let rerun = try Fixtures.run(["lint", "--baseline", "base.json", Fixtures.seedPath], in: folder)
            #expect(written.status == 0)
            #expect(rerun.status == 0)
            #expect(rerun.errors == "0 errors, 0 warnings, 0 notes in 1 files\n")
        }
    }

    @Test func aBaselineNeverOverwritesALintedPage() throws {
        try Fixtures.withTemporaryFolder { folder in
            let seed = try repositoryText(seedPage)
            try write(seed, to: "seed-copy.txt", in: folder)
            let run = try Fixtures.run(["lint", "--write-baseline", "seed-copy.txt", "seed-copy.txt"], in: folder)
            #expect(run.status == 2)
            #expect(run.errors == "tolk: error: seed-copy.txt: will not overwrite the input; write to another file\n")
            // The input is never modified.
            #expect(try String(contentsOf: folder.appendingPathComponent("seed-copy.txt"), encoding: .utf8) == seed)
        }
    }

    /// 40,000 paragraphs with glued words in four later blocks and on the last line (80,011).
    static let longPage =
        "Overskrift\n\n"
        + (0..<40_000).map { index in
            "Avsnitt nummer \(index) handler om handelen mellom landene.\n\n"
                + (index % 10_000 == 9_999 ? "Avsnitt \(index) skrevet av TTXVNTTXVN i dag.\n\n" : "")
        }.joined() + "Skrevet av VietnamPlusVietnamPlus i dag og lenge.\n"

    @Test func aLongPageKeepsItsFileLinesAcrossBlocks() throws {
        try Fixtures.withTemporaryFolder { folder in
            try write(Self.longPage, to: "long.txt", in: folder)
            let run = try Fixtures.run(["lint", "long.txt"], in: folder)
            #expect(run.status == 1)
            #expect(run.output.hasSuffix("\nlong.txt:80011:12: error: 'VietnamPlusVietnamPlus' runs words together [glued-words]\n"))
        }
    }

    @Test func aLongPageOnAllCoresFindsWhatOneCoreFinds() throws {
        try Fixtures.withTemporaryFolder { folder in
            try write(Self.longPage, to: "long.txt", in: folder)
            // Alone, the long page's blocks are linted on all cores; beside another page, each page gets one core.
            let parallel = try Fixtures.run(["lint", "--format", "json", "long.txt"], in: folder)
            let serial = try Fixtures.run(["lint", "--format", "json", "long.txt", Fixtures.seedPath], in: folder)
            let serialLongPage = serial.output.split(separator: "\n").filter { !$0.contains("vietnamplus-1080302") }
            #expect(!serialLongPage.isEmpty)
            #expect(parallel.output.split(separator: "\n") == serialLongPage)
        }
    }
}
