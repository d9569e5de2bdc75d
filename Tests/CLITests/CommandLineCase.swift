import Foundation
import Testing
import TolkTestSupport

/// The seed page, relative to the repository.
let seedPage = "Corpora/vietnamplus-1080302/nb.txt"

/// The shipped glossary, relative to the repository.
let shippedGlossary = "Glossaries/vi-nb.tbx"

/// A pattern that matches only an empty stream.
let nothing = #"\A\z"#

/// One run of tolk: the exit status it must end with and a pattern that must match in one of its
/// output streams. Patterns are regular expressions over Unicode scalars (NFC and NFD differ, as
/// for grep) in which `^` and `$` match at the ends of lines.
struct CommandLineCase: Sendable, CustomTestStringConvertible {
    /// A pattern and the stream it must match in.
    enum Expected: Sendable {
        case stdout(String)
        case stderr(String)
    }

    let name: String
    let arguments: [String]
    /// Standard input; empty when nil.
    let input: String?
    /// Files written into a fresh temporary folder where tolk then runs, so `arguments` name them
    /// relative to it; when nil, tolk runs in the repository.
    let files: [String: Data]?
    let status: Int32
    let expected: Expected

    var testDescription: String { name }

    init(
        _ name: String, _ arguments: [String], input: String? = nil, files: [String: Data]? = nil, exit status: Int32, _ expected: Expected
    ) {
        self.name = name
        self.arguments = arguments
        self.input = input
        self.files = files
        self.status = status
        self.expected = expected
    }

    /// Runs tolk and expects the exit status and a match of the pattern.
    func verify() throws {
        let standardInput = input.map { Data($0.utf8) }
        let run =
            if let files {
                try Fixtures.withTemporaryFolder { folder in
                    for (name, contents) in files { try write(contents, to: name, in: folder) }
                    return try Fixtures.run(arguments, input: standardInput, in: folder)
                }
            } else {
                try Fixtures.run(arguments, input: standardInput)
            }
        let (stream, text, pattern) =
            switch expected {
            case .stdout(let pattern): ("output", run.output, pattern)
            case .stderr(let pattern): ("error", run.errors, pattern)
            }
        let regex = try Regex(pattern).anchorsMatchLineEndings().matchingSemantics(.unicodeScalar)
        #expect(run.status == status, "\(name): exit \(run.status); standard error:\n\(run.errors)")
        #expect(text.contains(regex), "\(name): /\(pattern)/ matches nothing in standard \(stream):\n\(text)")
    }
}

/// Writes `contents` to `name` in `folder`, making the folders between; returns the file's path.
@discardableResult
func write(_ contents: Data, to name: String, in folder: URL) throws -> String {
    let file = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try contents.write(to: file)
    return file.path
}

/// Writes `text` to `name` in `folder`, making the folders between; returns the file's path.
@discardableResult
func write(_ text: String, to name: String, in folder: URL) throws -> String {
    try write(Data(text.utf8), to: name, in: folder)
}

/// The bundled corpus's pair folders (`Corpora/<article>`), relative to the repository and sorted.
func corpusFolders() throws -> [String] {
    let corpus = Fixtures.repository.appendingPathComponent("Corpora")
    return try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        .filter { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("\($0)/nb.txt").path) }
        .map { "Corpora/\($0)" }
}

/// The text of the repository file at `relative`.
func repositoryText(_ relative: String) throws -> String {
    try String(contentsOf: Fixtures.repository.appendingPathComponent(relative), encoding: .utf8)
}
