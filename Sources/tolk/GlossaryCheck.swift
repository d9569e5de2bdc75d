import ArgumentParser
import Foundation
import TolkArticle
import TolkGlossary
import TolkLint
import TolkReport
import TolkText

/// Translations to check, each with its source when one is known.
struct CheckTarget {
    let translation: String
    let source: String?

    /// Markdown or HTML: pages whose inline comments can suppress findings.
    var isMarkup: Bool { [".md", ".html", ".htm"].contains { translation.hasSuffix($0) } }

    /// Files as given; a folder in the corpus layout gives its `<target>.txt` files with their `<source>.txt`.
    static func collect(_ paths: [String], source: String?, sourceLanguage: String, targetLanguage: String) throws -> [CheckTarget] {
        var targets: [CheckTarget] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let pages = try PageFiles.list(path, language: targetLanguage).filter { $0.language == targetLanguage }
                if pages.isEmpty { throw PageFiles.noPages(in: path, language: targetLanguage) }
                for file in pages {
                    let sibling = ((file.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
                        "\(sourceLanguage).txt")
                    targets.append(
                        CheckTarget(translation: file.path, source: FileManager.default.fileExists(atPath: sibling) ? sibling : nil))
                }
            } else {
                targets.append(CheckTarget(translation: path, source: source))
            }
        }
        if source != nil, targets.count != 1 { throw ValidationError("--source goes with exactly one translation file") }
        return targets
    }
}

/// The two formats of the glossary commands (text or JSON lines), written by the shared reporters.
enum FindingOutput: String, ExpressibleByArgument, CaseIterable {
    case text, json

    func write(_ findings: [Finding], to out: StandardOutput) throws {
        out.write(try FindingReporter.render(findings, format: self == .text ? .text : .json, toolVersion: Tolk.version))
    }
}

extension GlossaryCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check translations against a glossary: forbidden renderings, mangled names, missing terms, inconsistency, case.",
            discussion: "Exit codes: 0 no errors (warnings too with --strict), 1 findings that fail, 2 usage or input errors.")

        @Option(help: "The glossary (.tbx or .csv).")
        var glossary: String
        @Option(help: "The source article of the (single) translation, for missing-term checks.")
        var source: String?
        @OptionGroup var languages: LanguagePair
        @OptionGroup var reading: PageReading
        @Option(help: "text or json (one finding per line).")
        var format: FindingOutput = .text
        @Flag(help: "Warnings fail too (exit 1).")
        var strict = false
        @Argument(help: "Translation files, or corpus folders (<target>.txt checked against <source>.txt beside it).")
        var translations: [String]

        func run() throws {
            let (sourceLang, targetLang) = (languages.sourceLang, languages.targetLang)
            let targets = try CheckTarget.collect(translations, source: source, sourceLanguage: sourceLang, targetLanguage: targetLang)
            let loaded = try GlossaryCommand.load(glossary)
            // Lint with the glossary rules only: the same checks, severities and alignment as tolk lint.
            var configuration = LintConfiguration()
            (configuration.sourceLanguage, configuration.targetLanguage) = (sourceLang, targetLang)
            for rule in Rule.all where !rule.needsGlossary { configuration.rules[rule.id] = "off" }
            let reading = self.reading
            let outcomes = Parallel.map(targets.count, makeWorker: { try Linter(configuration: configuration, glossary: loaded) }) {
                linter, k in
                let target = targets[k]
                let translation = try reading.reader(target.translation).readDocument()
                let source = try target.source.map { try reading.reader($0).readDocument() }
                return try linter.lint(translation: translation, source: source, markdown: target.translation.hasSuffix(".md"))
            }
            let results = try outcomes.map { try $0.get() }
            let findings =
                results.flatMap(\.findings)
                + Linter.corpusFindings(
                    results.compactMap(\.glossary).flatMap(GlossaryChecker.renderings(of:)), pages: results.count, configuration)
            try format.write(findings, to: StandardOutput.shared)
            StandardOutput.shared.flush()
            let errors = findings.filter { $0.severity == .error }.count
            FileHandleOutput.standardError.write("\(errors) errors, \(findings.count - errors) warnings in \(targets.count) files\n")
            if errors > 0 || (strict && !findings.isEmpty) { throw ExitCode(1) }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract:
                "Report how a corpus renders each glossary concept: renderings with counts and places, concepts never seen, look-alikes not in the glossary."
        )

        @Option(help: "The glossary (.tbx or .csv).")
        var glossary: String
        @OptionGroup var languages: LanguagePair
        @OptionGroup var reading: PageReading
        @Option(help: "text or json.")
        var format: FindingOutput = .text
        @Argument(help: "Corpus folders or translation files.")
        var corpus: [String]

        func run() throws {
            let (sourceLang, targetLang) = (languages.sourceLang, languages.targetLang)
            let loaded = try GlossaryCommand.load(glossary)
            let targets = try CheckTarget.collect(corpus, source: nil, sourceLanguage: sourceLang, targetLanguage: targetLang)
            let results = try Parallel.map(
                targets.count, makeWorker: { try GlossaryChecker(glossary: loaded, targetLanguage: targetLang, sourceLanguage: sourceLang) }
            ) {
                checker, k in try checker.check(translation: try reading.reader(targets[k].translation).readDocument())
            }.map { try $0.get() }
            let report = try GlossaryReport.build(glossary: loaded, language: targetLang, results: results)
            let out = StandardOutput.shared
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
                out.write(String(decoding: try encoder.encode(ReportJSON(report)), as: UTF8.self) + "\n")
            case .text:
                out.write("Concepts found (\(report.used.count) of \(report.used.count + report.unseen.count)):\n")
                for usage in report.used {
                    out.write("  \(usage.concept)\n")
                    for rendering in usage.renderings {
                        let places =
                            rendering.places.prefix(5).map(\.description).joined(separator: ", ")
                            + (rendering.places.count > 5 ? ", ..." : "")
                        out.write(
                            "    \(rendering.status == .forbidden ? "FORBIDDEN " : "")'\(rendering.term)' ×\(rendering.places.count): \(places)\n"
                        )
                    }
                }
                out.write("Never seen (\(report.unseen.count)): \(report.unseen.joined(separator: ", "))\n")
                out.write("Look-alikes not in the glossary (\(report.candidates.count)):\n")
                for candidate in report.candidates {
                    out.write(
                        "  '\(candidate.text)' resembles '\(candidate.resembles)' (\(candidate.concept)): \(candidate.places.map(\.description).joined(separator: ", "))\n"
                    )
                }
            }
            out.flush()
        }
    }
}

/// The JSON form of a glossary report.
struct ReportJSON: Encodable {
    let used: [GlossaryReport.ConceptUsage]
    let unseen: [String]
    let candidates: [GlossaryReport.Candidate]

    init(_ report: GlossaryReport) {
        used = report.used
        unseen = report.unseen
        candidates = report.candidates
    }
}
