import CPlatform
import Foundation
import TolkText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder a report is written to. It is checked before any work is done: tolk replaces only
/// a folder it wrote itself (one holding the marker file), never one that is or holds the current
/// folder or an input, and never writes inside an input folder (symbolic links resolved). The
/// report is written to a scratch folder beside the target and swapped into place in one step, so
/// readers and concurrent runs always find a whole report there.
public struct ReportFolder: Sendable {
    /// The file that marks a folder as a report tolk wrote.
    public static let markerName = ".tolk-report"

    /// The path as the user gave it (for messages).
    public let name: String
    /// The absolute path, with symbolic links resolved.
    public let path: String

    /// Checks `name` as the output of a report that reads `inputs` (files or folders).
    public init(_ name: String, protecting inputs: [String]) throws(ReportFolderError) {
        self.name = name
        guard !name.isEmpty else { throw ReportFolderError(folder: "--out", message: "the output folder is empty; name a new folder") }
        path = FilePath.resolved(name)
        let refuse = { (message: String) in ReportFolderError(folder: name, message: message) }
        let current = FilePath.resolved(FileManager.default.currentDirectoryPath)
        if Self.path(path, holds: current) { throw refuse("holds the current folder; name a new folder for the report") }
        for input in inputs where !input.isEmpty && input != "-" {
            let resolvedInput = FilePath.resolved(input)
            if path == resolvedInput { throw refuse("is the input \(input); name a new folder for the report") }
            if Self.path(path, holds: resolvedInput) { throw refuse("holds the input \(input); name a new folder for the report") }
            if Self.path(resolvedInput, holds: path) { throw refuse("is inside the input \(input); the report is never written into it") }
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw refuse("exists and is not a folder; name a new folder for the report") }
            var marker = stat()
            guard lstat(path + "/" + Self.markerName, &marker) == 0, marker.st_mode & S_IFMT == S_IFREG else {
                throw refuse(
                    "exists and is not a tolk report (it has no \(Self.markerName) file); tolk replaces only a report it wrote: name a new folder"
                )
            }
        } else if errno != ENOENT {
            throw refuse("cannot write: \(Self.errorText())")
        }
    }

    /// Writes `files` (relative path -> content) and the marker into a scratch folder beside the
    /// target, then swaps it into place; the previous report, if any, is removed afterwards.
    public func write(_ files: [String: String]) throws(ReportFolderError) {
        let parent = (path as NSString).deletingLastPathComponent
        let scratch = parent + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())"
        do {
            try ScratchPaths.step(scratch) { () throws(ReportFolderError) in
                if FileManager.default.fileExists(atPath: scratch) { try? FileManager.default.removeItem(atPath: scratch) }
                try makeFolder(scratch)
            }
            let contents = files.merging([Self.markerName: "A report written by tolk; `tolk report --out` replaces this folder.\n"]) {
                a, _ in a
            }
            for (relative, text) in contents.sorted(by: { $0.key < $1.key }) {
                try ScratchPaths.step(scratch) { () throws(ReportFolderError) in try writeFile(scratch + "/" + relative, text) }
            }
            try ScratchPaths.step(scratch, done: true) { () throws(ReportFolderError) in
                try swapIntoPlace(scratch)
                try? FileManager.default.removeItem(atPath: scratch)
            }
        } catch {
            ScratchPaths.step(scratch, done: true) { try? FileManager.default.removeItem(atPath: scratch) }
            throw error
        }
    }

    /// Puts `scratch` at the target: a rename when there is none, else an atomic exchange (the old
    /// report then sits at `scratch`).
    private func swapIntoPlace(_ scratch: String) throws(ReportFolderError) {
        if rename(scratch, path) == 0 { return }
        guard errno == EEXIST || errno == ENOTEMPTY else { throw cannotWrite(path) }
        if tolk_exchange_paths(scratch, path) == 0 {
            // What was swapped out must be a report (another run's): a folder someone made at the
            // target since the check goes back, untouched.
            var marker = stat()
            guard lstat(scratch + "/" + Self.markerName, &marker) == 0, marker.st_mode & S_IFMT == S_IFREG else {
                if tolk_exchange_paths(scratch, path) != 0 {
                    // Cannot swap back: keep that folder beside the target rather than remove it.
                    let kept = scratch + ".kept"
                    _ = rename(scratch, kept)
                    throw ReportFolderError(folder: name, message: "was created by someone else meanwhile; it is now at \(kept)")
                }
                throw ReportFolderError(
                    folder: name, message: "was created by someone else while the report was written; it is left as it is")
            }
            return
        }
        guard errno == ENOSYS || errno == EINVAL else { throw cannotWrite(path) }
        // A file system without an atomic exchange: two renames, the target briefly missing; only a
        // report is moved aside.
        var marker = stat()
        guard lstat(path + "/" + Self.markerName, &marker) == 0 else {
            throw ReportFolderError(folder: name, message: "was created by someone else while the report was written; it is left as it is")
        }
        let old = scratch + ".old"
        guard rename(path, old) == 0 else { throw cannotWrite(path) }
        guard rename(scratch, path) == 0 else {
            let error = cannotWrite(path)
            _ = rename(old, path)
            throw error
        }
        _ = rename(old, scratch)
    }

    private func makeFolder(_ folder: String) throws(ReportFolderError) {
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { throw cannotWrite(folder) }
    }

    private func writeFile(_ file: String, _ text: String) throws(ReportFolderError) {
        let folder = (file as NSString).deletingLastPathComponent
        var info = stat()
        if stat(folder, &info) != 0 { try makeFolder(folder) }
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw cannotWrite(file) }
        var failed = false
        var text = text
        text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress! + done, bytes.count - done)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                done += written
            }
        }
        let saved = errno
        if close(descriptor) != 0 || failed {
            if failed { errno = saved }
            throw cannotWrite(file)
        }
    }

    /// The error for the last failed system call, naming the target as the user wrote it.
    private func cannotWrite(_ at: String) -> ReportFolderError {
        ReportFolderError(folder: name, message: "cannot write: \(Self.errorText())")
    }

    /// Whether `outer` is `inner` or a folder above it.
    static func path(_ outer: String, holds inner: String) -> Bool {
        outer == inner || outer == "/" || inner.hasPrefix(outer + "/")
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
    #else
        Darwin.write(descriptor, bytes, count)
    #endif
}

/// A report folder that may not be used or could not be written.
public struct ReportFolderError: Error, CustomStringConvertible, Sendable {
    public let folder: String
    public let message: String
    public var description: String { "\(folder): \(message)" }
}
