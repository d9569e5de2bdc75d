import Foundation
import Testing
import TolkTestSupport

/// `check`: the corpus, other layouts, baselines, the `--jsonl` record stream, progress, usage
/// errors and exit codes.
@Suite("Check command")
struct CheckCommandTests {
    /// A record with the forbidden `Østsjøen`, found only with a glossary.
    static let recordWithForbiddenTerm = #"{"id":"g","translation":"Tittel\n\nDe drøftet Østsjøen i dag."}"# + "\n"

    static let cases: [CommandLineCase] = [
        .init(
            "check the bundled corpus", ["check"], exit: 1,
            .stdout(#"^Corpora/vietnamplus-1080850/nb\.txt +1 +1 +Corpora/vietnamplus-1080850/vi\.txt$"#)),
        .init(
            "check rejects a broken baseline", ["check", "--baseline", "empty.txt", Fixtures.path("Corpora")], files: ["empty.txt": Data()],
            exit: 2, .stderr(#"^tolk: error: empty\.txt: not a tolk baseline \(write one with --write-baseline\)$"#)),
        .init(
            "jsonl: a NUL byte makes a bad record", ["check", "--jsonl"], input: #"{"id":"n","translation":"Hei\u0000du"}"# + "\n", exit: 1,
            .stdout(#"^\{"error":"n: NUL byte at byte offset 3; this looks like a binary file, not text","id":"n","record":1\}$"#)),
        .init(
            "jsonl takes no folder", ["check", "--jsonl", "Corpora"], exit: 2,
            .stderr("^Error: --jsonl and --corpus-renderings read no folders$")),
        .init(
            "jsonl takes no sarif", ["check", "--jsonl", "--format", "sarif"], exit: 2,
            .stderr("^Error: --jsonl writes JSON lines: --format, --baseline and --write-baseline do not apply$")),
        .init("jsonl empty input", ["check", "--jsonl"], exit: 0, .stderr(#"\A0 records \(0 bad\): 0 errors, 0 warnings, 0 notes$"#)),
        .init(
            "--sources without --translations", ["check", "--sources", "Corpora"], exit: 2,
            .stderr("^Error: --sources and --translations go together$")),
        .init(
            "--sources and a corpus", ["check", "--sources", "Corpora", "--translations", "Corpora", "Corpora"], exit: 2,
            .stderr("^Error: give a corpus folder or --sources and --translations, not both$")),
    ]

    @Test(arguments: cases)
    func runs(_ check: CommandLineCase) throws {
        try check.verify()
    }

    @Test func honoursItsBaselineInTheExitCode() throws {
        try Fixtures.withTemporaryFolder { folder in
            let baseline = folder.appendingPathComponent("check-base.json").path
            let written = try Fixtures.run(["check", "--write-baseline", baseline])
            let rerun = try Fixtures.run(["check", "--baseline", baseline])
            #expect(written.status == 0)
            #expect(rerun.status == 0)
            #expect(rerun.errors == "0 errors, 0 warnings, 0 notes in 8 files\n")
        }
    }

    @Test func aBaselineNeverOverwritesAPageOfTheCorpus() throws {
        try Fixtures.withTemporaryFolder { folder in
            let source = try repositoryText("Corpora/vietnamplus-1080302/vi.txt")
            try write(try repositoryText(seedPage), to: "cb/a/nb.txt", in: folder)
            try write(source, to: "cb/a/vi.txt", in: folder)
            let run = try Fixtures.run(["check", "--write-baseline", "cb/a/vi.txt", "cb"], in: folder)
            #expect(run.status == 2)
            #expect(run.errors == "tolk: error: cb/a/vi.txt: will not overwrite the input; write to another file\n")
            #expect(try String(contentsOf: folder.appendingPathComponent("cb/a/vi.txt"), encoding: .utf8) == source)
        }
    }

    @Test func readsSourcesAndTranslationsInAnyLayout() throws {
        var files: [String: Data] = [:]
        for folder in try corpusFolders() {
            let article = URL(fileURLWithPath: folder).lastPathComponent
            files["flat-src/\(article).txt"] = Data(try repositoryText("\(folder)/vi.txt").utf8)
            files["flat-tr/\(article).txt"] = Data(try repositoryText("\(folder)/nb.txt").utf8)
        }
        try CommandLineCase(
            "check --sources/--translations on any layout", ["check", "--sources", "flat-src", "--translations", "flat-tr"], files: files,
            exit: 1, .stdout(#"^flat-tr/vietnamplus-1080302\.txt +[0-9]+ +[0-9]+ +flat-src/vietnamplus-1080302\.txt$"#)
        ).verify()
    }

    @Test func sourcesWithoutPagesAreAnError() throws {
        try Fixtures.withTemporaryFolder { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("no-pages"), withIntermediateDirectories: false)
            try write(try repositoryText(seedPage), to: "flat-tr/vietnamplus-1080302.txt", in: folder)
            let run = try Fixtures.run(["check", "--sources", "no-pages", "--translations", "flat-tr"], in: folder)
            #expect(run.status == 2)
            #expect(run.errors == "tolk: error: no-pages: no vi.txt pages in this folder or below it\n")
        }
    }

    @Test func showsNoProgressWhenStandardErrorIsNotATerminal() throws {
        try Fixtures.withTemporaryFolder { folder in
            // 30 copies of the corpus: long enough (over 1.5 s) that a terminal would show progress.
            for copy in 1...30 {
                for article in try corpusFolders() {
                    try FileManager.default.copyItem(
                        at: Fixtures.repository.appendingPathComponent(article),
                        to: folder.appendingPathComponent("corpus/\(URL(fileURLWithPath: article).lastPathComponent)-\(copy)"))
                }
            }
            let run = try Fixtures.run(["check", "--format", "json", "corpus"], in: folder)
            #expect(run.status == 1)
            #expect(run.errors.wholeMatch(of: #/[0-9]+ errors, [0-9]+ warnings, 0 notes in 240 files\n/#) != nil, "\(run.errors)")
        }
    }

    /// The JSON object on each line of `text`.
    func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }

    /// `object` as JSON with sorted keys, for comparing objects.
    func canonical(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
    }

    @Test func jsonlAnswersRecordsInOrderWithTheirIdsAndBadRecordsWithALine() throws {
        let records = try [("a", "vietnamplus-1080302"), ("b", "vietnamplus-1080415")].map { id, article in
            let folder = "Corpora/\(article)"
            let record = [
                "id": id, "translation": try repositoryText("\(folder)/nb.txt"), "source": try repositoryText("\(folder)/vi.txt"),
                "translation_path": "\(folder)/nb.txt", "source_path": "\(folder)/vi.txt",
            ]
            return try canonical(record)
        }
        let bad = [
            "not json", "", #"{"id": 7, "source": "x"}"#, #"{"id": "esc", "translation": "abc \ud800"}"#,
            #"{"id": "blank", "translation": "  \n"}"#,
        ]
        let run = try Fixtures.run(
            ["check", "--jsonl", "--glossary", shippedGlossary], input: Data((records + bad).map { $0 + "\n" }.joined().utf8))
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("6 records (4 bad): "))

        let answers = try objects(run.output)
        let findings = answers.filter { $0["rule"] != nil }
        let ids = findings.compactMap { $0["id"] as? String }
        #expect(ids.count == findings.count)
        #expect(ids == ids.sorted())
        #expect(Set(ids) == ["a", "b"])
        // The findings are tolk check's on the same pairs.
        let check = try Fixtures.run([
            "check", "--sources", "Corpora", "--translations", "Corpora", "--glossary", shippedGlossary, "--format", "json",
        ])
        let wanted = try objects(check.output).filter {
            let path = $0["path"] as? String ?? ""
            return path.hasPrefix("Corpora/vietnamplus-1080302/") || path.hasPrefix("Corpora/vietnamplus-1080415/")
        }
        let withoutIds = try findings.map { try canonical($0.filter { $0.key != "id" }) }
        #expect(!wanted.isEmpty)
        #expect(withoutIds.sorted() == (try wanted.map(canonical).sorted()))

        let errors = answers.filter { $0["error"] != nil }
        let recordsAnswered = try errors.map { try canonical(["id": $0["id"] ?? NSNull(), "record": $0["record"] ?? NSNull()]) }
        #expect(
            recordsAnswered == [
                #"{"id":null,"record":3}"#, #"{"id":7,"record":5}"#, #"{"id":"esc","record":6}"#, #"{"id":"blank","record":7}"#,
            ])
        let messages = errors.map { $0["error"] as? String ?? "" }
        for (message, reason) in zip(messages.dropFirst(), ["missing 'translation'", "surrogate", "empty"]) {
            #expect(message.contains(reason))
        }
    }

    @Test func jsonlUsesNoDefaultGlossary() throws {
        let withoutGlossary = try Fixtures.run(["check", "--jsonl"], input: Data(Self.recordWithForbiddenTerm.utf8))
        let withGlossary = try Fixtures.run(
            ["check", "--jsonl", "--glossary", shippedGlossary], input: Data(Self.recordWithForbiddenTerm.utf8))
        #expect(withoutGlossary.status == 0)
        #expect(!withoutGlossary.output.contains("glossary"))
        #expect(withGlossary.output.contains(#""rule":"glossary-forbidden""#))
    }
}
