import ArgumentParser
import Foundation
import TolkArticle
import TolkGlossary
import TolkLint
import TolkText

/// `tolk check`: the main job over a corpus — pair, align, check the glossary, lint, summarise.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Check a corpus: pair translations with sources, align, run the glossary checks and lint; findings and a summary per article.",
        discussion: "Defaults to the bundled Corpora/ and Glossaries/vi-nb.tbx. Exit codes as tolk lint.")

    @OptionGroup var options: LintOptions
    @Argument(help: "A folder of source articles and their translations (corpus layout or any .txt/.md pages).")
    var corpus: String = "Corpora"

    func run() throws {
        var configuration = try options.configuration(near: corpus)
        if options.glossary == nil, configuration.glossary == nil, FileManager.default.fileExists(atPath: "Glossaries/vi-nb.tbx") {
            configuration.glossary = FileManager.default.currentDirectoryPath + "/Glossaries/vi-nb.tbx"
        }
        let glossary = try options.loadGlossary(configuration)
        let progress = Progress(total: 0, label: "checking")
        let reading = options.reading
        let pairs = try Check.pairs(in: corpus, configuration, reading: reading, progress: progress)
        try options.refuseBaselineOverInputs(
            pages: pairs.flatMap { [$0.translation] + [$0.source].compactMap { $0 } }, configuration: configuration)
        let outcomes = Parallel.map(pairs.count, makeWorker: { try Linter(configuration: configuration, glossary: glossary) }) {
            linter, k in
            defer { progress.advance() }
            let pair = pairs[k]
            let translation = try reading.reader(pair.translation).readDocument()
            let source = try pair.source.map { try reading.reader($0).readDocument() }
            let url = pair.source.flatMap(PageFiles.metadataURL(besides:))
            return try linter.lint(translation: translation, source: source, sourceURL: url)
        }
        progress.finish()
        var findings: [Finding] = []
        var glossaryResults: [GlossaryChecker.Result] = []
        var rows: [(String, String, Int, Int)] = []
        for (pair, outcome) in zip(pairs, outcomes) {
            let result = try outcome.get()
            findings += result.findings
            if let glossaryResult = result.glossary { glossaryResults.append(glossaryResult) }
            let mine = result.findings.filter { $0.path == pair.translation || $0.path == pair.source }
            rows.append(
                (
                    pair.translation, pair.source ?? "(no source: \(pair.evidence.first ?? ""))",
                    mine.filter { $0.severity == .error }.count,
                    mine.filter { $0.severity == .warning }.count
                ))
        }
        findings += LintOptions.corpusInconsistencies(glossaryResults, configuration)
        do {
            try options.finish(findings.sorted(by: Finding.ordered), files: pairs.count)
        } catch let exit as ExitCode {
            writeSummary(rows)
            throw exit
        }
        writeSummary(rows)
    }

    /// Every translation of `corpus` (files named after the target language) with its source.
    static func pairs(in corpus: String, _ configuration: LintConfiguration, reading: PageReading, progress: Progress) throws
        -> [PairingResult]
    {
        let sourceFiles = try PageFiles.list(corpus, language: configuration.sourceLanguage).filter {
            $0.language == configuration.sourceLanguage
        }
        let translationFiles = try PageFiles.list(corpus, language: configuration.targetLanguage).filter {
            $0.language == configuration.targetLanguage && !configuration.ignores($0.path)
        }
        if translationFiles.isEmpty {
            throw PageFiles.noPages(in: corpus, language: configuration.targetLanguage)
        }
        let sources = PageFiles.fingerprints(
            sourceFiles, defaultLanguage: configuration.sourceLanguage, useMetadataURL: true, reading: reading, progress: progress)
        let translations = PageFiles.fingerprints(
            translationFiles, defaultLanguage: configuration.targetLanguage, useMetadataURL: false, reading: reading, progress: progress)
        let failures = sources.failures + translations.failures
        if !failures.isEmpty { throw CommandFailure(message: failures.joined(separator: "\ntolk: error: ")) }
        return Pairer().pair(sources: sources.values, translations: translations.values)
    }

    /// The per-article table after text findings (other formats are for machines and stay pure).
    private func writeSummary(_ rows: [(String, String, Int, Int)]) {
        guard options.format == .text, options.writeBaseline == nil else { return }
        let out = StandardOutput.shared
        defer { out.flush() }
        let width = max(11, rows.map(\.0.count).max() ?? 0)
        out.write("\n" + "translation".padding(toLength: width, withPad: " ", startingAt: 0) + "  errors  warnings  source\n")
        for (translation, source, errors, warnings) in rows {
            out.write(
                translation.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(errors).leftPadded(6) + "  "
                    + String(warnings).leftPadded(8)
                    + "  " + source + "\n")
        }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
