import Foundation
import Testing
import TolkTestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `align`: beads in every format, articles, messages for bad input and usage errors.
@Suite("Align command")
struct AlignCommandTests {
    /// Two source lines and three target lines, the last with characters TMX must escape.
    static let lines: [String: Data] = [
        "a.vi": Data("Tổng Bí thư Tô Lâm thăm Lào.\nHai bên ký 12 văn kiện.\n".utf8),
        "a.nb": Data("Generalsekretær To Lam besøkte Laos.\nDe undertegnet 12 dokumenter.\nEkstra & <setning>.\n".utf8),
    ]

    static let align = ["align", "--src-lang", "vi", "--tgt-lang", "nb"]

    static let cases: [CommandLineCase] = [
        .init("align vecalign", align + ["a.vi", "a.nb"], files: lines, exit: 0, .stdout(#"^\[1\]:\[1, 2\]$"#)),
        .init("align with scores", align + ["--scores", "a.vi", "a.nb"], files: lines, exit: 0, .stdout(#"^\[0\]:\[0\]:[0-9.]+$"#)),
        .init(
            "align tmx escapes", align + ["--format", "tmx", "a.vi", "a.nb"], files: lines, exit: 0,
            .stdout(#"<seg>De undertegnet 12 dokumenter\. Ekstra &amp; &lt;setning&gt;\.</seg>"#)),
        .init(
            "align jsonl", align + ["--format", "jsonl", "a.vi", "a.nb"], files: lines, exit: 0,
            .stdout(
                #"^\{"score":[0-9.]+,"source":\[0\],"source_text":"Tổng Bí thư Tô Lâm thăm Lào\.","target":\[0\],"target_text":"Generalsekretær To Lam besøkte Laos\."\}$"#
            )),
        .init(
            "align articles with the glossary",
            align + [
                "--input", "article", "--glossary", shippedGlossary, "Corpora/vietnamplus-1080533/vi.txt",
                "Corpora/vietnamplus-1080533/nb.txt",
            ], exit: 0, .stdout(#"^\[4\]:\[\]$"#)),
        .init(
            "align article sentences",
            align + [
                "--input", "article", "--unit", "sentence", "Corpora/vietnamplus-1080850/vi.txt", "Corpora/vietnamplus-1080850/nb.txt",
            ],
            exit: 0, .stdout(#"^\[0\]:\[0\]$"#)),
        .init(
            "align: an empty line is an error with its line", align + ["gap.vi", "a.nb"],
            files: lines.merging(["gap.vi": Data("En.\n\nTo.\n".utf8)]) { $1 }, exit: 2,
            .stderr(#"^tolk: error: gap\.vi:2: empty line \(--input lines takes one segment per line\)$"#)),
        .init(
            "align: a bad dictionary line", align + ["--dictionary", "dict.tsv", "a.vi", "a.nb"],
            files: lines.merging(["dict.tsv": Data("no tab here\n".utf8)]) { $1 }, exit: 2,
            .stderr("^tolk: error: dict\\.tsv:1: expected source<TAB>target$")),
        .init(
            "tmx language tags in BCP 47 form",
            [
                "align", "--input", "article", "--src-lang", "vi_VN", "--tgt-lang", "nb", "--format", "tmx",
                "Corpora/vietnamplus-1080302/vi.txt", seedPage,
            ],
            exit: 0, .stdout(#"^      <tuv xml:lang="vi-VN"><seg>"#)),
        .init(
            "align: a bad language tag is a usage error", ["align", "--src-lang", "vi-abcdefghij", "--tgt-lang", "nb", seedPage, seedPage],
            exit: 2, .stderr(#"^Error: --src-lang 'vi-abcdefghij' is not a language tag "#)),
    ]

    @Test(arguments: cases)
    func runs(_ check: CommandLineCase) throws {
        try check.verify()
    }

    /// Runs `align` with `options` on the two files of `lines`.
    func alignLines(_ options: [String] = []) throws -> Fixtures.Run {
        try Fixtures.withTemporaryFolder { folder in
            for (name, contents) in Self.lines { try write(contents, to: name, in: folder) }
            return try Fixtures.run(Self.align + options + ["a.vi", "a.nb"], in: folder)
        }
    }

    @Test func vecalignCoversEveryLineOnceInOrder() throws {
        let run = try alignLines()
        #expect(run.status == 0)
        // Each bead is `[source indices]:[target indices]`.
        let beads = try run.output.split(separator: "\n").map { line in
            let sides = line.split(separator: ":", omittingEmptySubsequences: false)
            try #require(sides.count == 2, "not a bead: \(line)")
            return sides
        }
        let indices = { (side: Int) in beads.flatMap { bead in bead[side].split { !$0.isNumber }.compactMap { Int($0) } } }
        #expect(indices(0) == [0, 1])
        #expect(indices(1) == [0, 1, 2])
        #expect(!beads.contains { $0 == ["[]", "[]"] })
    }

    @Test func tmxIsWellFormedWithTheRequiredHeader() throws {
        let run = try alignLines(["--format", "tmx"])
        #expect(run.status == 0)
        let reader = TMXReader()
        #expect(reader.read(Data(run.output.utf8)), "not well-formed XML:\n\(run.output)")
        for attribute in ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"] {
            #expect(reader.headerAttributes[attribute]?.isEmpty == false, "header lacks \(attribute)")
        }
        #expect(reader.units == 2)
    }
}

/// Reads a TMX document with `XMLParser`, which, unlike `XMLDocument` on Linux (it recovers from
/// errors), reports malformed XML; a root left open or a second root is checked here.
final class TMXReader: NSObject, XMLParserDelegate {
    private(set) var headerAttributes: [String: String] = [:]
    private(set) var units = 0
    private var roots = 0
    private var openElements = 0

    /// Whether `data` is well-formed XML with one root element.
    func read(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.delegate = self
        return parser.parse() && roots == 1 && openElements == 0
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if openElements == 0 { roots += 1 }
        openElements += 1
        if elementName == "header" { headerAttributes = attributes }
        if elementName == "tu" { units += 1 }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        openElements -= 1
    }
}
