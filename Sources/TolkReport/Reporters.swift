import Foundation
import TolkLint
import TolkText

/// The output formats of findings. One result model (`Finding`), four forms.
public enum FindingFormat: String, Sendable, CaseIterable {
    /// `path:line:col: severity: message [rule]`, then the suggestion.
    case text
    /// One JSON object per finding per line: rule, severity, message, path, line, column,
    /// end_line, end_column, match, suggestion, concept (keys sorted; columns count Unicode scalars).
    case json
    /// SARIF 2.1.0 for code scanning (columns in UTF-16 code units, as stated in `columnKind`).
    case sarif
    /// GitHub Actions workflow annotations (`::error file=...,line=...::message`).
    case github
}

public enum FindingReporter {
    /// The findings in `format`.
    public static func render(_ findings: [Finding], format: FindingFormat, rules: [Rule] = Rule.all, toolVersion: String) throws
        -> String
    {
        switch format {
        case .text:
            return try inChunks(findings) { $0.map { $0.text + "\n" }.joined() }
        case .json:
            return try inChunks(findings) { chunk in
                let encoder = JSONLine.encoder(snakeCaseKeys: false)  // a finding's keys are snake case already
                return try chunk.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
            }
        case .github:
            return try inChunks(findings) { $0.map(githubAnnotation).joined() }
        case .sarif:
            return try SARIF.render(findings, rules: rules, toolVersion: toolVersion)
        }
    }

    /// `render` applied to consecutive chunks of `findings` on all cores, joined in order: the
    /// lines of many findings are written at the end of a run, when the other cores are idle.
    private static func inChunks(_ findings: [Finding], _ render: (ArraySlice<Finding>) throws -> String) throws -> String {
        let chunkSize = 1_000
        guard findings.count > chunkSize else { return try render(findings[...]) }
        let chunks = stride(from: 0, to: findings.count, by: chunkSize).map { findings[$0..<min($0 + chunkSize, findings.count)] }
        // `render` only throws if encoding a finding fails; the first failure is rethrown.
        var parts: [Result<String, Error>] = []
        withoutActuallyEscaping(render) { render in
            parts = Parallel.map(chunks.count, makeWorker: { () }) { _, k in try render(chunks[k]) }
        }
        return try parts.map { try $0.get() }.joined()
    }

    static func githubAnnotation(_ finding: Finding) -> String {
        func property(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(
                of: "\n", with: "%0A"
            )
            .replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        func message(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(
                of: "\n", with: "%0A")
        }
        let level = finding.severity == .note ? "notice" : finding.severity.rawValue
        var text = finding.message
        if let suggestion = finding.suggestion { text += " (suggestion: \(suggestion))" }
        return
            "::\(level) file=\(property(finding.path)),line=\(finding.line),col=\(finding.column),endLine=\(finding.endLine),endColumn=\(finding.endColumn),title=\(property(finding.rule))::\(message(text))\n"
    }
}

/// SARIF 2.1.0 output: every rule that can run listed in `tool.driver.rules`, stable rule ids,
/// 1-based lines and columns, columns in UTF-16 code units.
enum SARIF {
    static func render(_ findings: [Finding], rules: [Rule], toolVersion: String) throws -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let driverRules = rules.map { rule in
            Log.Rule(
                id: rule.id, name: rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
                shortDescription: Log.Text(text: rule.summary), fullDescription: Log.Text(text: rule.rationale),
                defaultConfiguration: Log.Configuration(level: level(rule.defaultSeverity), enabled: rule.defaultSeverity != nil),
                help: Log.Text(text: "\(rule.summary) \(rule.rationale)"))
        }
        // Fingerprints that survive edits elsewhere in the file: rule, concept or match, and the
        // digest of the line's text (not its number); an ordinal tells identical ones on identical lines apart.
        var seenFingerprints: [String: Int] = [:]
        func fingerprint(_ finding: Finding) -> String {
            let base = "\(finding.rule):\(finding.concept ?? finding.match ?? ""):\(finding.lineDigest ?? Document.digest(""))"
            let ordinal = seenFingerprints["\(finding.path)\u{0}\(base)", default: 0] + 1
            seenFingerprints["\(finding.path)\u{0}\(base)"] = ordinal
            return "\(base):\(ordinal)"
        }
        let results = findings.map { finding in
            let region = Log.Region(
                startLine: finding.line, startColumn: finding.utf16Column ?? finding.column,
                endLine: finding.endLine, endColumn: finding.utf16EndColumn ?? finding.endColumn,
                snippet: Log.Text(text: finding.match ?? ""))
            return Log.Result(
                ruleId: finding.rule, ruleIndex: ruleIndex[finding.rule], level: level(finding.severity),
                message: Log.Text(text: finding.message),
                locations: [
                    Log.Location(
                        physicalLocation: Log.PhysicalLocation(artifactLocation: Log.Artifact(uri: uri(finding.path)), region: region))
                ],
                partialFingerprints: ["tolkFinding/v2": fingerprint(finding)],
                properties: finding.suggestion.map { ["suggestion": $0] })
        }
        let log = Log(
            runs: [
                Log.Run(
                    tool: Log.Tool(
                        driver: Log.Driver(
                            name: "tolk", version: toolVersion, rules: driverRules)),
                    results: results)
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
    }

    /// The parts of a SARIF 2.1.0 log that tolk writes.
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }

        struct Run: Encodable {
            var tool: Tool
            var columnKind = "utf16CodeUnits"
            var results: [Result]
        }
        struct Tool: Encodable { var driver: Driver }
        struct Driver: Encodable {
            var name: String
            var version: String
            var rules: [Rule]
        }
        struct Rule: Encodable {
            var id: String
            var name: String
            var shortDescription: Text
            var fullDescription: Text
            var defaultConfiguration: Configuration
            var help: Text
        }
        struct Configuration: Encodable {
            var level: String
            var enabled: Bool
        }
        struct Text: Encodable { var text: String }
        struct Result: Encodable {
            var ruleId: String
            var ruleIndex: Int?
            var level: String
            var message: Text
            var locations: [Location]
            var partialFingerprints: [String: String]
            var properties: [String: String]?
        }
        struct Location: Encodable { var physicalLocation: PhysicalLocation }
        struct PhysicalLocation: Encodable {
            var artifactLocation: Artifact
            var region: Region
        }
        struct Artifact: Encodable { var uri: String }
        struct Region: Encodable {
            var startLine: Int
            var startColumn: Int
            var endLine: Int
            var endColumn: Int
            var snippet: Text
        }
    }

    static func level(_ severity: Finding.Severity?) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note, nil: "note"
        }
    }

    /// A relative path as a URI reference (percent-encoded, forward slashes).
    static func uri(_ path: String) -> String {
        var relative = path
        if relative.hasPrefix("./") { relative.removeFirst(2) }
        return relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
    }
}

/// A baseline: findings an archive already has, so that only new ones fail. Entries match by rule,
/// path and matched text (not line, so edits above a finding do not revive it).
public struct Baseline: Codable, Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public let rule: String
        public let path: String
        public let match: String
    }

    public var version = 1
    public var findings: [Entry]

    public init(_ findings: [Finding]) {
        self.findings = findings.map { Entry(rule: $0.rule, path: $0.path, match: $0.match ?? "") }
    }

    /// The findings not in the baseline (each entry absorbs one finding).
    public func filter(_ findings: [Finding]) -> [Finding] {
        var remaining: [Entry: Int] = [:]
        for entry in self.findings { remaining[entry, default: 0] += 1 }
        return findings.filter { finding in
            let key = Entry(rule: finding.rule, path: finding.path, match: finding.match ?? "")
            guard let count = remaining[key], count > 0 else { return true }
            remaining[key] = count - 1
            return false
        }
    }

    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// Inline suppression in Markdown and HTML: `<!-- tolk-disable-next-line [rule ...] -->` silences
/// the next line, `<!-- tolk-disable-file [rule ...] -->` the whole file (all rules when none named).
public enum InlineSuppression {
    /// - Throws: `TextInputError.malformed` for a directive naming a rule tolk does not have (a
    ///   typo would otherwise suppress nothing, silently).
    public static func filter(_ findings: [Finding], in document: Document) throws -> [Finding] {
        var nextLine: [Int: Set<String>?] = [:]
        var wholeFile: Set<String>?? = nil
        for range in document.lineRanges {
            let line = document.text(range)
            guard let open = line.firstRange(of: "<!--"), let close = line[open.upperBound...].firstRange(of: "-->") else { continue }
            let words = line[open.upperBound..<close.lowerBound].split(separator: " ").map(String.init)
            guard let directive = words.first else { continue }
            guard directive == "tolk-disable-next-line" || directive == "tolk-disable-file" else { continue }
            let rules: Set<String>? = words.count > 1 ? Set(words.dropFirst()) : nil
            let lineNumber = document.position(at: range.lowerBound).line
            if let unknown = rules?.sorted().first(where: { Rule.named($0) == nil }) {
                throw TextInputError.malformed(
                    source: document.name, line: lineNumber, reason: "unknown rule '\(unknown)' in \(directive) (see tolk rules)")
            }
            if directive == "tolk-disable-next-line" { nextLine[lineNumber + 1] = .some(rules) }
            if directive == "tolk-disable-file" { wholeFile = .some(rules) }
        }
        return findings.filter { finding in
            guard finding.path == document.name else { return true }
            if let fileRules = wholeFile, fileRules == nil || fileRules!.contains(finding.rule) { return false }
            if let lineRules = nextLine[finding.line], lineRules == nil || lineRules!.contains(finding.rule) { return false }
            return true
        }
    }
}
