/// One problem found in a file: the single result model of tolk's checks (glossary, lint), with one
/// text form here and machine forms (JSON, SARIF) built from the same fields.
public struct Finding: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable, CaseIterable {
        case note, warning, error
    }

    /// The rule's stable id, e.g. `glossary-forbidden`.
    public var rule: String
    public var severity: Severity
    public var message: String
    public var path: String
    /// 1-based start and end (exclusive) positions; columns count Unicode scalars.
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// The text the finding is about.
    public var match: String?
    /// What to write instead.
    public var suggestion: String?
    /// The glossary concept involved.
    public var concept: String?
    /// UTF-8 byte offsets in the file: the first byte and just past the last (with a lossy read,
    /// in the repaired text; for a document made from a string, in that string).
    public var byteStart: Int?
    public var byteEnd: Int?
    /// The start and end columns in UTF-16 code units (SARIF's unit, and most editors').
    public var utf16Column: Int?
    public var utf16EndColumn: Int?
    /// A digest of the start line's text, trimmed: tells the place apart from others across edits
    /// elsewhere in the file (SARIF's partial fingerprints), where a line number would not.
    public var lineDigest: String?

    /// The JSON keys, in snake case (spelled out: no key conversion per finding).
    enum CodingKeys: String, CodingKey {
        case rule, severity, message, path, line, column, match, suggestion, concept
        case endLine = "end_line", endColumn = "end_column", byteStart = "byte_start", byteEnd = "byte_end"
        case utf16Column = "utf16_column", utf16EndColumn = "utf16_end_column", lineDigest = "line_digest"
    }

    public init(
        rule: String, severity: Severity, message: String, path: String, start: TextPosition, end: TextPosition, match: String? = nil,
        suggestion: String? = nil, concept: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.path = path
        line = start.line
        column = start.column
        endLine = end.line
        endColumn = end.column
        self.match = match
        self.suggestion = suggestion
        self.concept = concept
    }

    /// A finding at `range` (byte offsets into `document.bytes`): lines, columns in scalars and
    /// UTF-16 code units, byte offsets in the file and the line's digest all come from the document,
    /// so no reporter reads the file again. `match` defaults to the text of `range`.
    public init(
        rule: String, severity: Severity, message: String, in document: Document, range: Range<Int>, match: String? = nil,
        suggestion: String? = nil, concept: String? = nil
    ) {
        self.init(
            rule: rule, severity: severity, message: message, path: document.name, start: document.position(at: range.lowerBound),
            end: document.position(at: range.upperBound), match: match ?? document.text(range), suggestion: suggestion,
            concept: concept)
        byteStart = document.origin.byteOffset + range.lowerBound
        byteEnd = document.origin.byteOffset + range.upperBound
        utf16Column = document.utf16Column(at: range.lowerBound, scalarColumn: column)
        utf16EndColumn = document.utf16Column(at: range.upperBound, scalarColumn: endColumn)
        lineDigest = document.lineDigest(at: range.lowerBound)
    }

    /// `path:line:col: severity: message [rule]`, then the suggestion on its own line.
    public var text: String {
        var text = "\(path):\(line):\(column): \(severity.rawValue): \(message) [\(rule)]".withVisibleControls
        if let suggestion { text += "\n  suggestion: \(suggestion.withVisibleControls)" }
        return text
    }

    /// Orders findings by file, then place, then rule.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        (a.path, a.line, a.column, a.rule) < (b.path, b.line, b.column, b.rule)
    }
}
