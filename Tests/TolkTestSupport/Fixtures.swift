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

    /// Runs tolk with `arguments` in the repository (standard input empty): exit status and
    /// standard output.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tolk)
        process.arguments = arguments
        process.currentDirectoryURL = repository
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
