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
        // A configuration may be found in a shared folder: the reader refuses what could hang or
        // exhaust the read (a FIFO, a device, a file over the size limit) before reading it.
        let text = try TextReader(path: file).readDocument(limit: LintConfiguration.maxBytes).text
        do {
            return try LintConfiguration.parse(text, origin: file)
        } catch {
            throw CommandFailure(message: error.description)
        }
    }

    /// The path of the glossary named on the command line or in the configuration (relative to it).
    func glossaryPath(_ configuration: LintConfiguration) -> String? {
        if let glossary { return glossary }
        guard let path = configuration.glossary else { return nil }
        let base = configuration.origin.map { URL(fileURLWithPath: $0).deletingLastPathComponent() } ?? URL(fileURLWithPath: ".")
        return path.hasPrefix("/") ? path : base.appendingPathComponent(path).path
    }

    /// The glossary named on the command line or in the configuration.
    func loadGlossary(_ configuration: LintConfiguration) throws -> Glossary? {
        try glossaryPath(configuration).map(GlossaryCommand.load)
    }

    /// Refuses a `--write-baseline` that names anything the run reads: a page or source (also
    /// inside a folder argument), the meta.json beside it, the configuration, the glossary.
    func refuseBaselineOverInputs(pages: [String], configuration: LintConfiguration) throws {
        guard let writeBaseline else { return }
        let metadata = pages.map { PageFiles.metadataPath(besides: $0) }
        let files = [glossaryPath(configuration), config, configuration.origin, baseline].compactMap { $0 }
        try AtomicFile.refuse(writeBaseline, overwriting: pages + metadata + files)
    }

    /// Prints the findings (after the baseline), writes a baseline if asked, and exits like lint:
    /// 0 nothing failing, 1 findings at the failing severity.
    func finish(_ findings: [Finding], files: Int, beyond: FindingCounts = FindingCounts()) throws {
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
        let text = try FindingReporter.render(reported, format: format, toolVersion: Tolk.version)
        StandardOutput.shared.write(text)
        var counts = beyond
        counts.add(reported)
        try conclude(counts, files: files)
    }

    /// Whether findings can be printed as they are found: formats of one finding per line, with
    /// no baseline to read or write.
    var printsAsFound: Bool { format != .sarif && baseline == nil && writeBaseline == nil }

    /// Prints findings as they are found (`printsAsFound`), counting them.
    func printFound(_ findings: [Finding], counting counts: inout FindingCounts) throws {
        StandardOutput.shared.write(try FindingReporter.render(findings, format: format, toolVersion: Tolk.version))
        counts.add(findings)
    }

    /// The summary line on standard error, and the exit: 1 when something fails.
    func conclude(_ counts: FindingCounts, files: Int) throws {
        StandardOutput.shared.flush()
        FileHandleOutput.standardError.write(
            "\(counts.errors) errors, \(counts.warnings) warnings, \(counts.notes) notes in \(files) files\n")
        if counts.errors > 0 || (strict && counts.warnings > 0) { throw ExitCode(1) }
    }
}

/// How many findings of each severity.
struct FindingCounts {
    var errors = 0
    var warnings = 0
    var notes = 0

    var total: Int { errors + warnings + notes }

    mutating func add(_ other: FindingCounts) {
        errors += other.errors
        warnings += other.warnings
        notes += other.notes
    }

    mutating func add(_ findings: [Finding]) {
        for finding in findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
        }
    }
}

/// `tolk lint`: the pre-publish check of translated pages.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
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
        let configuration = try options.configuration(near: files.first)
        let targets = try CheckTarget.collect(
            files, source: source, sourceLanguage: configuration.sourceLanguage, targetLanguage: configuration.targetLanguage
        )
        .filter { target in
            guard configuration.ignores(target.translation) else { return true }
            // A file named on the command line is skipped only with a word, never silently.
            if files.contains(target.translation) {
                Warning.once("\(target.translation): ignored by the ignore patterns of \(configuration.origin ?? "the configuration")")
            }
            return false
        }
        try options.refuseBaselineOverInputs(
            pages: files + targets.flatMap { [$0.translation] + [$0.source].compactMap { $0 } }, configuration: configuration)
        let glossary = try options.loadGlossary(configuration)
        let sourceURL = self.sourceURL
        let options = self.options
        let progress = Progress(total: targets.count, label: "linting")
        let makeLinter = { try Linter(configuration: configuration, glossary: glossary) }
        if targets.count == 1, Lint.streams(targets[0]) {
            // One page, perhaps a long one: its blocks go to all cores, and their findings are
            // printed as they come when the format allows, so memory stays flat.
            let reader = options.reading.reader(targets[0].translation)
            if options.printsAsFound {
                var counts = FindingCounts()
                _ = try Lint.streamed(reader, makeLinter: makeLinter) { try options.printFound($0, counting: &counts) }
                return try options.conclude(counts, files: 1)
            }
            var kept = KeptFindings()
            let outcome = Result { try Lint.streamed(reader, makeLinter: makeLinter) { kept.add($0) } }.map {
                PageOutcome(findings: kept.findings, glossary: $0, beyond: kept.beyond)
            }
            return try report([outcome], configuration: configuration, files: 1)
        }
        let outcomes = Parallel.map(targets.count, makeWorker: makeLinter) { linter, k in
            defer { progress.advance() }
            let target = targets[k]
            let reader = options.reading.reader(target.translation)
            if Lint.streams(target) {
                var kept = KeptFindings()
                let glossary = try Lint.streamed(reader, width: 1, makeLinter: { linter }) { kept.add($0) }
                return PageOutcome(findings: kept.findings, glossary: glossary, beyond: kept.beyond)
            }
            let document = try reader.readDocument()
            let source = try target.source.map { try options.reading.reader($0).readDocument() }
            let url = sourceURL ?? target.source.flatMap(PageFiles.metadataURL(besides:))
            let result = try linter.lint(
                translation: document, source: source, sourceURL: url, markdown: target.translation.hasSuffix(".md"))
            return PageOutcome(
                findings: target.isMarkup ? try InlineSuppression.filter(result.findings, in: document) : result.findings,
                glossary: result.glossary)
        }
        progress.finish()
        try report(outcomes, configuration: configuration, files: targets.count)
    }

    /// Prints the pages' findings with the corpus-wide ones, and exits like lint.
    private func report(_ outcomes: [Result<PageOutcome, Error>], configuration: LintConfiguration, files: Int) throws {
        var findings: [Finding] = []
        var renderings: [GlossaryChecker.Rendering] = []
        var glossaryPages = 0
        var beyond = FindingCounts()
        for outcome in outcomes {
            let page = try outcome.get()
            findings += page.findings
            if let pageRenderings = page.renderings {
                renderings += pageRenderings
                glossaryPages += 1
            }
            beyond.add(page.beyond)
        }
        findings += Linter.corpusFindings(renderings, pages: glossaryPages, configuration)
        if beyond.total > 0 {
            FileHandleOutput.standardError.write(
                "tolk: warning: \(beyond.total) findings beyond the first \(KeptFindings.limit) of a page are counted, not listed "
                    + "(kept in memory to sort or filter them: several pages, SARIF, a baseline; one page as text, json or github lists all)\n"
            )
        }
        try options.finish(findings.sorted(by: Finding.ordered), files: files, beyond: beyond)
    }

    /// One linted page: its findings and glossary result, and what was counted but not kept.
    /// What a page leaves for the report: its findings and, with a glossary, its renderings for the
    /// check across pages (not its document and segmentation: many pages would hold them all).
    struct PageOutcome {
        var findings: [Finding]
        var renderings: [GlossaryChecker.Rendering]?
        var beyond = FindingCounts()

        init(findings: [Finding], glossary: GlossaryChecker.Result?, beyond: FindingCounts = FindingCounts()) {
            self.findings = findings
            renderings = glossary.map(GlossaryChecker.renderings(of:))
            self.beyond = beyond
        }
    }

    /// A streamed page's findings for output that needs them all at once: at most `limit` are
    /// kept, so memory stays bounded; the rest are only counted.
    struct KeptFindings {
        static let limit = 10_000
        var findings: [Finding] = []
        var beyond = FindingCounts()

        mutating func add(_ block: [Finding]) {
            let room = max(0, Self.limit - findings.count)
            findings += block.prefix(room)
            if block.count > room { beyond.add(Array(block.dropFirst(room))) }
        }
    }

    /// Whether a page is linted as a stream of blocks: pages without a source, except Markdown
    /// and HTML (their inline suppressions need the whole page).
    static func streams(_ target: CheckTarget) -> Bool {
        target.source == nil && !target.isMarkup
    }

    /// Lints a page without a source in blocks of whole paragraphs (`Lint.blockSize` bytes), so a
    /// text of any length is linted in bounded memory, `width` blocks at a time (a linter each,
    /// made when needed); `consume` gets each block's findings in page order. A page of up to
    /// `wholePageLimit` bytes is one block, linted whole as an article, and its glossary result is
    /// returned (unless a paragraph in it is longer than four blocks); in a longer text the later
    /// blocks are plain paragraphs, chrome and repeats are found within a block and the glossary's
    /// consistency across the page is not checked.
    static func streamed(
        _ reader: TextReader, width: Int = ProcessInfo.processInfo.activeProcessorCount, makeLinter: () throws -> Linter,
        consume: ([Finding]) throws -> Void
    ) throws -> GlossaryChecker.Result? {
        var firstGlossary: GlossaryChecker.Result? = nil
        var blocks = 0
        try Parallel.stream(
            width: width,
            { emit in
                try reader.forEachBlock(blockSize: blockSize, wholeUpTo: wholePageLimit) { block in
                    try emit((blocks, block))
                    blocks += 1
                }
            }, makeWorker: makeLinter,
            { linter, numbered in try linter.lint(translation: numbered.1, continuation: numbered.0 > 0) },
            consume: { result in
                try consume(result.findings)
                firstGlossary = firstGlossary ?? result.glossary
            })
        return blocks == 1 ? firstGlossary : nil
    }

    static let blockSize = 1 << 18
    /// Pages up to this size (16 MiB) are linted whole, as articles (chrome, repeats across the
    /// page), unless a paragraph in one is longer than four blocks.
    static let wholePageLimit = 16 << 20
}
