import Foundation
import Testing
import TolkTestSupport

/// `glossary validate|convert|check|report`: output, messages for bad glossaries, exit codes.
@Suite("Glossary commands")
struct GlossaryCommandTests {
    static let cases: [CommandLineCase] = [
        .init(
            "glossary validate", ["glossary", "validate", shippedGlossary], exit: 0,
            .stdout(#"^Glossaries/vi-nb\.tbx: 68 concepts, [0-9]+ terms, 0 errors, 0 warnings$"#)),
        .init(
            "glossary validate finds errors", ["glossary", "validate", "bad.csv"],
            files: ["bad.csv": Data("concept_id,language,term,status\na,nb,x,preferred\nb,nb,x,preferred\n".utf8)], exit: 1,
            .stdout(#"^bad\.csv:3:1: error: 'x' \(nb\) is preferred in both 'a' and 'b' \[glossary-preferred-twice\]$"#)),
        .init(
            "malformed TBX names line and column", ["glossary", "validate", "broken.tbx"],
            files: ["broken.tbx": Data("<tbx>\n  </term>\n".utf8)],
            exit: 2, .stderr("^tolk: error: broken\\.tbx:2:3: </term> closes <tbx>$")),
        .init(
            "XXE is refused", ["glossary", "validate", "xxe.tbx"],
            files: ["xxe.tbx": Data(#"<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx>&x;</tbx>"#.utf8)], exit: 2,
            .stderr(#"^tolk: error: xxe\.tbx:1:13: entity declarations are not allowed "#)),
        .init(
            "glossary check finds the seed's mangled name", ["glossary", "check", "--glossary", shippedGlossary, seedPage], exit: 1,
            .stdout(
                #"^Corpora/vietnamplus-1080302/nb\.txt:11:1: error: 'GeneralsekretærLams' runs the title into part of the name 'To Lam' \[glossary-mangled-name\]$"#
            )),
        .init(
            "glossary check json", ["glossary", "check", "--glossary", shippedGlossary, "--format", "json", seedPage], exit: 1,
            .stdout(#""rule":"glossary-forbidden""#)),
        .init(
            "glossary check on a clean pair",
            [
                "glossary", "check", "--glossary", shippedGlossary, "--source", "Corpora/vietnamplus-1080850/vi.txt",
                "Corpora/vietnamplus-1080850/nb.txt",
            ], exit: 0, .stderr("^0 errors, 0 warnings in 1 files$")),
        .init(
            "glossary check --strict fails on warnings", ["glossary", "check", "--glossary", shippedGlossary, "--strict", "-"],
            input: "Han møtte Generalsekretær To Lam.\n", exit: 1, .stdout(#"^<stdin>:1:11: warning: .* \[glossary-case\]$"#)),
        .init(
            "glossary report", ["glossary", "report", "--glossary", shippedGlossary, "Corpora"], exit: 0,
            .stdout("^    FORBIDDEN 'Laos folkerevolusjonsparti' ")),
    ]

    @Test(arguments: cases)
    func runs(_ check: CommandLineCase) throws {
        try check.verify()
    }

    @Test func convertRoundTripsTheShippedGlossary() throws {
        try Fixtures.withTemporaryFolder { folder in
            let toCSV = try Fixtures.run(["glossary", "convert", Fixtures.path(shippedGlossary), "g.csv"], in: folder)
            let toTBX = try Fixtures.run(["glossary", "convert", "g.csv", "g.tbx"], in: folder)
            #expect(toCSV.status == 0)
            #expect(toTBX.status == 0)
            let original = try Data(contentsOf: Fixtures.repository.appendingPathComponent(shippedGlossary))
            #expect(try Data(contentsOf: folder.appendingPathComponent("g.tbx")) == original)
        }
    }

    @Test func convertNeverOverwritesItsInput() throws {
        try Fixtures.withTemporaryFolder { folder in
            let original = try Data(contentsOf: Fixtures.repository.appendingPathComponent(shippedGlossary))
            try write(original, to: "vi-nb.tbx", in: folder)
            let run = try Fixtures.run(["glossary", "convert", "vi-nb.tbx", "vi-nb.tbx"], in: folder)
            #expect(run.status == 2)
            #expect(run.errors == "tolk: error: vi-nb.tbx: will not overwrite the input; write to another file\n")
            #expect(try Data(contentsOf: folder.appendingPathComponent("vi-nb.tbx")) == original)
        }
    }
}
