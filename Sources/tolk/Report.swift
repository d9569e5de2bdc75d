import ArgumentParser
import Foundation
import TolkAlign
import TolkGlossary
import TolkLint
import TolkReport
import TolkText

/// `tolk report`: a static HTML review site for a corpus or one pair.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
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
        let paired: PairedPages?
        if let source {
            pairs = [(input, source)]
            paired = nil
        } else {
            paired = try PairedPages(
                sources: input, translations: input, sourceLanguage: configuration.sourceLanguage,
                targetLanguage: configuration.targetLanguage, reader: reading.reader)
            try paired!.requireAllRead()
            pairs = paired!.pairs.map { ($0.translation, $0.source) }
        }
        let reading = self.reading
        let progress = Progress(total: pairs.count, label: "reporting", unit: "pairs")
        let outcomes = Parallel.map(pairs.count, makeWorker: { try Linter(configuration: configuration, glossary: loaded) }) {
            linter, k in
            defer { progress.advance() }
            let (path, sourcePath) = pairs[k]
            let read = { (path: String) throws -> PairedPages.Page in
                try paired?.page(path) ?? PairedPages.Page(document: reading.reader(path).readDocument(), article: nil)
            }
            let (translation, source) = (try read(path), try sourcePath.map(read))
            let analysis = try linter.lint(
                translation: translation.document, source: source?.document,
                sourceURL: sourcePath.flatMap { paired == nil ? PageFiles.metadataURL(besides: $0) : paired?.sourceURLs[$0] },
                markdown: path.hasSuffix(".md"), articles: (translation.article, source?.article))
            let pair = ReportedPair(
                id: ReportedPair.id(path: path), analysis: analysis, sourceLanguage: configuration.sourceLanguage,
                targetLanguage: configuration.targetLanguage)
            return (pair, analysis.glossary)
        }
        progress.finish()
        let reported = try outcomes.map { try $0.get() }
        let glossaryReport = try loaded.map { glossary in
            try GlossaryReport.build(
                glossary: glossary, language: configuration.targetLanguage, results: reported.compactMap(\.1))
        }
        try folder.write(HTMLReport.files(pairs: reported.map(\.0), glossary: glossaryReport))
        FileHandleOutput.standardError.write("wrote \(out)/index.html (\(reported.count) pairs)\n")
    }
}
