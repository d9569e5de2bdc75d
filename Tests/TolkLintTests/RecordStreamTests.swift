import Foundation
import Synchronization
import Testing
import TolkGlossary
import TolkLint
import TolkReport
import TolkTestSupport
import TolkText

/// `tolk check --jsonl`: records in, each record's findings out in input order, bad records answered.
@Suite("The record stream")
struct RecordStreamTests {
    let pairs = ["vietnamplus-1080302", "vietnamplus-1080415", "vietnamplus-1080533", "vietnamplus-1080610"]

    func page(_ pair: String, _ language: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent("Corpora/\(pair)/\(language).txt"), encoding: .utf8)
    }

    func glossary() throws -> Glossary {
        try Fixtures.glossary()
    }

    /// Runs `lines` through a stream; the written lines, decoded.
    func run(_ lines: [String], window: Int, renderings: Bool = false) throws -> ([[String: Any]], RecordStream.Counts) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString).jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let glossary = try glossary()
        let written = Mutex<[String]>([])
        let counts = try RecordStream(window: window, renderings: renderings).run(
            TextReader(path: file.path), makeLinter: { try Linter(configuration: LintConfiguration(), glossary: glossary) },
            write: { text in written.withLock { $0.append(text) } })
        let objects = written.withLock { $0 }.joined().split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        return (objects, counts)
    }

    func record(_ id: String, _ pair: String) throws -> String {
        let object: [String: String] = [
            "id": id, "translation": try page(pair, "nb"), "source": try page(pair, "vi"), "translation_path": "\(pair)/nb.txt",
            "source_path": "\(pair)/vi.txt",
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test(arguments: [1, 4])
    func answersInInputOrderWithTheLintersFindings(window: Int) throws {
        // Long and short records mixed, so later ones may finish first.
        let ids = (0..<12).map { "r\($0)" }
        let lines = try ids.enumerated().map { try record($1, pairs[$0 % pairs.count]) }
        let (objects, counts) = try run(lines, window: window)
        let answered = objects.map { $0["id"] as! String }
        #expect(answered == answered.sorted { Int($0.dropFirst())! < Int($1.dropFirst())! })
        #expect(Set(answered) == Set(ids))
        // Each record's findings are the linter's for that pair, with the translation path given.
        let linter = try Linter(configuration: LintConfiguration(), glossary: try glossary())
        for (index, id) in ids.enumerated() {
            let pair = pairs[index % pairs.count]
            let direct = try linter.lint(
                translation: Document(try page(pair, "nb"), name: "\(pair)/nb.txt"),
                source: Document(try page(pair, "vi"), name: "\(pair)/vi.txt")
            ).findings.sorted(by: Finding.ordered)
            let streamed = objects.filter { $0["id"] as? String == id }
            #expect(
                streamed.map { "\($0["rule"]!):\($0["line"]!):\($0["column"]!)" } == direct.map { "\($0.rule):\($0.line):\($0.column)" })
            #expect(streamed.allSatisfy { $0["path"] as? String == "\(pair)/nb.txt" || $0["path"] as? String == "\(pair)/vi.txt" })
        }
        #expect(counts.records == 12 && counts.badRecords == 0)
        #expect(counts.errors + counts.warnings + counts.notes == objects.count)
    }

    @Test func badRecordsGetOneLineEachAndTheStreamGoesOn() throws {
        let lines = [
            "not json", "", #"{"id": 7, "source": "x"}"#, #"{"id": "esc", "translation": "abc \ud800"}"#,
            #"{"id": [1], "translation": "x"}"#,
            #"{"id": 3.5, "translation": " "}"#, try record("good", pairs[0]),
        ]
        let (objects, counts) = try run(lines, window: 2)
        let errors = objects.filter { $0["error"] != nil }
        #expect(errors.map { $0["record"] as! Int } == [1, 3, 4, 5, 6])
        #expect(errors[0]["id"] is NSNull)
        #expect((errors[1]["error"] as! String) == "missing 'translation'")
        #expect((errors[2]["error"] as! String).contains("surrogate"))
        #expect((errors[3]["error"] as! String).contains("'id' has the wrong type"))
        #expect((errors[4]["id"] as? Double) == 3.5 && (errors[4]["error"] as! String).contains("empty"))
        #expect(objects.last?["id"] as? String == "good")
        #expect(counts.records == 6 && counts.badRecords == 5)
    }

    @Test func renderingsGiveTheCheckAcrossArticles() throws {
        // Two copies of one article, one with another admitted rendering of the party's name.
        let original = try page(pairs[0], "nb")
        let changed = original.replacingOccurrences(of: "Vietnams kommunistparti", with: "det vietnamesiske kommunistpartiet")
        #expect(changed != original)
        let lines = [("a", original), ("b", changed)].map { id, text in
            String(
                decoding: try! JSONSerialization.data(withJSONObject: ["id": id, "translation": text, "translation_path": id]),
                as: UTF8.self)
        }
        let (objects, _) = try run(lines, window: 2, renderings: true)
        let renderingLines = try objects.filter { $0["renderings"] != nil }.map {
            String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self)
        }
        #expect(renderingLines.count == 2)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("renderings-\(UUID().uuidString).jsonl")
        try renderingLines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let streamed = try RecordStream.corpusFindings(TextReader(path: file.path), configuration: LintConfiguration())
        // The same as linting both pages in one run.
        let linter = try Linter(configuration: LintConfiguration(), glossary: try glossary())
        let results = try [("a", original), ("b", changed)].map { try linter.lint(translation: Document($1, name: $0)).glossary! }
        let direct = Linter.corpusFindings(results.flatMap(GlossaryChecker.renderings(of:)), pages: 2, LintConfiguration())
        #expect(!direct.isEmpty)
        #expect(streamed == direct)
    }
}

@Suite("Reading lines")
struct LineReadingTests {
    func lines(_ bytes: [UInt8], limit: Int = 1 << 20) throws -> [String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var found: [String] = []
        try TextReader(path: file.path).forEachLine(limit: limit) { line, number in
            found.append("\(number):" + (line.map { String(decoding: $0, as: UTF8.self) } ?? "<too long>"))
        }
        return found
    }

    @Test func linesWithTheirNumbers() throws {
        #expect(try lines(Array("a\r\n\nbc\nlast".utf8)) == ["1:a", "2:", "3:bc", "4:last"])
        #expect(try lines(Array("a\n".utf8)) == ["1:a"])
        #expect(try lines([]) == [])
    }

    @Test func aLineOverTheLimitComesAsNilAndTheNextIsRead() throws {
        #expect(
            try lines(Array("short\n\(String(repeating: "x", count: 50))\nafter".utf8), limit: 10) == [
                "1:short", "2:<too long>", "3:after",
            ])
        // Across read chunks of 64 KiB.
        let long = [UInt8](repeating: 0x61, count: 200_000)
        #expect(try lines(long + [0x0A] + Array("ok".utf8), limit: 100_000) == ["1:<too long>", "2:ok"])
        #expect(try lines(long + [0x0A] + Array("ok".utf8), limit: 300_000).map(\.count) == [200_002, 4])
    }
}
