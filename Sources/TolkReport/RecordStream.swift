import Dispatch
import Foundation
import Synchronization
import TolkArticle
import TolkGlossary
import TolkLint
import TolkText

/// `tolk check --jsonl`: translation/source pairs arriving as JSON Lines records, checked on all
/// cores and answered in input order, each record's lines written (and flushed) as soon as its turn
/// comes, so the stream can sit in a pipe. A bad record gets one error line and the stream goes on.
/// Memory holds a few records at a time, whatever the stream's length.
public struct RecordStream: Sendable {
    /// One pair: the translated page's text and, optionally, its source's.
    public struct Record: Decodable, Sendable {
        public let id: RecordID
        public let translation: String
        public let source: String?
        /// The source article's URL (for the source-url check).
        public let sourceURL: String?
        /// The path findings on the translation carry (default: the id).
        public let translationPath: String?
        /// The path findings on the source carry (default: the id and `#source`).
        public let sourcePath: String?

        enum CodingKeys: String, CodingKey {
            case id, translation, source
            case sourceURL = "source_url"
            case translationPath = "translation_path"
            case sourcePath = "source_path"
        }
    }

    /// A record's `id` as it was given: a string or a number.
    public enum RecordID: Codable, Sendable, Hashable, CustomStringConvertible {
        case string(String)
        case integer(Int)
        case number(Double)

        public init(from decoder: Decoder) throws {
            let value = try decoder.singleValueContainer()
            if let integer = try? value.decode(Int.self) {
                self = .integer(integer)
            } else if let number = try? value.decode(Double.self) {
                self = .number(number)
            } else {
                self = .string(try value.decode(String.self))
            }
        }

        public func encode(to encoder: Encoder) throws {
            var value = encoder.singleValueContainer()
            switch self {
            case .string(let text): try value.encode(text)
            case .integer(let integer): try value.encode(integer)
            case .number(let number): try value.encode(number)
            }
        }

        public var description: String {
            switch self {
            case .string(let text): text
            case .integer(let integer): String(integer)
            case .number(let number): String(number)
            }
        }
    }

    /// A finding line: the keys of `--format json` and the record's id.
    struct FindingLine: Encodable {
        let id: RecordID
        let finding: Finding

        func encode(to encoder: Encoder) throws {
            try finding.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
        }

        enum CodingKeys: String, CodingKey { case id }
    }

    /// The line for a record that could not be checked: its id when it could be read, its line
    /// number in the stream and why.
    struct ErrorLine: Encodable {
        let id: RecordID?
        let record: Int
        let error: String

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)  // null when the record had none
            try container.encode(record, forKey: .record)
            try container.encode(error, forKey: .error)
        }

        enum CodingKeys: String, CodingKey { case id, record, error }
    }

    /// What a stream held.
    public struct Counts: Sendable, Equatable {
        public var records = 0
        public var badRecords = 0
        public var errors = 0
        public var warnings = 0
        public var notes = 0
    }

    /// A record's glossary renderings, for the check across records (`corpusFindings`).
    struct RenderingsLine: Codable {
        let id: RecordID
        let renderings: [GlossaryChecker.Rendering]
    }

    /// How many records are checked or wait for their turn at once.
    public let window: Int
    /// Whether each record also gets a line with its glossary renderings (with a glossary).
    public let renderings: Bool

    public init(window: Int = 2 * ProcessInfo.processInfo.activeProcessorCount, renderings: Bool = false) {
        self.window = max(1, window)
        self.renderings = renderings
    }

    /// The findings across records (`glossary-inconsistent-corpus`) from the renderings lines of
    /// one or more streams, given in the order of the records' translations.
    public static func corpusFindings(_ reader: TextReader, configuration: LintConfiguration) throws -> [Finding] {
        var renderings: [GlossaryChecker.Rendering] = []
        var pages = 0
        // A rendering's place is a finding, whose keys are snake case as written.
        let decoder = JSONDecoder()
        try reader.forEachLine { bytes, number in
            guard let bytes else { throw TextInputError.malformed(source: reader.name, line: number, reason: "line too long") }
            if isBlank(bytes) { return }
            do {
                renderings += try decoder.decode(RenderingsLine.self, from: Data(bytes)).renderings
                pages += 1
            } catch {
                let reason = "not a renderings line: " + describe(error, in: Data(bytes))
                throw TextInputError.malformed(source: reader.name, line: number, reason: reason)
            }
        }
        return Linter.corpusFindings(renderings, pages: pages, configuration)
    }

    /// Reads records from `reader` and writes each one's lines through `write` (called in input
    /// order, one call per record, never concurrently). `makeLinter` makes one linter per thread.
    /// Throws only when the stream itself cannot be read, or no linter can be made.
    public func run(
        _ reader: TextReader, makeLinter: @escaping @Sendable () throws -> Linter, write: @escaping @Sendable (String) -> Void
    ) throws -> Counts {
        let state = State(first: try makeLinter())
        let slots = DispatchSemaphore(value: window)
        let group = DispatchGroup()
        // Records under way are answered even when the stream breaks off.
        defer { group.wait() }
        var next = 0
        try reader.forEachLine { bytes, lineNumber in
            // Blank lines between records are no records.
            if let bytes, isBlank(bytes) { return }
            slots.wait()
            let index = next
            next += 1
            let line = bytes
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                let output: (String, Counts)
                do {
                    let linter = try state.takeLinter(orMake: makeLinter)
                    output = answer(line, lineNumber: lineNumber, linter: linter)
                    state.giveBack(linter)
                } catch {
                    output = Self.failure(nil, lineNumber, "\(error)")
                }
                // Whoever completes the next record in order writes it and every ready one after it.
                state.finish(index, output) {
                    write($0)
                    slots.signal()
                }
            }
        }
        group.wait()
        return state.counts
    }

    /// The lines for one record, and what they count.
    func answer(_ bytes: [UInt8]?, lineNumber: Int, linter: LinterBox) -> (String, Counts) {
        var counts = Counts(records: 1)
        func failure(_ id: RecordID?, _ message: String) -> (String, Counts) { Self.failure(id, lineNumber, message) }
        guard let bytes else { return failure(nil, "the record is longer than \(TextReader.wholeDocumentLimit >> 20) MiB") }
        let data = Data(bytes)
        let record: Record
        do {
            record = try JSONDecoder().decode(Record.self, from: data)
        } catch {
            let id = (try? JSONDecoder().decode(IDOnly.self, from: data))?.id
            return failure(id, Self.describe(error, in: data))
        }
        let name = record.translationPath ?? record.id.description
        // As a file with a NUL byte is refused, so is a record with one.
        for (text, source) in [(record.translation, name), (record.source ?? "", record.sourcePath ?? name + "#source")] {
            if let error = nulError(text, source) { return failure(record.id, error.description) }
        }
        let translation = Document(record.translation, name: name)
        let source = record.source.map { Document($0, name: record.sourcePath ?? name + "#source") }
        do {
            let result = try linter.linter.lint(translation: translation, source: source, sourceURL: record.sourceURL)
            var text = ""
            let encoder = JSONLine.encoder(snakeCaseKeys: false)  // a finding's keys are snake case already
            for finding in result.findings.sorted(by: Finding.ordered) {
                text += JSONLine.text(FindingLine(id: record.id, finding: finding), encoder)
                switch finding.severity {
                case .error: counts.errors += 1
                case .warning: counts.warnings += 1
                case .note: counts.notes += 1
                }
            }
            if renderings, let glossary = result.glossary {
                text += JSONLine.text(RenderingsLine(id: record.id, renderings: GlossaryChecker.renderings(of: glossary)))
            }
            return (text, counts)
        } catch {
            return failure(record.id, "\(error)")
        }
    }

    static func failure(_ id: RecordID?, _ lineNumber: Int, _ message: String) -> (String, Counts) {
        (JSONLine.text(ErrorLine(id: id, record: lineNumber, error: message)), Counts(records: 1, badRecords: 1))
    }

    private struct IDOnly: Decodable {
        let id: RecordID?
    }

    /// A decoding error of `data` in a user's words: which key, and what was wrong.
    static func describe(_ error: Error, in data: Data) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: return "missing '\(key.stringValue)'"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type (\(context.debugDescription))"
        case .dataCorrupted?:
            // The decoder does not say where; the parser does.
            do { _ = try JSONSerialization.jsonObject(with: data) } catch {
                return "not valid JSON: " + ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")
            }
            return "not a JSON object"
        default: return "\(error)"
        }
    }

    /// A linter handed between threads; one thread uses it at a time.
    final class LinterBox: @unchecked Sendable {
        let linter: Linter
        init(_ linter: Linter) { self.linter = linter }
    }

    /// The linters not in use, the answers waiting for their turn and the counts.
    final class State: Sendable {
        private struct Guarded {
            var idle: [LinterBox]
            var waiting: [Int: (String, Counts)] = [:]
            var nextToWrite = 0
            var counts = Counts()
        }
        private let guarded: Mutex<Guarded>

        init(first: Linter) { guarded = Mutex(Guarded(idle: [LinterBox(first)])) }

        func takeLinter(orMake make: () throws -> Linter) throws -> LinterBox {
            if let idle = guarded.withLock({ $0.idle.popLast() }) { return idle }
            return LinterBox(try make())
        }

        func giveBack(_ box: LinterBox) { guarded.withLock { $0.idle.append(box) } }

        /// Stores record `index`'s answer and hands every answer now due to `write`, in order; under
        /// the lock, so no two threads write at once or out of turn.
        func finish(_ index: Int, _ answer: (String, Counts), write: (String) -> Void) {
            guarded.withLock { state in
                state.waiting[index] = answer
                while let (text, counts) = state.waiting.removeValue(forKey: state.nextToWrite) {
                    write(text)
                    state.counts.records += counts.records
                    state.counts.badRecords += counts.badRecords
                    state.counts.errors += counts.errors
                    state.counts.warnings += counts.warnings
                    state.counts.notes += counts.notes
                    state.nextToWrite += 1
                }
            }
        }

        var counts: Counts { guarded.withLock { $0.counts } }
    }
}

/// Fingerprints for a pairing spread over machines (`tolk pair --fingerprint`): pages come as JSON
/// Lines records `{"path", "text", "language", "url"}` and leave as one `ArticleFingerprint` per
/// line, or `{"path", "record", "error"}` for a page that cannot be read as an article.
public enum FingerprintStream {
    /// One page to fingerprint.
    public struct Page: Decodable, Sendable {
        public let path: String
        public let text: String
        public let language: String
        /// A source article's own URL (from its meta.json), when known.
        public let url: String?
    }

    private struct PageError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    struct ErrorLine: Encodable {
        let path: String?
        let record: Int
        let error: String
    }

    /// Reads pages from `reader` and writes their fingerprints through `write`, in order; returns
    /// how many pages could not be fingerprinted.
    public static func run(_ reader: TextReader, write: (String) -> Void) throws -> Int {
        let fingerprinter = try Fingerprinter()
        let articleReader = ArticleReader()
        let encoder = JSONLine.encoder(snakeCaseKeys: false)
        var failures = 0
        try reader.forEachLine { bytes, number in
            guard let bytes else {
                failures += 1
                write(JSONLine.text(ErrorLine(path: nil, record: number, error: "the record is too long"), encoder))
                return
            }
            if isBlank(bytes) { return }
            var path: String? = nil
            do {
                let page: Page
                do { page = try JSONDecoder().decode(Page.self, from: Data(bytes)) } catch {
                    throw PageError(message: RecordStream.describe(error, in: Data(bytes)))
                }
                path = page.path
                if let error = nulError(page.text, page.path) { throw error }
                let article = try articleReader.read(Document(page.text, name: page.path), markdown: page.path.hasSuffix(".md"))
                write(JSONLine.text(try fingerprinter.fingerprint(article, language: page.language, url: page.url), encoder))
            } catch {
                failures += 1
                write(JSONLine.text(ErrorLine(path: path, record: number, error: "\(error)"), encoder))
            }
        }
        return failures
    }

    /// The fingerprints of a file written by `run` (an error line there is an error here).
    public static func read(_ reader: TextReader) throws -> [ArticleFingerprint] {
        let decoder = JSONDecoder()
        var fingerprints: [ArticleFingerprint] = []
        try reader.forEachLine { bytes, number in
            guard let bytes else { throw TextInputError.malformed(source: reader.name, line: number, reason: "line too long") }
            if isBlank(bytes) { return }
            do {
                fingerprints.append(try decoder.decode(ArticleFingerprint.self, from: Data(bytes)))
            } catch {
                throw TextInputError.malformed(
                    source: reader.name, line: number, reason: "not a fingerprint: " + RecordStream.describe(error, in: Data(bytes)))
            }
        }
        return fingerprints
    }

}

/// A line of spaces and tabs only: no record, in every JSON Lines input tolk reads.
private func isBlank(_ bytes: [UInt8]) -> Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

/// The error for a text holding a NUL byte (binary data), as reading a file gives it.
private func nulError(_ text: String, _ source: String) -> TextInputError? {
    text.utf8.firstIndex(of: 0).map { .nulByte(source: source, byteOffset: text.utf8.distance(from: text.utf8.startIndex, to: $0)) }
}
