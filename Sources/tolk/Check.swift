import ArgumentParser
import Foundation
import TolkArticle
import TolkGlossary
import TolkLint
import TolkReport
import TolkText

/// `tolk check`: the main job over a corpus — pair, align, check the glossary, lint, summarise.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Check a corpus: pair translations with sources, align, run the glossary checks and lint; findings and a summary per article.",
        discussion: """
            Defaults to the bundled Corpora/ and Glossaries/vi-nb.tbx. Exit codes as tolk lint.

            --jsonl reads pairs as JSON Lines on standard input, one record per line: {"id": ..., \
            "translation": "<page text>", "source": "<source text>", "source_url": ..., "translation_path": ...} \
            (all but id and translation optional), and writes one JSON line per finding (the keys of --format json \
            and the record's id) in input order, flushed per record; a bad record gets one line \
            {"id": ..., "record": <line>, "error": ...} and the stream goes on.
            """)

    @OptionGroup var options: LintOptions
    @Argument(help: "A folder of source articles and their translations (corpus layout; default Corpora).")
    var corpus: String?
    /// Paired as `tolk pair` pairs them.
    @OptionGroup var folders: FolderPair
    @Flag(help: "Check pairs given as JSON Lines records on standard input (see below).")
    var jsonl = false
    @Flag(help: "With --jsonl: after each record's findings, a line with its glossary renderings (for --corpus-renderings).")
    var renderings = false
    @Option(
        help: "The findings across articles (glossary-inconsistent-corpus) from renderings lines written by --jsonl --renderings.")
    var corpusRenderings: String?

    func validate() throws {
        try folders.requireBoth()
        if folders.isGiven, corpus != nil { throw ValidationError("give a corpus folder or --sources and --translations, not both") }
        if jsonl || corpusRenderings != nil, corpus != nil || folders.isGiven {
            throw ValidationError("--jsonl and --corpus-renderings read no folders")
        }
        if renderings, !jsonl { throw ValidationError("--renderings goes with --jsonl") }
        if jsonl, corpusRenderings != nil { throw ValidationError("--jsonl and --corpus-renderings are two runs") }
        if jsonl, ![.text, .json].contains(options.format) || options.baseline != nil || options.writeBaseline != nil {
            throw ValidationError("--jsonl writes JSON lines: --format, --baseline and --write-baseline do not apply")
        }
    }

    func run() throws {
        let folder = corpus ?? folders.translations ?? "Corpora"
        var configuration = try options.configuration(near: jsonl || corpusRenderings != nil ? nil : folder)
        // The bundled glossary by default for folders; a stream says what it wants.
        if !jsonl, options.glossary == nil, configuration.glossary == nil, FileManager.default.fileExists(atPath: "Glossaries/vi-nb.tbx") {
            configuration.glossary = FileManager.default.currentDirectoryPath + "/Glossaries/vi-nb.tbx"
        }
        let glossary = try options.loadGlossary(configuration)
        if jsonl { return try checkRecords(configuration, glossary: glossary) }
        if let corpusRenderings {
            let findings = try RecordStream.corpusFindings(options.reading.reader(corpusRenderings), configuration: configuration)
            return try options.finish(findings, files: 0)
        }
        let paired = try PairedPages(
            sources: folders.sources ?? folder, translations: folder, sourceLanguage: configuration.sourceLanguage,
            targetLanguage: configuration.targetLanguage, ignores: configuration.ignores, reader: options.reading.reader)
        try paired.requireAllRead()
        let pairs = paired.pairs
        let progress = Progress(total: pairs.count, label: "checking", unit: "pairs")
        try options.refuseBaselineOverInputs(
            pages: pairs.flatMap { [$0.translation] + [$0.source].compactMap { $0 } }, configuration: configuration)
        let outcomes = Parallel.map(pairs.count, makeWorker: { try Linter(configuration: configuration, glossary: glossary) }) {
            linter, k in
            defer { progress.advance() }
            let pair = pairs[k]
            let translation = try paired.page(pair.translation)
            let source = try pair.source.map(paired.page)
            let result = try linter.lint(
                translation: translation.document, source: source?.document, sourceURL: pair.source.flatMap { paired.sourceURLs[$0] },
                markdown: pair.translation.hasSuffix(".md"), articles: (translation.article, source?.article))
            // Kept: the findings and the renderings the check across articles needs, not the
            // documents and segmentations (a corpus of 10,000 pairs would hold them all).
            return (findings: result.findings, renderings: result.glossary.map(GlossaryChecker.renderings(of:)))
        }
        progress.finish()
        var findings: [Finding] = []
        var renderings: [GlossaryChecker.Rendering] = []
        var glossaryPages = 0
        var rows: [(String, String, Int, Int)] = []
        for (pair, outcome) in zip(pairs, outcomes) {
            let result = try outcome.get()
            findings += result.findings
            if let pageRenderings = result.renderings {
                renderings += pageRenderings
                glossaryPages += 1
            }
            let mine = result.findings.filter { $0.path == pair.translation || $0.path == pair.source }
            rows.append(
                (
                    pair.translation, pair.source ?? "(no source: \(pair.evidence.first ?? ""))",
                    mine.filter { $0.severity == .error }.count,
                    mine.filter { $0.severity == .warning }.count
                ))
        }
        findings += Linter.corpusFindings(renderings, pages: glossaryPages, configuration)
        do {
            try options.finish(findings.sorted(by: Finding.ordered), files: pairs.count)
        } catch let exit as ExitCode {
            writeSummary(rows)
            throw exit
        }
        writeSummary(rows)
    }

    /// `--jsonl`: records from standard input, answered on standard output.
    private func checkRecords(_ configuration: LintConfiguration, glossary: Glossary?) throws {
        let counts = try RecordStream(renderings: renderings).run(
            TextReader.standardInput, makeLinter: { try Linter(configuration: configuration, glossary: glossary) },
            write: { text in
                StandardOutput.shared.write(text)
                StandardOutput.shared.flush()
            })
        let failing = counts.errors + counts.badRecords + (options.strict ? counts.warnings : 0)
        FileHandleOutput.standardError.write(
            "\(counts.records) records (\(counts.badRecords) bad): \(counts.errors) errors, \(counts.warnings) warnings, \(counts.notes) notes\n"
        )
        if failing > 0 { throw ExitCode(1) }
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
