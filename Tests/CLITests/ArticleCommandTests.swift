import Foundation
import Testing
import TolkTestSupport

/// `extract` and `pair`: output, messages for bad input and usage errors, exit codes.
@Suite("Article commands")
struct ArticleCommandTests {
    /// A page whose image shows the general secretary meeting Laos's prime minister, captioned with football.
    static let wrongCaption = """
        Vietnam.vn - Nyheter

        Overskrift om renter

        Ingress.

        VietnamPlus 27/11/2025

        Brødtekst her.

        ttxvn-tong-bi-thu-to-lam-gap-thu-tuong-lao-1.jpg
        Fotballkamp i Hanoi.

        """

    static let cases: [CommandLineCase] = [
        .init(
            "extract the seed", ["extract", seedPage], exit: 0,
            .stdout(
                #"^Corpora/vietnamplus-1080302/nb\.txt:81:1-81:128: source-url: Kilde: https://www\.vietnamplus\.vn/.*\[article_id=1080302\]"#
            )),
        .init("extract json", ["extract", "--format", "json", seedPage], exit: 0, .stdout(#""date":"2025-12-01""#)),
        .init(
            "extract an empty file", ["extract", "empty.txt"], files: ["empty.txt": Data()], exit: 2,
            .stderr(#"^tolk: error: empty\.txt: the file is empty; expected an article page$"#)),
        .init(
            "extract a page without body", ["extract", "chrome.txt"], files: ["chrome.txt": Data("Kommentar (0)\n\nNo data\n".utf8)],
            exit: 2,
            .stderr(#"^tolk: error: chrome\.txt: no article body found "#)),
        .init(
            "extract binary input", ["extract", "bin.dat"], files: ["bin.dat": Data("abc\u{0}def".utf8)], exit: 2,
            .stderr(#"^tolk: error: bin\.dat: NUL byte at byte offset 3; this looks like a binary file, not text$"#)),
        .init(
            "extract warns about a caption under the wrong image", ["extract", "--glossary", Fixtures.path(shippedGlossary), "wrong.txt"],
            files: ["wrong.txt": Data(wrongCaption.utf8)], exit: 0,
            .stderr(#"^wrong\.txt:12:1: warning: caption does not render its image's general-secretary, to-lam"#)),
        .init(
            "pair the corpus", ["pair", "--sources", "Corpora", "--translations", "Corpora"], exit: 0,
            .stdout(
                #"^\{"evidence":\[[^\]]*\],"method":"url","score":1,"source":"Corpora/vietnamplus-1080302/vi\.txt","translation":"Corpora/vietnamplus-1080302/nb\.txt"\}$"#
            )),
        .init(
            "pair tsv", ["pair", "--sources", "Corpora", "--translations", "Corpora", "--format", "tsv"], exit: 0,
            .stdout(#"^Corpora/vietnamplus-1080921/nb\.txt\tCorpora/vietnamplus-1080921/vi\.txt\t1\.000\turl\t"#)),
        .init(
            "pair a missing folder", ["pair", "--sources", "nowhere", "--translations", "Corpora"], exit: 2,
            .stderr("^tolk: error: nowhere: no such file$")),
        .init(
            "pair --fingerprint: a blank page is an error line", ["pair", "--fingerprint"],
            input: #"{"path":"x.txt","text":" ","language":"nb"}"# + "\n", exit: 1,
            .stdout(#"^\{"error":"x\.txt: the file is empty; expected an article page","path":"x\.txt","record":1\}$"#)),
        .init(
            "pair: one mode at a time", ["pair", "--fingerprint", "--sources", "Corpora", "--translations", "Corpora"], exit: 2,
            .stderr("^Error: give --sources and --translations, or --source-fingerprints and --translation-fingerprints, or --fingerprint$")
        ),
        .init(
            "pair: one mode at a time, one folder", ["pair", "--fingerprint", "--sources", "Corpora"], exit: 2,
            .stderr("^Error: give --sources and --translations, or --source-fingerprints and --translation-fingerprints, or --fingerprint$")
        ),
        .init(
            "pair: one folder", ["pair", "--translations", "Corpora"], exit: 2, .stderr("^Error: --sources and --translations go together$")
        ),
    ]

    @Test(arguments: cases)
    func runs(_ check: CommandLineCase) throws {
        try check.verify()
    }

    @Test func extractGivesNoSlugWarningOnTheCorpus() throws {
        let pages = try corpusFolders().map { "\($0)/nb.txt" }
        let run = try Fixtures.run(["extract", "--glossary", shippedGlossary] + pages)
        #expect(run.status == 0)
        #expect(run.errors == "")
        #expect(!run.output.isEmpty)
    }

    /// `pair --fingerprint`'s lines for every corpus page in `language` (vi with the article's URL).
    func fingerprints(_ language: String) throws -> String {
        let records = try corpusFolders().map { folder in
            var record = [
                "path": "\(folder)/\(language).txt", "text": try repositoryText("\(folder)/\(language).txt"), "language": language,
            ]
            if language == "vi" {
                let meta = try JSONSerialization.jsonObject(with: Data(repositoryText("\(folder)/meta.json").utf8)) as? [String: Any]
                record["url"] = try #require(meta?["source_url"] as? String)
            }
            return String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self) + "\n"
        }
        let run = try Fixtures.run(["pair", "--fingerprint"], input: Data(records.joined().utf8))
        #expect(run.status == 0, "pair --fingerprint: \(run.errors)")
        return run.output
    }

    @Test func pairOverFingerprintsIsPairOverFolders() throws {
        try Fixtures.withTemporaryFolder { folder in
            let sources = try write(try fingerprints("vi"), to: "fp-src.jsonl", in: folder)
            let translations = try write(try fingerprints("nb"), to: "fp-tr.jsonl", in: folder)
            let overFingerprints = try Fixtures.run(["pair", "--source-fingerprints", sources, "--translation-fingerprints", translations])
            let overFolders = try Fixtures.run(["pair", "--sources", "Corpora", "--translations", "Corpora"])
            #expect(overFingerprints.status == 0)
            #expect(!overFolders.output.isEmpty)
            #expect(overFingerprints.output == overFolders.output)
        }
    }

    @Test func aBadFingerprintsFileNamesTheLine() throws {
        try Fixtures.withTemporaryFolder { folder in
            let firstLine = try #require(try fingerprints("vi").split(separator: "\n").first)
            try write("\(firstLine)\n{}\n", to: "bad.jsonl", in: folder)
            try write(try fingerprints("nb"), to: "fp-tr.jsonl", in: folder)
            let run = try Fixtures.run(
                ["pair", "--source-fingerprints", "bad.jsonl", "--translation-fingerprints", "fp-tr.jsonl"], in: folder)
            #expect(run.status == 2)
            #expect(run.errors == "tolk: error: bad.jsonl:2: not a fingerprint: missing 'path'\n")
        }
    }
}
