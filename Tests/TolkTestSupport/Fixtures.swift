import Foundation
import TolkGlossary
import TolkText

/// Files the tests of every module share: the repository's corpus and glossary, and the shared
/// data beside the repository (as in CI).
public enum Fixtures {
    /// The repository root.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared/data` beside the repository (UD sets, check-dev, format samples), read-only.
    public static let sharedData = repository.deletingLastPathComponent().appendingPathComponent("shared/data")

    /// The seed page: the published Norwegian translation tolk started from.
    public static let seedPath = path("Corpora/vietnamplus-1080302/nb.txt")

    /// The absolute path of `relative` in the repository.
    public static func path(_ relative: String) -> String { repository.appendingPathComponent(relative).path }

    /// The file at `relative` in the repository, read as tolk reads files.
    public static func document(_ relative: String) throws -> Document { try TextReader(path: path(relative)).readDocument() }

    /// A glossary of `Glossaries/` (the shipped vi-nb.tbx by default).
    public static func glossary(_ name: String = "vi-nb.tbx") throws -> Glossary { try Glossary.read(try document("Glossaries/\(name)")) }
}

extension Fixtures {
    /// The `tolk` binary the tests run: `$TOLK`, else the one `swift test` built beside the test
    /// runner (in the runner's folder, or beside the bundle on macOS), else `.build/debug/tolk`.
    public static var tolk: String {
        if let given = ProcessInfo.processInfo.environment["TOLK"], !given.isEmpty { return given }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [runner, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for folder in candidates {
            let binary = folder.appendingPathComponent("tolk").path
            if FileManager.default.isExecutableFile(atPath: binary) { return binary }
        }
        return path(".build/debug/tolk")
    }

    /// Runs tolk with `arguments` in `folder` (the repository unless given), with `input` on standard
    /// input (empty without one): its exit status, standard output and standard error.
    public static func run(_ arguments: [String], input: Data? = nil, in folder: URL = repository) throws -> Run {
        try withTemporaryFolder { streams in
            let inputFile = streams.appendingPathComponent("stdin")
            let outputFile = streams.appendingPathComponent("stdout")
            let errorFile = streams.appendingPathComponent("stderr")
            try (input ?? Data()).write(to: inputFile)
            try Data().write(to: outputFile)
            try Data().write(to: errorFile)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tolk)
            process.arguments = arguments
            process.currentDirectoryURL = folder
            // Files rather than pipes: nothing to drain while tolk runs, however much it writes.
            process.standardInput = try FileHandle(forReadingFrom: inputFile)
            process.standardOutput = try FileHandle(forWritingTo: outputFile)
            process.standardError = try FileHandle(forWritingTo: errorFile)
            try process.run()
            process.waitUntilExit()
            return Run(
                status: process.terminationStatus, output: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
                errors: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
        }
    }

    /// Calls `body` with a fresh folder under the temporary directory, removed afterwards.
    public static func withTemporaryFolder<Result>(_ body: (URL) throws -> Result) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// How a run of tolk ended and what it wrote.
    public struct Run: Sendable {
        /// The exit status.
        public let status: Int32
        /// Standard output.
        public let output: String
        /// Standard error.
        public let errors: String
    }
}
