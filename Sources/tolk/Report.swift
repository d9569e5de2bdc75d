import ArgumentParser
import Foundation
import TolkAlign
import TolkArticle
import TolkGlossary
import TolkLint
import TolkReport
import TolkText

/// `tolk report`: a static HTML review site for a corpus or one pair.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an HTML review site: aligned paragraphs side by side, glossary terms, findings, a glossary page.")

    @Option(help: "The folder to write: a new one, or a report tolk wrote before (replaced atomically; never an input or inside one).")
    var out: String
    @Option(help: "With one translation file: its source article.")
    var source: String?
    @Option(help: "A glossary (.tbx or .csv); default Glossaries/vi-nb.tbx when present.")
    var glossary: String?
    @Argument(help: "A corpus folder (default Corpora), or one translation file with --source.")
    var input: String = "Corpora"
    @OptionGroup var reading: PageReading

    func run() throws {
        let configuration = LintConfiguration()
        let glossaryPath = glossary ?? (FileManager.default.fileExists(atPath: "Glossaries/vi-nb.tbx") ? "Glossaries/vi-nb.tbx" : nil)
        // Checked before any work: nothing is written over or into an input.
        let folder = try ReportFolder(out, protecting: [input, source, glossaryPath].compactMap { $0 })
        let loaded = try glossaryPath.map(GlossaryCommand.load)
        let pairs: [(translation: String, source: String?)]
        if let source {
            pairs = [(input, source)]
        } else {
            pairs = try Check.pairs(sources: input, translations: input, configuration, reading: reading).map {
                ($0.translation, $0.source)
            }
        }
        let reading = self.reading
        let progress = Progress(total: pairs.count, label: "reporting", unit: "pairs")
        let outcomes = Parallel.map(
            pairs.count, makeWorker: { try PairReporter(glossary: loaded, configuration: configuration, reading: reading) }
        ) {
            reporter, k in
            defer { progress.advance() }
            return try reporter.report(translation: pairs[k].translation, source: pairs[k].source)
        }
        progress.finish()
        let reported = try outcomes.map { try $0.get() }
        let glossaryReport = try loaded.map { glossary in
            try GlossaryReport.build(glossary: glossary, language: configuration.targetLanguage, results: reported.compactMap(\.1))
        }
        try folder.write(HTMLReport.files(pairs: reported.map(\.0), glossary: glossaryReport))
        FileHandleOutput.standardError.write("wrote \(out)/index.html (\(reported.count) pairs)\n")
    }
}

/// Checks one pair for the report. Not thread-safe: one per task.
final class PairReporter {
    private let linter: Linter
    private let configuration: LintConfiguration
    private let reading: PageReading

    init(glossary: Glossary?, configuration: LintConfiguration, reading: PageReading) throws {
        self.configuration = configuration
        self.reading = reading
        linter = try Linter(configuration: configuration, glossary: glossary)
    }

    func report(translation path: String, source sourcePath: String?) throws -> (ReportedPair, GlossaryChecker.Result?) {
        let translation = try reading.reader(path).readDocument()
        let source = try sourcePath.map { try reading.reader($0).readDocument() }
        let analysis = try linter.lint(
            translation: translation, source: source, sourceURL: sourcePath.flatMap(PageFiles.metadataURL(besides:)))
        let id = URL(fileURLWithPath: path).deletingPathExtension().pathComponents.suffix(2).joined(separator: "-")
        return (
            ReportedPair(
                id: id, analysis: analysis, sourceLanguage: configuration.sourceLanguage, targetLanguage: configuration.targetLanguage),
            analysis.glossary
        )
    }
}
