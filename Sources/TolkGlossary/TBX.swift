import TolkText

/// Reads TBX v3 (ISO 30042:2019; TBX-Basic, DCA and DCT styles) and TBX v2 (`martif`, `termEntry`,
/// `tig`/`ntig`); writes TBX v3 TBX-Basic in DCA style.
///
/// tolk's own data categories: `conceptType` (person, title, organisation, place, term) and
/// `doNotTranslate` on a concept, `inflectedForms` (forms separated by `|`) on a term; read as
/// tolk notes (`<note>tolk conceptType: person</note>`, what `write` gives), as
/// `<descrip type="…">`/`<admin type="…">`/`<termNote type="…">` in DCA style or elements in DCT style.
public enum TBX {
    public static func read(_ document: Document) throws(GlossaryError) -> Glossary {
        let root: XMLElement
        do { root = try XMLReader.parse(document) } catch { throw .xml(error) }
        guard root.localName == "tbx" || root.localName == "martif" else {
            throw .invalid(source: document.name, position: root.position, message: "root element <\(root.name)> is not <tbx> or <martif>")
        }
        var concepts: [Concept] = []
        var positions: [String: TextPosition] = [:]
        var conceptElements: [XMLElement] = []
        func collect(_ element: XMLElement) {
            for child in element.elements() {
                if child.localName == "conceptEntry" || child.localName == "termEntry" {
                    conceptElements.append(child)
                } else {
                    collect(child)
                }
            }
        }
        collect(root)
        for entry in conceptElements {
            let (concept, termPositions) = try concept(entry, source: document.name)
            positions[concept.id] = entry.position
            for (term, position) in zip(concept.terms, termPositions) { positions[Glossary.key(concept: concept, term: term)] = position }
            concepts.append(concept)
        }
        return Glossary(concepts: concepts, source: document.name, positions: positions)
    }

    /// The value of a data category on `element`: `<x type="name">value</x>` (DCA) or `<prefix:name>value</prefix:name>` (DCT).
    private static func category(_ name: String, in element: XMLElement) -> XMLElement? {
        element.elements().first { $0.attribute("type") == name || $0.localName == Substring(name) }
    }

    /// An element's notes, each text read once: tolk's categories (`tolk conceptType: person`) and
    /// the first other note.
    private struct Notes {
        var tool: [ToolNote.Category: (value: String, position: TextPosition)] = [:]
        var plain: String?

        init(of element: XMLElement) {
            for note in element.elements("note") {
                let text = note.text
                if let (category, value) = ToolNote.parse(text) {
                    if tool[category] == nil { tool[category] = (value, note.position) }
                } else if plain == nil {
                    plain = text
                }
            }
        }

        /// The value of one of tolk's own categories: as a TBX element (`<descrip
        /// type="conceptType">`, as tolk wrote them before) or as a tolk note.
        func value(_ category: ToolNote.Category, in element: XMLElement) -> (value: String, position: TextPosition)? {
            if let found = TBX.category(category.rawValue, in: element) { return (found.text, found.position) }
            return tool[category]
        }
    }

    private static func concept(_ entry: XMLElement, source: String) throws(GlossaryError) -> (Concept, [TextPosition]) {
        let id = entry.attribute("id") ?? "line\(entry.position.line)"
        var kind: Concept.Kind? = nil
        let notes = Notes(of: entry)
        if let type = notes.value(.conceptType, in: entry) {
            guard let parsed = Concept.Kind(rawValue: type.value.lowercased()) else {
                throw .invalid(
                    source: source, position: type.position,
                    message: "unknown conceptType '\(type.value)' (person, title, organisation, place, term)")
            }
            kind = parsed
        }
        let doNotTranslate = notes.value(.doNotTranslate, in: entry).map { ["yes", "true", "1"].contains($0.value.lowercased()) } ?? false
        let note = notes.plain ?? category("definition", in: entry)?.text
        var terms: [Term] = []
        var termPositions: [TextPosition] = []
        var properNoun = false
        for languageSection in entry.elements() where languageSection.localName == "langSec" || languageSection.localName == "langSet" {
            guard let language = languageSection.attribute("xml:lang") ?? languageSection.attribute("lang") else {
                throw .invalid(source: source, position: languageSection.position, message: "<\(languageSection.name)> without xml:lang")
            }
            for termSection in languageSection.elements() where ["termSec", "tig", "ntig"].contains(termSection.localName) {
                terms.append(try term(termSection, language: language, source: source))
                termPositions.append(termSection.position)
                let holder = termSection.localName == "ntig" ? (termSection.elements("termGrp").first ?? termSection) : termSection
                if category("partOfSpeech", in: holder)?.text.lowercased() == "propernoun" { properNoun = true }
            }
        }
        let resolved = kind ?? Concept.inferredKind(of: terms, properNoun: properNoun)
        return (Concept(id: id, kind: resolved, note: note, doNotTranslate: doNotTranslate, terms: terms), termPositions)
    }

    private static func term(_ section: XMLElement, language: String, source: String) throws(GlossaryError) -> Term {
        // `ntig` wraps its term and notes in a `termGrp`.
        let holder = section.localName == "ntig" ? (section.elements("termGrp").first ?? section) : section
        guard let termElement = holder.elements("term").first else {
            throw .invalid(source: source, position: section.position, message: "<\(section.name)> without <term>")
        }
        var status = Term.Status.preferred
        if let statusElement = category("administrativeStatus", in: holder) ?? category("normativeAuthorization", in: holder) {
            guard let parsed = Term.Status(lenient: statusElement.text) else {
                throw .invalid(
                    source: source, position: statusElement.position,
                    message:
                        "unknown administrative status '\(statusElement.text)' (preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts)"
                )
            }
            status = parsed
        }
        let notes = Notes(of: holder)
        let forms = notes.value(.inflectedForms, in: holder).map { $0.value.split(separator: "|").map { $0.trimmed() } } ?? []
        let note = notes.plain
        return Term(language: language, text: termElement.text, status: status, forms: forms.filter { !$0.isEmpty }, note: note)
    }

    /// TBX v3, TBX-Basic, DCA style: only TBX-Basic's data categories. tolk's own categories
    /// travel as notes that other tools show as text and tolk reads back (`tolk conceptType:
    /// person`, `tolk doNotTranslate: yes`, `tolk inflectedForms: Lams|Lam`); names are marked
    /// `partOfSpeech` `properNoun`. Language tags are written in BCP 47 form (`vi_VN` -> `vi-VN`).
    /// - Throws: `GlossaryError.invalid` for a language tag that is not BCP 47.
    public static func write(_ glossary: Glossary, sourceLanguage: String? = nil) throws(GlossaryError) -> String {
        let e = XMLWriter.escape
        /// `language` in BCP 47 form; the error names the place of the term (`at`) that has it.
        func tag(_ language: String, at key: String? = nil) throws(GlossaryError) -> String {
            guard let tag = LanguageTag.canonical(language) else {
                throw .invalid(
                    source: glossary.source ?? "the glossary",
                    position: key.flatMap { glossary.positions[$0] } ?? TextPosition(line: 1, column: 1),
                    message: "'\(language)' is not a BCP 47 language tag (such as vi, nb or vi-VN)")
            }
            return tag
        }
        var out = ""
        for concept in glossary.concepts {
            out += "      <conceptEntry id=\"\(e(concept.id))\">\n"
            if let note = concept.note { out += "        <note>\(e(note))</note>\n" }
            out += "        <note>\(ToolNote.text(.conceptType, concept.kind.rawValue))</note>\n"
            if concept.doNotTranslate { out += "        <note>\(ToolNote.text(.doNotTranslate, "yes"))</note>\n" }
            let isName = [.person, .place, .organisation].contains(concept.kind)
            // One language section per tag (`vi_VN` and `vi-VN` are one language).
            var tags: [String] = []
            for term in concept.terms {
                let tag = try tag(term.language, at: Glossary.key(concept: concept, term: term))
                if !tags.contains(tag) { tags.append(tag) }
            }
            for language in tags {
                out += "        <langSec xml:lang=\"\(e(language))\">\n"
                for term in concept.terms where LanguageTag.canonical(term.language) == language {
                    out += "          <termSec>\n"
                    out += "            <term>\(e(term.text))</term>\n"
                    if isName { out += "            <termNote type=\"partOfSpeech\">properNoun</termNote>\n" }
                    out += "            <termNote type=\"administrativeStatus\">\(term.status.tbxValue)</termNote>\n"
                    if let note = term.note { out += "            <note>\(e(note))</note>\n" }
                    if !term.forms.isEmpty {
                        out += "            <note>\(e(ToolNote.text(.inflectedForms, term.forms.joined(separator: "|"))))</note>\n"
                    }
                    out += "          </termSec>\n"
                }
                out += "        </langSec>\n"
            }
            out += "      </conceptEntry>\n"
        }
        // The header's tag after the terms': a bad term tag is reported at its term.
        let header = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="\(e(try tag(sourceLanguage ?? glossary.languages.first ?? "und")))" xmlns="urn:iso:std:iso:30042:ed-2">
              <tbxHeader>
                <fileDesc>
                  <sourceDesc>
                    <p>Written by tolk</p>
                  </sourceDesc>
                </fileDesc>
              </tbxHeader>
              <text>
                <body>

            """
        return header + out + "    </body>\n  </text>\n</tbx>\n"
    }
}

/// tolk's data categories carried in TBX-Basic `<note>` elements: `tolk conceptType: person`.
enum ToolNote {
    enum Category: String, CaseIterable {
        case conceptType, doNotTranslate, inflectedForms
    }

    static func text(_ category: Category, _ value: String) -> String { "tolk \(category.rawValue): \(value)" }

    /// The category and value of a tolk note, or nil for any other note.
    static func parse(_ text: String) -> (Category, String)? {
        guard text.hasPrefix("tolk "), let colon = text.firstIndex(of: ":"),
            let category = Category(rawValue: String(text[text.index(text.startIndex, offsetBy: 5)..<colon]))
        else { return nil }
        return (category, text[text.index(after: colon)...].trimmed())
    }
}
