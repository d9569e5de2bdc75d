import ArgumentParser
import Foundation
import TolkArticle
import TolkReport
import TolkText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tolk pair`: for every translation, its source article or an explicit "no source".
struct Pair: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Match translated article pages to their source articles (by URL, slug, images and content).",
        discussion: """
            Reads every .txt and .md file below each folder. In the corpus layout (Corpora/<article>/vi.txt, nb.txt, \
            meta.json), files named after a language are taken for that language only, and a source's URL comes from \
            meta.json's source_url.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, tsv
    }

    @Option(help: "Folder of source articles.")
    var sources: String?
    @Option(help: "Folder of translated pages.")
    var translations: String?
    @OptionGroup var languages: LanguagePair
    @OptionGroup var reading: PageReading
    @Option(help: "jsonl: one JSON object per translation; tsv: translation, source, score, method, evidence.")
    var format: Format = .jsonl
    @Flag(
        help: """
            Only fingerprint: read pages as JSON Lines on standard input ({"path", "text", "language", "url"}) and \
            write one fingerprint per line, for a pairing spread over machines.
            """)
    var fingerprint = false
    @Option(help: "Pair fingerprints written by --fingerprint: the sources' file (with --translation-fingerprints).")
    var sourceFingerprints: String?
    @Option(help: "The translations' fingerprints file (with --source-fingerprints).")
    var translationFingerprints: String?

    func validate() throws {
        let folders = sources != nil || translations != nil
        let files = sourceFingerprints != nil || translationFingerprints != nil
        if [folders, files, fingerprint].filter({ $0 }).count != 1 {
            throw ValidationError(
                "give --sources and --translations, or --source-fingerprints and --translation-fingerprints, or --fingerprint")
        }
        if folders, sources == nil || translations == nil { throw ValidationError("--sources and --translations go together") }
        if files, sourceFingerprints == nil || translationFingerprints == nil {
            throw ValidationError("--source-fingerprints and --translation-fingerprints go together")
        }
    }

    func run() throws {
        if fingerprint {
            let failures = try FingerprintStream.run(TextReader.standardInput) { StandardOutput.shared.write($0) }
            StandardOutput.shared.flush()
            // Pages that could not be read are answered in the output, like findings: exit 1.
            if failures > 0 { throw ExitCode(1) }
            return
        }
        if let sourceFingerprints, let translationFingerprints {
            let sources = try FingerprintStream.read(reading.reader(sourceFingerprints))
            let translations = try FingerprintStream.read(reading.reader(translationFingerprints))
            return write(Pairer().pair(sources: sources, translations: translations))
        }
        guard let sources, let translations else { return }
        let (sourceLang, targetLang) = (languages.sourceLang, languages.targetLang)
        let sourceFiles = try PageFiles.list(sources, language: sourceLang)
        let translationFiles = try PageFiles.list(translations, language: targetLang)
        if sourceFiles.isEmpty { throw PageFiles.noPages(in: sources, language: sourceLang) }
        if translationFiles.isEmpty { throw PageFiles.noPages(in: translations, language: targetLang) }
        let progress = Progress(total: sourceFiles.count + translationFiles.count, label: "reading", unit: "pages")
        let sourceFingerprints = PageFiles.fingerprints(
            sourceFiles, defaultLanguage: sourceLang, useMetadataURL: true, reading: reading, progress: progress)
        let translationFingerprints = PageFiles.fingerprints(
            translationFiles, defaultLanguage: targetLang, useMetadataURL: false, reading: reading, progress: progress)
        progress.finish()
        write(Pairer().pair(sources: sourceFingerprints.values, translations: translationFingerprints.values))
        let failures = sourceFingerprints.failures + translationFingerprints.failures
        if !failures.isEmpty { throw CommandFailure(message: failures.joined(separator: "\ntolk: error: ")) }
    }

    private func write(_ results: [PairingResult]) {
        let out = StandardOutput.shared
        if format == .tsv { out.write("translation\tsource\tscore\tmethod\tevidence\n") }
        for result in results {
            let score = String(format: "%.3f", result.score)
            switch format {
            case .jsonl:
                let evidence = result.evidence.map(JSON.quoted).joined(separator: ",")
                out.write(
                    "{\"translation\":\(JSON.quoted(result.translation)),\"source\":\(result.source.map(JSON.quoted) ?? "null"),\"score\":\(score),\"method\":\"\(result.method.rawValue)\",\"evidence\":[\(evidence)]}\n"
                )
            case .tsv:
                let clean = { (text: String) in TSV.field(text) }
                out.write(
                    "\(clean(result.translation))\t\(result.source.map(clean) ?? "")\t\(score)\t\(result.method.rawValue)\t\(clean(result.evidence.joined(separator: "; ")))\n"
                )
            }
        }
        out.flush()
    }
}

/// Finding and fingerprinting page files.
enum PageFiles {
    struct File: Sendable {
        let path: String
        let language: String?
    }

    /// The error for a folder without `<language>.txt` pages: never "0 files, 0 findings".
    static func noPages(in folder: String, language: String) -> CommandFailure {
        CommandFailure(message: "\(folder): no \(language).txt pages in this folder or below it")
    }

    /// How many folders deep a corpus is searched.
    static let maximumDepth = 32

    /// Every .txt/.md file below `folder` (a symbolic link to a folder is followed; links inside
    /// it are followed to files only), sorted; files named `<lang>.txt` only for `language`. A
    /// subfolder that cannot be read or lies deeper than `maximumDepth` is skipped with a warning
    /// naming it.
    static func list(_ folder: String, language: String) throws -> [File] {
        var info = stat()
        guard stat(folder, &info) == 0 else {
            throw errno == ENOENT
                ? TextInputError.notFound(source: folder)
                : TextInputError.unreadable(source: folder, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw CommandFailure(message: "\(folder): is not a folder") }
        var files: [File] = []
        var pending: [(path: String, depth: Int)] = [(folder, 0)]
        while let (directory, depth) = pending.popLast() {
            guard let stream = opendir(directory) else {
                let reason = String(cString: strerror(errno))
                if directory == folder { throw TextInputError.unreadable(source: folder, reason: reason) }
                Warning.once("\(directory): skipped: cannot read: \(reason)")
                continue
            }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                if name == "." || name == ".." { continue }
                let path = (directory as NSString).appendingPathComponent(name)
                var entryInfo = stat()
                guard lstat(path, &entryInfo) == 0 else { continue }
                switch entryInfo.st_mode & S_IFMT {
                case S_IFDIR:
                    if depth + 1 > maximumDepth {
                        Warning.once("\(path): skipped: deeper than \(maximumDepth) folders")
                    } else {
                        pending.append((path, depth + 1))
                    }
                    continue
                case S_IFLNK:
                    // Followed to files only: a link to a folder could loop.
                    var target = stat()
                    if stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFDIR { continue }
                default: break
                }
                guard name.hasSuffix(".txt") || name.hasSuffix(".md") else { continue }
                let stem = (name as NSString).deletingPathExtension
                let isLanguageFile = stem.count <= 3 && stem.allSatisfy(\.isLetter) && stem == stem.lowercased()
                if isLanguageFile && stem != language { continue }
                if name.lowercased() == "readme.md" { continue }
                files.append(File(path: path, language: isLanguageFile ? stem : nil))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Fingerprints of `files`, read on all cores; unreadable pages are listed in `failures`.
    static func fingerprints(_ files: [File], defaultLanguage: String, useMetadataURL: Bool, reading: PageReading, progress: Progress) -> (
        values: [ArticleFingerprint], failures: [String]
    ) {
        let results = Parallel.map(files.count, makeWorker: { (try Fingerprinter(), ArticleReader()) }) { worker, k in
            let file = files[k]
            defer { progress.advance() }
            let document = try reading.reader(file.path).readDocument()
            let article = try worker.1.read(document, markdown: file.path.hasSuffix(".md"))
            let url = useMetadataURL ? metadataURL(besides: file.path) : nil
            return try worker.0.fingerprint(article, language: file.language ?? defaultLanguage, url: url)
        }
        var values: [ArticleFingerprint] = []
        var failures: [String] = []
        for result in results {
            switch result {
            case .success(let fingerprint): values.append(fingerprint)
            case .failure(let error): failures.append("\(error)")
            }
        }
        return (values, failures)
    }

    /// The meta.json beside a page.
    static func metadataPath(besides path: String) -> String {
        ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("meta.json")
    }

    /// `source_url` from a meta.json in the same folder; a meta.json that is not a JSON object with
    /// a string `source_url` is warned about (once) and not used.
    static func metadataURL(besides path: String) -> String? {
        let meta = metadataPath(besides: path)
        guard FileManager.default.fileExists(atPath: meta) else { return nil }
        let problem: String
        do {
            let text = try TextReader(path: meta).readDocument().text
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            if let url = object?["source_url"] as? String { return url }
            problem =
                "\(meta): "
                + (object == nil ? "not a JSON object" : object?["source_url"] == nil ? "no source_url" : "source_url is not a string")
        } catch {
            problem = "\(error)"
        }
        Warning.once("\(problem); the page's source URL is not checked")
        return nil
    }
}

/// Work spread over the cores, each worker with its own state (ICU handles are not shared).
enum Parallel {
    /// `body(worker, k)` for k in 0..<count, on up to `activeProcessorCount` threads; results in order.
    static func map<Worker, Value>(
        _ count: Int, makeWorker: () throws -> Worker, _ body: (inout Worker, Int) throws -> Value
    ) -> [Result<Value, Error>] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, count))
        let slots = ResultSlots<Result<Value, Error>>(count: count)
        withoutActuallyEscaping(makeWorker) { makeWorker in
            withoutActuallyEscaping(body) { body in
                let shared = UncheckedBox((makeWorker, body))
                DispatchQueue.concurrentPerform(iterations: workers) { index in
                    let (makeWorker, body) = shared.value
                    do {
                        var worker = try makeWorker()
                        for k in stride(from: index, to: count, by: workers) { slots[k] = Result { try body(&worker, k) } }
                    } catch {
                        for k in stride(from: index, to: count, by: workers) where slots[k] == nil { slots[k] = .failure(error) }
                    }
                }
            }
        }
        return slots.values.map { $0! }
    }
}

extension Parallel {
    /// `body(worker, item)` for each item `produce` hands over, up to `width` items at once (each
    /// on its own worker, made only when a batch needs it: a one-item stream makes one); `consume`
    /// gets the values in order. Memory holds one batch of items.
    static func stream<Worker, Item, Value>(
        width: Int, _ produce: ((Item) throws -> Void) throws -> Void, makeWorker: () throws -> Worker,
        _ body: (Worker, Item) throws -> Value, consume: (Value) throws -> Void
    ) throws {
        // `produce` calls back into the batch runner, which needs the other closures: they do not
        // outlive this call.
        try withoutActuallyEscaping(makeWorker) { makeWorker in
            try withoutActuallyEscaping(body) { body in
                try withoutActuallyEscaping(consume) { consume in
                    var workers: [Worker] = []
                    var batch: [Item] = []
                    func run() throws {
                        while workers.count < batch.count { workers.append(try makeWorker()) }
                        let slots = ResultSlots<Result<Value, Error>>(count: batch.count)
                        if batch.count == 1 {
                            slots[0] = Result { try body(workers[0], batch[0]) }
                        } else {
                            let shared = UncheckedBox((workers, batch, body))
                            DispatchQueue.concurrentPerform(iterations: batch.count) { k in
                                let (workers, batch, body) = shared.value
                                slots[k] = Result { try body(workers[k], batch[k]) }
                            }
                        }
                        batch.removeAll(keepingCapacity: true)
                        for slot in slots.values { try consume(try slot!.get()) }
                    }
                    try produce { item in
                        batch.append(item)
                        if batch.count >= max(1, width) { try run() }
                    }
                    if !batch.isEmpty { try run() }
                }
            }
        }
    }
}

/// Hands non-Sendable closures to `concurrentPerform`; each worker builds its own state from them.
private final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Fixed slots written from several threads, each slot by one thread.
final class ResultSlots<Value>: @unchecked Sendable {
    // Guarded by `lock`.
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var values: [Value?] { lock.withLock { slots } }
}

/// A progress line on standard error — done / total, rate, time left — shown only on a terminal
/// and only once a run takes more than 1.5 s; safe to advance from several threads.
final class Progress: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let unit: String
    private let started = Date()
    private let isTerminal = isatty(2) != 0
    private let lock = NSLock()
    // Guarded by `lock`.
    private var completed = 0
    private var lastShown: Date? = nil

    init(total: Int, label: String, unit: String = "") {
        self.total = total
        self.label = label
        self.unit = unit
    }

    func advance() {
        lock.withLock {
            completed += 1
            let now = Date()
            guard isTerminal, now.timeIntervalSince(started) > 1.5, now.timeIntervalSince(lastShown ?? .distantPast) > 0.2 else { return }
            lastShown = now
            FileHandleOutput.standardError.write(
                "\r\u{1B}[K" + Self.line(label, unit, completed, total, elapsed: now.timeIntervalSince(started)))
        }
    }

    func finish() {
        lock.withLock {
            if lastShown != nil {
                FileHandleOutput.standardError.write(
                    "\r\u{1B}[K\(label) \(completed)/\(total)\(unit.isEmpty ? "" : " " + unit), \(String(format: "%.1f", Date().timeIntervalSince(started))) s\n"
                )
            }
        }
    }

    /// `checking 412/1000 pairs, 230/s, 3 s left`.
    static func line(_ label: String, _ unit: String, _ completed: Int, _ total: Int, elapsed: Double) -> String {
        let rate = Double(completed) / max(elapsed, 0.001)
        let left = Int((Double(total - completed) / max(rate, 0.001)).rounded(.up))
        return "\(label) \(completed)/\(total)\(unit.isEmpty ? "" : " " + unit), \(Int(rate.rounded()))/s, \(left) s left"
    }
}
