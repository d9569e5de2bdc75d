import ArgumentParser
import Foundation
import TolkGlossary
import TolkLint
import TolkReport
import TolkText

extension FindingFormat: ExpressibleByArgument {}

/// What `lint` and `check` share: configuration, glossary, output and exit codes.
struct LintOptions: ParsableArguments {
    @Option(help: "A glossary (.tbx or .csv); overrides the configuration's.")
    var glossary: String?
    @Option(help: "A .tolk.yml; default: the nearest one walking up from the first file, else the defaults.")
    var config: String?
    @Option(help: "text, json (one finding per line), sarif (SARIF 2.1.0) or github (workflow annotations).")
    var format: FindingFormat = .text
    @Flag(help: "Warnings fail too (exit 1).")
    var strict = false
    @Option(help: "Ignore the findings listed in this baseline file.")
    var baseline: String?
    @Option(help: "Write the current findings to this baseline file (atomically) and exit 0.")
    var writeBaseline: String?
    @OptionGroup var reading: PageReading

    /// The configuration for files near `path`.
    func configuration(near path: String?) throws -> LintConfiguration {
        var file = config
        if file == nil, let path {
            var directory = URL(fileURLWithPath: path == "-" ? FileManager.default.currentDirectoryPath : path).standardizedFileURL
            if !directory.hasDirectoryPath { directory.deleteLastPathComponent() }
            while true {
                let candidate = directory.appendingPathComponent(".tolk.yml")
                if FileManager.default.fileExists(atPath: candidate.path) {
                    file = candidate.path
                    break
                }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        guard let file else { return LintConfiguration() }
        // A configuration may be found in a shared folder: refuse what could hang or exhaust the read
        // (a FIFO, a device, a huge file) before reading; a folder is left to the reader's message.
        var info = stat()
        if stat(file, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR {
            guard info.st_mode & S_IFMT == S_IFREG else { throw CommandFailure(message: "\(file): not a regular file") }
            if info.st_size > LintConfiguration.maxBytes {
                throw CommandFailure(message: ConfigurationError.tooLarge(file: file, bytes: Int(info.st_size)).description)
            }
        }
        let text = try TextReader(path: file).readDocument().text
        do {
            return try LintConfiguration.parse(text, origin: file)
        } catch {
            throw CommandFailure(message: error.description)
        }
    }

    /// The glossary named on the command line or in the configuration.
    func loadGlossary(_ configuration: LintConfiguration) throws -> Glossary? {
        if let glossary { return try GlossaryCommand.load(glossary) }
        guard let path = configuration.glossary else { return nil }
        let base = configuration.origin.map { URL(fileURLWithPath: $0).deletingLastPathComponent() } ?? URL(fileURLWithPath: ".")
        return try GlossaryCommand.load(path.hasPrefix("/") ? path : base.appendingPathComponent(path).path)
    }

    /// Concepts rendered differently across the linted pages, at the configured severity.
    static func corpusInconsistencies(_ results: [GlossaryChecker.Result], _ configuration: LintConfiguration) -> [Finding] {
        guard results.count > 1, let rule = Rule.named("glossary-inconsistent-corpus"), let severity = configuration.severity(of: rule)
        else { return [] }
        let documents = Dictionary(results.map { ($0.path, $0.segmentation.document) }, uniquingKeysWith: { first, _ in first })
        return GlossaryChecker.corpusInconsistencies(results, documents: documents).map {
            var finding = $0
            finding.severity = severity
            return finding
        }
    }

    /// The text of the lines the findings start and end on, by path and line number, read by
    /// streaming each file once (standard input is gone by now: its lines are not shown).
    func lines(of findings: [Finding]) -> [String: [Int: String]] {
        var wanted: [String: Set<Int>] = [:]
        for finding in findings where finding.path != "<stdin>" {
            wanted[finding.path, default: []].formUnion([finding.line, finding.endLine])
        }
        var lines: [String: [Int: String]] = [:]
        for (path, numbers) in wanted {
            var found: [Int: String] = [:]
            _ = try? reading.reader(path).forEachBlock { block in
                for (index, range) in block.lineRanges.enumerated() where numbers.contains(block.origin.line + index) {
                    found[block.origin.line + index] = block.text(range)
                }
            }
            lines[path] = found
        }
        return lines
    }

    /// Prints the findings (after the baseline), writes a baseline if asked, and exits like lint:
    /// 0 nothing failing, 1 findings at the failing severity.
    func finish(_ findings: [Finding], files: Int) throws {
        if let writeBaseline {
            try AtomicFile.write(try Baseline(findings).encoded(), to: writeBaseline)
            FileHandleOutput.standardError.write("wrote \(findings.count) findings to \(writeBaseline)\n")
            return
        }
        var reported = findings
        if let baseline {
            let data = try TextReader(path: baseline).readDocument().text
            guard let decoded = try? JSONDecoder().decode(Baseline.self, from: Data(data.utf8)) else {
                throw CommandFailure(message: "\(baseline): not a tolk baseline (write one with --write-baseline)")
            }
            reported = decoded.filter(findings)
        }
        let lines = lines(of: reported)
        let text = try FindingReporter.render(reported, format: format, toolVersion: Tolk.version) { path, line in lines[path]?[line] }
        StandardOutput.shared.write(text)
        StandardOutput.shared.flush()
        let errors = reported.filter { $0.severity == .error }.count
        let warnings = reported.filter { $0.severity == .warning }.count
        FileHandleOutput.standardError.write(
            "\(errors) errors, \(warnings) warnings, \(reported.count - errors - warnings) notes in \(files) files\n")
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}

/// `tolk lint`: the pre-publish check of translated pages.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Check translated pages before publication: glossary, glued words, untranslated text, chrome, numbers, repeats, dates, spacing.",
        discussion: """
            Exit codes: 0 nothing at the failing severity, 1 findings (errors; warnings too with --strict), 2 usage, \
            configuration or input errors (a missing file is an error, never "0 findings").
            """)

    @OptionGroup var options: LintOptions
    @Option(help: "The source article of the (single) page: enables the number, paragraph, source-url and glossary-missing checks.")
    var source: String?
    @Option(help: "The source article's URL, for the source-url check (default: source_url in a meta.json beside --source).")
    var sourceURL: String?
    @Argument(help: "Pages to lint ('-' for standard input), or corpus folders (<target>.txt with <source>.txt beside it).")
    var files: [String] = ["-"]

    func run() throws {
        if let output = options.writeBaseline {
            try AtomicFile.refuse(output, overwriting: files + [source, options.glossary, options.config].compactMap { $0 })
        }
        let configuration = try options.configuration(near: files.first)
        let targets = try CheckTarget.collect(
            files, source: source, sourceLanguage: configuration.sourceLanguage, targetLanguage: configuration.targetLanguage
        )
        .filter { !configuration.ignores($0.translation) }
        let glossary = try options.loadGlossary(configuration)
        let sourceURL = self.sourceURL
        let options = self.options
        let progress = Progress(total: targets.count, label: "linting")
        let makeLinter = { try Linter(configuration: configuration, glossary: glossary) }
        if targets.count == 1, Lint.streams(targets[0]) {
            // One page, perhaps a long one: its blocks go to all cores.
            let outcome = Result { try Lint.streamed(options.reading.reader(targets[0].translation), makeLinter: makeLinter) }
            return try report([outcome], configuration: configuration, files: 1)
        }
        let outcomes = Parallel.map(targets.count, makeWorker: makeLinter) { linter, k in
            defer { progress.advance() }
            let target = targets[k]
            let reader = options.reading.reader(target.translation)
            if Lint.streams(target) {
                return try Lint.streamed(reader, width: 1) { linter }
            }
            let document = try reader.readDocument()
            let source = try target.source.map { try options.reading.reader($0).readDocument() }
            let url = sourceURL ?? target.source.flatMap(PageFiles.metadataURL(besides:))
            let result = try linter.lint(
                translation: document, source: source, sourceURL: url, markdown: target.translation.hasSuffix(".md"))
            return (target.isMarkup ? InlineSuppression.filter(result.findings, in: document) : result.findings, result.glossary)
        }
        progress.finish()
        try report(outcomes, configuration: configuration, files: targets.count)
    }

    /// Prints the pages' findings with the corpus-wide ones, and exits like lint.
    private func report(
        _ outcomes: [Result<([Finding], GlossaryChecker.Result?), Error>], configuration: LintConfiguration, files: Int
    ) throws {
        var findings: [Finding] = []
        var glossaryResults: [GlossaryChecker.Result] = []
        for outcome in outcomes {
            let (pageFindings, glossaryResult) = try outcome.get()
            findings += pageFindings
            if let glossaryResult { glossaryResults.append(glossaryResult) }
        }
        findings += LintOptions.corpusInconsistencies(glossaryResults, configuration)
        try options.finish(findings.sorted(by: Finding.ordered), files: files)
    }

    /// Whether a page is linted as a stream of blocks: pages without a source, except Markdown
    /// and HTML (their inline suppressions need the whole page).
    static func streams(_ target: CheckTarget) -> Bool {
        target.source == nil && !target.isMarkup
    }

    /// Lints a page without a source in blocks of whole paragraphs (`Lint.blockSize` bytes), so a
    /// text of any length is linted in bounded memory, `width` blocks at a time (a linter each,
    /// made when needed). A page that fits one block is linted whole, as an article; in a longer
    /// text the later blocks are plain paragraphs, repeats are found within a block and the
    /// glossary's consistency across the page is not checked.
    static func streamed(
        _ reader: TextReader, width: Int = ProcessInfo.processInfo.activeProcessorCount, makeLinter: () throws -> Linter
    ) throws -> ([Finding], GlossaryChecker.Result?) {
        var findings: [Finding] = []
        var firstGlossary: GlossaryChecker.Result? = nil
        var blocks = 0
        try Parallel.stream(
            width: width,
            { emit in
                try reader.forEachBlock(blockSize: blockSize) { block in
                    try emit((blocks, block))
                    blocks += 1
                }
            }, makeWorker: makeLinter,
            { linter, numbered in try linter.lint(translation: numbered.1, continuation: numbered.0 > 0) },
            consume: { result in
                findings += result.findings
                firstGlossary = firstGlossary ?? result.glossary
            })
        return (findings, blocks == 1 ? firstGlossary : nil)
    }

    static let blockSize = 1 << 18
}
