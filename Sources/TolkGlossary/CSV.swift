import TolkText

/// Glossaries as CSV (RFC 4180, UTF-8 with or without BOM, header row), one row per term:
///
/// `concept_id,type,language,term,status,forms,do_not_translate,note`
///
/// `type`, `do_not_translate` and `note` describe the concept and are read from its first row
/// (later rows may leave them empty); `status` is preferred, admitted or forbidden (TBX values and
/// common words are accepted); `forms` are extra inflected forms separated by `|`.
///
/// Also two-column exports of ordinary term bases: a header naming the two languages (`vi,nb`,
/// `vi-VN;nb-NO`), then a source and a target term per row, each row a concept (its kind inferred
/// from the terms). The separator, `,`, `;` or tab, is the one the header line uses.
public enum GlossaryCSV {
    public static let header = ["concept_id", "type", "language", "term", "status", "forms", "do_not_translate", "note"]

    public static func read(_ document: Document) throws(GlossaryError) -> Glossary {
        let rows = try records(document, separator: separator(of: document))
        guard let first = rows.first else {
            throw .invalid(source: document.name, position: TextPosition(line: 1, column: 1), message: "empty CSV")
        }
        let columns = first.fields.map { $0.lowercased().trimmed() }
        if columns.count == 2, columns.allSatisfy(isLanguageTag) { return try twoColumns(rows, document: document) }
        for required in ["concept_id", "language", "term"] where !columns.contains(required) {
            throw .invalid(
                source: document.name, position: first.position,
                message: "the header has no '\(required)' column (expected \(header.joined(separator: ",")))")
        }
        func value(_ row: Record, _ column: String) -> String {
            guard let index = columns.firstIndex(of: column), index < row.fields.count else { return "" }
            return row.fields[index].trimmed()
        }
        var concepts: [Concept] = []
        var positions: [String: TextPosition] = [:]
        var indexByID: [String: Int] = [:]
        var untyped = Set<String>()
        for row in rows.dropFirst() where !row.fields.allSatisfy({ $0.trimmed().isEmpty }) {
            let id = value(row, "concept_id")
            let text = value(row, "term")
            let language = value(row, "language")
            guard !id.isEmpty, !language.isEmpty else {
                throw .invalid(source: document.name, position: row.position, message: "a row needs concept_id and language")
            }
            guard let status = Term.Status(lenient: value(row, "status")) else {
                throw .invalid(
                    source: document.name, position: row.position,
                    message: "unknown status '\(value(row, "status"))' (preferred, admitted, forbidden)")
            }
            let forms = value(row, "forms").split(separator: "|").map { $0.trimmed() }.filter { !$0.isEmpty }
            let term = Term(language: language, text: text, status: status, forms: forms)
            if let index = indexByID[id] {
                concepts[index].terms.append(term)
                positions[Glossary.key(concept: concepts[index], term: term)] = row.position
                continue
            }
            let typeText = value(row, "type").lowercased()
            guard let kind = typeText.isEmpty ? .term : Concept.Kind(rawValue: typeText) else {
                throw .invalid(
                    source: document.name, position: row.position,
                    message: "unknown type '\(typeText)' (person, title, organisation, place, term)")
            }
            if typeText.isEmpty { untyped.insert(id) }
            let note = value(row, "note")
            indexByID[id] = concepts.count
            let concept = Concept(
                id: id, kind: kind, note: note.isEmpty ? nil : note,
                doNotTranslate: ["yes", "true", "1"].contains(value(row, "do_not_translate").lowercased()), terms: [term])
            positions[id] = row.position
            positions[Glossary.key(concept: concept, term: term)] = row.position
            concepts.append(concept)
        }
        for index in concepts.indices where untyped.contains(concepts[index].id) {
            concepts[index].kind = Concept.inferredKind(of: concepts[index].terms, properNoun: false)
        }
        return Glossary(concepts: concepts, source: document.name, positions: positions)
    }

    public static func write(_ glossary: Glossary) -> String {
        var out = header.joined(separator: ",") + "\n"
        for concept in glossary.concepts {
            for (index, term) in concept.terms.enumerated() {
                let first = index == 0
                let fields = [
                    concept.id, first ? concept.kind.rawValue : "", term.language, term.text, term.status.rawValue,
                    term.forms.joined(separator: "|"),
                    first && concept.doNotTranslate ? "yes" : "", first ? concept.note ?? "" : "",
                ]
                out += fields.map(quote).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    private static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    struct Record {
        var fields: [String]
        var position: TextPosition
    }

    /// The separator the header line uses: a tab, else `;`, else `,`.
    static func separator(of document: Document) -> UInt8 {
        let header = document.bytes.prefix { $0 != 0x0A && $0 != 0x0D }
        return header.contains(0x09) ? 0x09 : header.contains(UInt8(ascii: ";")) ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// A header cell that names a language: `vi`, `nb-NO`, `nob` (two or three letters, a region
    /// or script after `-` or `_`).
    private static func isLanguageTag(_ cell: String) -> Bool {
        let parts = cell.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let primary = parts.first, (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// A two-column export: each row a concept with one preferred term per language.
    private static func twoColumns(_ rows: [Record], document: Document) throws(GlossaryError) -> Glossary {
        let languages = rows[0].fields.map { $0.trimmed() }
        var concepts: [Concept] = []
        var positions: [String: TextPosition] = [:]
        for row in rows.dropFirst() where !row.fields.allSatisfy({ $0.trimmed().isEmpty }) {
            guard row.fields.count == 2, row.fields.allSatisfy({ !$0.trimmed().isEmpty }) else {
                throw .invalid(
                    source: document.name, position: row.position,
                    message: "expected two terms (\(languages.joined(separator: ", "))), found \(row.fields.count) fields")
            }
            let terms = zip(languages, row.fields).map { Term(language: $0, text: $1.trimmed(), status: .preferred, forms: []) }
            let concept = Concept(
                id: "line\(row.position.line)", kind: Concept.inferredKind(of: terms, properNoun: false), terms: terms)
            positions[concept.id] = row.position
            for term in terms { positions[Glossary.key(concept: concept, term: term)] = row.position }
            concepts.append(concept)
        }
        return Glossary(concepts: concepts, source: document.name, positions: positions)
    }

    /// RFC 4180 records; quoted fields may hold the separator, quotes ("") and line breaks.
    static func records(_ document: Document, separator: UInt8 = UInt8(ascii: ",")) throws(GlossaryError) -> [Record] {
        let bytes = document.bytes
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var recordStart = 0
        var i = 0
        var quoted = false
        var fieldWasQuoted = false
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord(next: Int) {
            endField()
            records.append(Record(fields: fields, position: document.position(at: recordStart)))
            fields = []
            recordStart = next
        }
        while i < bytes.count {
            let byte = bytes[i]
            if quoted {
                if byte == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == 0x22 {
                guard field.isEmpty, !fieldWasQuoted else {
                    throw .invalid(source: document.name, position: document.position(at: i), message: "a quote inside an unquoted field")
                }
                quoted = true
                fieldWasQuoted = true
            } else if byte == separator {
                endField()
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                endRecord(next: i + 1)
            } else {
                field.append(byte)
            }
            i += 1
        }
        if quoted {
            throw .invalid(source: document.name, position: document.position(at: recordStart), message: "unterminated quoted field")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord(next: bytes.count) }
        return records
    }
}

extension Glossary {
    /// Reads a `.tbx` or `.csv` glossary (by extension, else by content).
    public static func read(_ document: Document) throws(GlossaryError) -> Glossary {
        let name = document.name.lowercased()
        if name.hasSuffix(".csv") { return try GlossaryCSV.read(document) }
        if name.hasSuffix(".tbx") || name.hasSuffix(".xml") || document.bytes.first == UInt8(ascii: "<") { return try TBX.read(document) }
        throw .unknownFormat(source: document.name)
    }
}
