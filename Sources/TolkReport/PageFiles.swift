import Foundation
import Synchronization
import TolkArticle
import TolkText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A page file found below a folder; `language` is set for files named after one (`vi.txt`).
public struct PageFile: Sendable {
    public let path: String
    public let language: String?
}

/// A folder that cannot serve as a folder of pages.
public struct PageFilesError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// Finding page files, and the metadata beside them.
public enum PageFiles {
    /// The error for a folder without `<language>.txt` pages: never "0 files, 0 findings".
    public static func noPages(in folder: String, language: String) -> PageFilesError {
        PageFilesError(description: "\(folder): no \(language).txt pages in this folder or below it")
    }

    /// How many folders deep a corpus is searched.
    public static let maximumDepth = 32

    /// Every .txt/.md file below `folder` (a symbolic link to a folder is followed; links inside
    /// it are followed to files only), sorted; files named `<lang>.txt` only for `language`. A
    /// subfolder that cannot be read or lies deeper than `maximumDepth` is skipped with a warning
    /// naming it.
    public static func list(_ folder: String, language: String) throws -> [PageFile] {
        var info = stat()
        guard stat(folder, &info) == 0 else {
            throw errno == ENOENT
                ? TextInputError.notFound(source: folder)
                : TextInputError.unreadable(source: folder, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw PageFilesError(description: "\(folder): is not a folder") }
        var files: [PageFile] = []
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
                files.append(PageFile(path: path, language: isLanguageFile ? stem : nil))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The meta.json beside a page.
    public static func metadataPath(besides path: String) -> String {
        ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("meta.json")
    }

    private struct Metadata: Decodable {
        let sourceURL: String?

        enum CodingKeys: String, CodingKey {
            case sourceURL = "source_url"
        }
    }

    /// `source_url` from a meta.json in the same folder; a meta.json that is not a JSON object with
    /// a string `source_url` is warned about (once) and not used.
    public static func metadataURL(besides path: String) -> String? {
        let meta = metadataPath(besides: path)
        guard FileManager.default.fileExists(atPath: meta) else { return nil }
        let problem: String
        do {
            let text = try TextReader(path: meta).readDocument().text
            do {
                if let url = try JSONDecoder().decode(Metadata.self, from: Data(text.utf8)).sourceURL { return url }
                problem = "\(meta): no source_url"
            } catch DecodingError.typeMismatch(_, let context) where !context.codingPath.isEmpty {
                problem = "\(meta): source_url is not a string"
            } catch {
                problem = "\(meta): not a JSON object"
            }
        } catch {
            problem = "\(error)"
        }
        Warning.once("\(problem); the page's source URL is not checked")
        return nil
    }
}

extension PageFiles {
    /// A page read for pairing: its fingerprint, its document when kept, its meta.json URL (sources).
    struct ReadPage: Sendable {
        let fingerprint: ArticleFingerprint
        let page: PairedPages.Page?
        let metadataURL: String?
    }

    /// Fingerprints of `files`, read on all cores, in order; a source's URL comes from its meta.json.
    /// A page's document comes back while `budget` lasts.
    static func read(
        _ files: [PageFile], defaultLanguage: String, isSource: Bool, keeping budget: ByteBudget? = nil, reader: (String) -> TextReader,
        progress: Progress
    ) -> [Result<ReadPage, Error>] {
        Parallel.map(files.count, makeWorker: { (try Fingerprinter(), ArticleReader()) }) { worker, k in
            let file = files[k]
            defer { progress.advance() }
            let document = try reader(file.path).readDocument()
            let article = try worker.1.read(document, markdown: file.path.hasSuffix(".md"))
            let url = isSource ? metadataURL(besides: file.path) : nil
            let fingerprint = try worker.0.fingerprint(article, language: file.language ?? defaultLanguage, url: url)
            // The article's texts about double what the page holds.
            let keep = budget?.take(2 * document.bytes.count) ?? false
            return ReadPage(
                fingerprint: fingerprint, page: keep ? PairedPages.Page(document: document, article: article) : nil, metadataURL: url)
        }
    }
}

/// Bytes that may still be taken, from several threads.
final class ByteBudget: Sendable {
    private let left: Mutex<Int>

    init(_ bytes: Int) { left = Mutex(bytes) }

    /// Takes `bytes` when that many are left.
    func take(_ bytes: Int) -> Bool {
        left.withLock { left in
            guard left >= bytes else { return false }
            left -= bytes
            return true
        }
    }
}

/// Translations paired with their sources, and the pages read for it: a page read while pairing is
/// kept with its article (up to `keptBytes` in all) so checking it needs no second read; past that, memory stays flat
/// and a page is read again.
public struct PairedPages: Sendable {
    public let pairs: [PairingResult]
    /// The pages that could not be read or fingerprinted, one error each (sources first); they are
    /// left out of the pairing.
    public let failures: [String]
    /// The `source_url` of each source's meta.json, read once.
    public let sourceURLs: [String: String]
    private let kept: [String: Page]
    private let reader: @Sendable (String) -> TextReader

    /// A page as pairing read it: the document and, when it was kept, its article.
    public struct Page: Sendable {
        public let document: Document
        /// Nil for a page read again after pairing: the checks read its article themselves.
        public let article: Article?

        public init(document: Document, article: Article?) {
            self.document = document
            self.article = article
        }
    }

    /// How many bytes of pages and their articles are kept from pairing for the checks after it.
    public static let keptBytes = 64 << 20

    /// Pairs the pages below `sources` with those below `translations` (`tolk pair`, `check`,
    /// `report`). In one folder (`sources == translations`), pages are the files named after each
    /// language; from two folders, every page of each. `ignores` drops translations; `reader` opens
    /// a page; up to `keeping` bytes of read pages and articles are kept for `page(_:)`, translations first
    /// (every pair needs its translation), and only pages that were paired.
    /// - Throws: `TextInputError` for a folder that is missing or unreadable, `PageFilesError` for
    ///   one without pages.
    public init(
        sources: String, translations: String, sourceLanguage: String, targetLanguage: String, ignores: (String) -> Bool = { _ in false },
        keeping keptBytes: Int = keptBytes, reader: @escaping @Sendable (String) -> TextReader
    ) throws {
        let corpusLayout = sources == translations
        let sourceFiles = try PageFiles.list(sources, language: sourceLanguage).filter {
            $0.language == sourceLanguage || (!corpusLayout && $0.language == nil)
        }
        let translationFiles = try PageFiles.list(translations, language: targetLanguage).filter {
            ($0.language == targetLanguage || (!corpusLayout && $0.language == nil)) && !ignores($0.path)
        }
        if translationFiles.isEmpty { throw PageFiles.noPages(in: translations, language: targetLanguage) }
        if !corpusLayout, sourceFiles.isEmpty { throw PageFiles.noPages(in: sources, language: sourceLanguage) }
        let progress = Progress(total: sourceFiles.count + translationFiles.count, label: "reading", unit: "pages")
        defer { progress.finish() }
        let budget = ByteBudget(keptBytes)
        let translationPages = PageFiles.read(
            translationFiles, defaultLanguage: targetLanguage, isSource: false, keeping: budget, reader: reader, progress: progress)
        let sourcePages = PageFiles.read(
            sourceFiles, defaultLanguage: sourceLanguage, isSource: true, keeping: budget, reader: reader, progress: progress)
        var failures: [String] = []
        var fingerprints: ([ArticleFingerprint], [ArticleFingerprint]) = ([], [])
        var read: [String: Page] = [:]
        var sourceURLs: [String: String] = [:]
        for (side, results) in [sourcePages, translationPages].enumerated() {
            for result in results {
                switch result {
                case .success(let page):
                    if side == 0 { fingerprints.0.append(page.fingerprint) } else { fingerprints.1.append(page.fingerprint) }
                    if let kept = page.page { read[page.fingerprint.path] = kept }
                    if let url = page.metadataURL { sourceURLs[page.fingerprint.path] = url }
                case .failure(let error): failures.append("\(error)")
                }
            }
        }
        pairs = Pairer().pair(sources: fingerprints.0, translations: fingerprints.1)
        let paired = Set(pairs.flatMap { [$0.translation] + [$0.source].compactMap { $0 } })
        kept = read.filter { paired.contains($0.key) }
        self.failures = failures
        self.sourceURLs = sourceURLs
        self.reader = reader
    }

    /// The page at `path`: as read while pairing (with its article), or read now.
    public func page(_ path: String) throws -> Page {
        if let page = kept[path] { return page }
        return Page(document: try reader(path).readDocument(), article: nil)
    }

    /// Throws the failures, if any, as one error (one line each).
    public func requireAllRead() throws {
        if !failures.isEmpty { throw PageFilesError(description: failures.joined(separator: "\ntolk: error: ")) }
    }
}
