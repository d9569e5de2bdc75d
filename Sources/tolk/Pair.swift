import ArgumentParser
import Foundation
import TolkArticle
import TolkReport
import TolkText

/// `tolk pair`: for every translation, its source article or an explicit "no source".
struct Pair: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pair",
        abstract: "Match translated article pages to their source articles (by URL, slug, images and content).",
        discussion: """
            Reads every .txt and .md file below each folder (pages named after another language are skipped). When both \
            options name one folder (the corpus layout: Corpora/<article>/vi.txt, nb.txt, meta.json), only the files named \
            after each language are pages, as in tolk check. A source's URL comes from meta.json's source_url, else from \
            the page (a url: line or canonical link above the headline, a Nguồn: line).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, tsv
    }

    @OptionGroup var folders: FolderPair
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
        let files = sourceFingerprints != nil || translationFingerprints != nil
        if [folders.isGiven, files, fingerprint].filter({ $0 }).count != 1 {
            throw ValidationError(
                "give --sources and --translations, or --source-fingerprints and --translation-fingerprints, or --fingerprint")
        }
        try folders.requireBoth()
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
        guard let sources = folders.sources, let translations = folders.translations else { return }
        // The pages read as tolk check reads them, none kept: pair only answers.
        let paired = try PairedPages(
            sources: sources, translations: translations, sourceLanguage: languages.sourceLang, targetLanguage: languages.targetLang,
            keeping: 0, reader: reading.reader)
        write(paired.pairs)
        try paired.requireAllRead()
    }

    private func write(_ results: [PairingResult]) {
        let out = StandardOutput.shared
        switch format {
        case .jsonl:
            let encoder = JSONLine.encoder()
            for result in results { out.write(JSONLine.text(result, encoder)) }
        case .tsv:
            out.write("translation\tsource\tscore\tmethod\tevidence\n")
            for result in results { out.write(result.tsvRow + "\n") }
        }
        out.flush()
    }
}
