import ArgumentParser
import Foundation
import TolkGlossary
import TolkText

/// `tolk glossary`: read, convert, validate and apply glossaries.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Work with TBX and CSV glossaries.",
        subcommands: [Convert.self, Validate.self, Check.self, Report.self])

    /// Reads a glossary file (.tbx or .csv).
    static func load(_ path: String) throws -> Glossary {
        try Glossary.read(try TextReader(path: path).readDocument())
    }

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convert",
            abstract: "Convert a glossary between TBX and CSV (by file extension); TBX is written as TBX v3, TBX-Basic.")

        @Argument(help: "The glossary to read (.tbx: TBX v2 or v3; .csv).")
        var input: String
        @Argument(help: "The file to write (.tbx or .csv); written atomically.")
        var output: String

        func run() throws {
            try AtomicFile.refuse(output, overwriting: [input])
            let glossary = try GlossaryCommand.load(input)
            let text: String
            switch URL(fileURLWithPath: output).pathExtension.lowercased() {
            case "tbx": text = try TBX.write(glossary)
            case "csv": text = GlossaryCSV.write(glossary)
            default: throw CommandFailure(message: "\(output): name the output .tbx or .csv")
            }
            try AtomicFile.write(text, to: output)
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check a glossary: empty entries, duplicate terms, a term preferred in two concepts. Exit 1 when errors are found.")

        @Argument(help: "The glossary (.tbx or .csv).")
        var file: String

        func run() throws {
            let glossary = try GlossaryCommand.load(file)
            let findings = glossary.validate()
            let out = StandardOutput.shared
            for finding in findings { out.write(finding.text + "\n") }
            let errors = findings.filter { $0.severity == .error }.count
            out.write(
                "\(file): \(glossary.concepts.count) concepts, \(glossary.concepts.map(\.terms.count).reduce(0, +)) terms, \(errors) errors, \(findings.count - errors) warnings\n"
            )
            out.flush()
            if errors > 0 { throw ExitCode(1) }
        }
    }
}

/// Writes files atomically: a temporary file beside the target, then a rename.
enum AtomicFile {
    /// Refuses an output path that names one of the inputs: tolk never writes to its inputs.
    static func refuse(_ output: String, overwriting inputs: [String]) throws {
        // Resolved as the kernel does (`link/../x` follows the link first), not as text.
        let target = FilePath.resolved(output)
        if inputs.contains(where: { FilePath.resolved($0) == target }) {
            throw CommandFailure(message: "\(output): will not overwrite the input; write to another file")
        }
    }

    /// Writes `text` to a temporary file beside `path`, then renames it over `path`: readers see
    /// the old file or the whole new one, and an interrupted run leaves nothing behind.
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tolk-\(getpid()).tmp")
        var failure: String? = nil
        ScratchPaths.step(temporary.path) {
            do { try Data(text.utf8).write(to: temporary) } catch { failure = error.localizedDescription }
        }
        ScratchPaths.step(temporary.path, done: true) {
            if failure == nil, rename(temporary.path, path) != 0 { failure = String(cString: strerror(errno)) }
            if failure != nil { try? FileManager.default.removeItem(at: temporary) }
        }
        if let failure { throw CommandFailure(message: "\(path): cannot write: \(failure)") }
    }
}
