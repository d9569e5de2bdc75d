import Foundation
import TolkAlign
import TolkArticle
import TolkGlossary
import TolkLint
import TolkText

/// One checked article pair, as the HTML report shows it.
public struct ReportedPair: Sendable {
    public let id: String
    public let source: Document?
    public let translation: Document
    public let sourceUnits: [ArticleElement]
    public let translationUnits: [ArticleElement]
    public let beads: [Bead]
    public let findings: [Finding]
    /// Term occurrences, in text order.
    public let sourceTerms: [TermOccurrence]
    public let translationTerms: [TermOccurrence]
    public let sourceLanguage: String
    public let targetLanguage: String

    public init(
        id: String, source: Document?, translation: Document, sourceUnits: [ArticleElement], translationUnits: [ArticleElement],
        beads: [Bead],
        findings: [Finding], sourceTerms: [TermOccurrence], translationTerms: [TermOccurrence], sourceLanguage: String,
        targetLanguage: String
    ) {
        self.id = id
        self.source = source
        self.translation = translation
        self.sourceUnits = sourceUnits
        self.translationUnits = translationUnits
        self.beads = beads
        self.findings = findings
        self.sourceTerms = sourceTerms.sorted { $0.range.lowerBound < $1.range.lowerBound }
        self.translationTerms = translationTerms.sorted { $0.range.lowerBound < $1.range.lowerBound }
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    /// The id of the pair of the translation at `path`: its folder and file name
    /// (`vietnamplus-1080302-nb`).
    public static func id(path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().pathComponents.suffix(2).joined(separator: "-")
    }

    /// The pair as its analysis holds it.
    public init(id: String, analysis: PairAnalysis, sourceLanguage: String, targetLanguage: String) {
        self.init(
            id: id, source: analysis.source, translation: analysis.translation, sourceUnits: analysis.sourceUnits,
            translationUnits: analysis.translationUnits, beads: analysis.beads, findings: analysis.findings,
            sourceTerms: analysis.glossary?.sourceOccurrences ?? [], translationTerms: analysis.glossary?.occurrences ?? [],
            sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    /// The share of beads that pair one paragraph with one paragraph.
    public var alignmentQuality: Double {
        beads.isEmpty ? 0 : Double(beads.filter { $0.source.count == 1 && $0.target.count == 1 }.count) / Double(beads.count)
    }
}

/// A static HTML report: an index, a page per pair (aligned paragraphs side by side, glossary terms
/// highlighted, findings at their paragraph, a filter by rule and severity) and a glossary page.
/// Works offline (no external scripts, styles or fonts); every text from the articles is escaped.
public enum HTMLReport {
    /// The files of the report: relative path -> HTML.
    public static func files(pairs: [ReportedPair], glossary: GlossaryReport?) throws -> [String: String] {
        let names = pageNames(pairs)
        var files: [String: String] = ["index.html": index(pairs, names: names, hasGlossary: glossary != nil)]
        // The pairs' pages on all cores (a page reads only its pair).
        let pages = Parallel.map(pairs.count, makeWorker: { () }) { _, k in page(pairs[k]) }
        for (name, page) in zip(names, pages) { files["pairs/\(name).html"] = try page.get() }
        if let glossary { files["glossary.html"] = glossaryPage(glossary, pairs: pairs, names: names) }
        return files
    }

    /// A file name per pair, unique also when ids differ only in characters a file name cannot
    /// hold or in case (`a b/x` and `a-b/x`): a later one gets `-2`, `-3`, ...
    static func pageNames(_ pairs: [ReportedPair]) -> [String] {
        var used = Set<String>()
        return pairs.map { pair in
            let base = fileName(pair.id)
            var name = base
            var number = 2
            while !used.insert(name.lowercased()).inserted {
                name = "\(base)-\(number)"
                number += 1
            }
            return name
        }
    }

    static func fileName(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }

    /// Escapes text for HTML element content (as for XML); bidirectional controls are shown as
    /// visible codes in a marked span, never applied.
    static func escape(_ text: String) -> String {
        showingControls(XMLWriter.escape(text)) { "<span class=\"control\">\($0)</span>" }
    }

    /// Escapes text for an attribute value or `<title>`, where markup is not read: bidirectional
    /// controls become the plain code `[U+202E]`.
    static func plain(_ text: String) -> String {
        showingControls(XMLWriter.escape(text)) { $0 }
    }

    private static func showingControls(_ escaped: String, _ shown: (String) -> String) -> String {
        guard escaped.unicodeScalars.contains(where: isBidiControl) else { return escaped }
        return escaped.replacingScalars { isBidiControl($0) ? shown("[U+\(String($0.value, radix: 16, uppercase: true))]") : nil }
    }

    /// The bidirectional formatting characters: marks (ALM U+061C, LRM, RLM), embeddings,
    /// overrides and isolates.
    private static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static let style = """
        body{font-family:system-ui,sans-serif;line-height:1.5;margin:1rem;max-width:90rem;color:#111;background:#fff}
        a{color:#0645ad} a:focus,button:focus,select:focus,input:focus{outline:3px solid #e69f00;outline-offset:2px}
        table{border-collapse:collapse;width:100%} th,td{border:1px solid #999;padding:.4rem .6rem;vertical-align:top;text-align:left}
        td.src{width:50%} .bead-kind{font-size:.8rem;color:#444;white-space:nowrap}
        tr.missing td.tgt::before{content:"▲ missing translation";font-weight:bold}
        tr.extra td.src::before{content:"■ no source paragraph";font-weight:bold}
        tr.group td{border-left:6px double #555}
        mark.term{background:#cde4ff;border-bottom:2px dotted #0072b2}
        mark.forbidden{background:#f9d0c4;border-bottom:2px solid #d55e00}
        ul.findings{margin:.4rem 0 0;padding-left:1.2rem} li.finding{margin:.2rem 0}
        .sev-error::marker{content:"✖ "} .sev-warning::marker{content:"▲ "} .sev-note::marker{content:"● "}
        .sev{font-weight:bold} .rule{font-family:monospace} .control{font-family:monospace;color:#d55e00}
        .filters{margin:1rem 0;display:flex;gap:1rem;flex-wrap:wrap}
        @media print{.filters{display:none} a{color:#000} tr{break-inside:avoid}}
        """

    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(plain(title))</title><style>\(style)</style></head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static func index(_ pairs: [ReportedPair], names: [String], hasGlossary: Bool) -> String {
        var rows = ""
        for (pair, name) in zip(pairs, names) {
            let counts = Finding.Severity.allCases.reversed().map { severity in pair.findings.filter { $0.severity == severity }.count }
            let title = pair.translationUnits.first { $0.kind == .headline }?.text ?? pair.translation.name
            rows += """
                <tr><td><a href="pairs/\(name).html">\(escape(title))</a></td><td>\(escape(pair.sourceLanguage)) → \(escape(pair.targetLanguage))</td>\
                <td>\(String(format: "%.0f %%", pair.alignmentQuality * 100)) 1-1</td><td>\(counts[0])</td><td>\(counts[1])</td><td>\(counts[2])</td></tr>

                """
        }
        let glossaryLink = hasGlossary ? "<p><a href=\"glossary.html\">Glossary use across the corpus</a></p>" : ""
        return document(
            title: "tolk report",
            body: """
                <h1>tolk report</h1>
                \(glossaryLink)
                <table><caption>\(pairs.count) article pairs</caption>
                <thead><tr><th scope="col">Article</th><th scope="col">Languages</th><th scope="col">Alignment</th><th scope="col">✖ Errors</th><th scope="col">▲ Warnings</th><th scope="col">● Notes</th></tr></thead>
                <tbody>
                \(rows)</tbody></table>
                """)
    }

    /// A unit's text with its glossary terms marked.
    static func highlighted(_ unit: ArticleElement, terms: [TermOccurrence]) -> String {
        var html = ""
        var cursor = unit.range.lowerBound
        let text = unit.text
        let utf8 = Array(text.utf8)
        let bytes: (Range<Int>) -> String = { range in
            String(decoding: utf8[(range.lowerBound - unit.range.lowerBound)..<(range.upperBound - unit.range.lowerBound)], as: UTF8.self)
        }
        guard utf8.count == unit.range.count else { return escape(text) }  // joined multi-line text: no offsets
        // `terms` are in text order: those from the unit's start on.
        let first = terms.partitioningIndex { $0.range.lowerBound >= unit.range.lowerBound }
        for term in terms[first...].prefix(while: { $0.range.lowerBound < unit.range.upperBound })
        where term.range.lowerBound >= cursor && term.range.upperBound <= unit.range.upperBound {
            html += escape(bytes(cursor..<term.range.lowerBound))
            let forbidden = term.term.status == .forbidden
            let tip = "\(term.concept.id)" + (term.concept.note.map { ": \($0)" } ?? "")
            html +=
                "<mark class=\"\(forbidden ? "forbidden" : "term")\" title=\"\(plain(tip))\">\(escape(bytes(term.range)))\(forbidden ? " <small>(forbidden)</small>" : "")</mark>"
            cursor = term.range.upperBound
        }
        return html + escape(bytes(cursor..<unit.range.upperBound))
    }

    static func page(_ pair: ReportedPair) -> String {
        var rows = ""
        let rules = Set(pair.findings.map(\.rule)).sorted()
        let sourceFindings = findingsByUnit(pair.findings, units: pair.sourceUnits, in: pair.source)
        let translationFindings = findingsByUnit(pair.findings, units: pair.translationUnits, in: pair.translation)
        func findingsList(_ mine: [Finding]?) -> String {
            guard let mine else { return "" }
            let items = mine.map { finding in
                "<li class=\"finding sev-\(finding.severity.rawValue)\" data-rule=\"\(plain(finding.rule))\" data-severity=\"\(finding.severity.rawValue)\"><span class=\"sev\">\(finding.severity.rawValue)</span> <span class=\"rule\">[\(escape(finding.rule))]</span> \(escape(finding.message))"
                    + (finding.match.map { " — <q>\(escape($0))</q>" } ?? "")
                    + (finding.suggestion.map { " → <strong>\(escape($0))</strong>" } ?? "") + "</li>"
            }
            return "<ul class=\"findings\">" + items.joined() + "</ul>"
        }
        for bead in pair.beads {
            let kind =
                bead.source.isEmpty
                ? "extra" : bead.target.isEmpty ? "missing" : (bead.source.count > 1 || bead.target.count > 1 ? "group" : "one")
            let left = bead.source.map { k in
                let unit = pair.sourceUnits[k]
                return "<p id=\"s-L\(unit.start.line)\">\(highlighted(unit, terms: pair.sourceTerms))</p>"
                    + findingsList(sourceFindings[k])
            }.joined()
            let right = bead.target.map { k in
                let unit = pair.translationUnits[k]
                return "<p id=\"t-L\(unit.start.line)\">\(highlighted(unit, terms: pair.translationTerms))</p>"
                    + findingsList(translationFindings[k])
            }.joined()
            let label = "\(bead.source.count)-\(bead.target.count), score \(String(format: "%.2f", bead.score))"
            rows +=
                "<tr class=\"\(kind)\"><td class=\"src\" lang=\"\(plain(pair.sourceLanguage))\">\(left)</td><td class=\"tgt\" lang=\"\(plain(pair.targetLanguage))\">\(right)</td><td class=\"bead-kind\">\(label)</td></tr>\n"
        }
        // Findings outside the aligned text (chrome, byline, source line).
        let unitLines = Set(pair.translationUnits.flatMap { Array($0.start.line...$0.end.line) })
        let outside = pair.findings.filter { $0.path == pair.translation.name && !unitLines.contains($0.line) }
        let outsideList =
            outside.isEmpty
            ? ""
            : "<h2>Elsewhere on the page</h2><ul class=\"findings\">"
                + outside.map { finding in
                    "<li class=\"finding sev-\(finding.severity.rawValue)\" data-rule=\"\(plain(finding.rule))\" data-severity=\"\(finding.severity.rawValue)\"><span class=\"sev\">\(finding.severity.rawValue)</span> line \(finding.line) <span class=\"rule\">[\(escape(finding.rule))]</span> \(escape(finding.message))"
                        + (finding.suggestion.map { " → <strong>\(escape($0))</strong>" } ?? "") + "</li>"
                }.joined() + "</ul>"
        let ruleOptions = rules.map { "<option value=\"\(plain($0))\">\(escape($0))</option>" }.joined()
        let title = pair.translationUnits.first { $0.kind == .headline }?.text ?? pair.id
        return document(
            title: title,
            body: """
                <p><a href="../index.html">← All articles</a></p>
                <h1>\(escape(title))</h1>
                <p>\(escape(pair.source?.name ?? "no source")) → \(escape(pair.translation.name)); \(pair.findings.count) findings</p>
                <form class="filters" aria-label="Filter findings">
                <label>Rule <select id="rule"><option value="">all</option>\(ruleOptions)</select></label>
                <fieldset><legend>Severity</legend>
                <label><input type="checkbox" name="severity" value="error" checked> ✖ error</label>
                <label><input type="checkbox" name="severity" value="warning" checked> ▲ warning</label>
                <label><input type="checkbox" name="severity" value="note" checked> ● note</label></fieldset>
                </form>
                <table><thead><tr><th scope="col">Source (\(escape(pair.sourceLanguage)))</th><th scope="col">Translation (\(escape(pair.targetLanguage)))</th><th scope="col">Bead</th></tr></thead>
                <tbody>
                \(rows)</tbody></table>
                \(outsideList)
                <script>
                function applyFilters(){var rule=document.getElementById('rule').value;var shown=Array.from(document.querySelectorAll('input[name=severity]:checked')).map(function(x){return x.value});document.querySelectorAll('li.finding').forEach(function(li){li.hidden=!((rule===''||li.dataset.rule===rule)&&shown.indexOf(li.dataset.severity)>=0)})}
                document.querySelectorAll('#rule,input[name=severity]').forEach(function(el){el.addEventListener('change',applyFilters)});
                </script>
                """)
    }

    /// The findings in `document` by the index of the unit they start in (units in text order);
    /// one pass over the findings, a binary search each.
    static func findingsByUnit(_ findings: [Finding], units: [ArticleElement], in document: Document?) -> [Int: [Finding]] {
        guard let document else { return [:] }
        var byUnit: [Int: [Finding]] = [:]
        for finding in findings where finding.path == document.name {
            guard let offset = document.offset(of: TextPosition(line: finding.line, column: finding.column)) else { continue }
            let low = units.partitioningIndex { $0.range.lowerBound > offset }
            guard low > 0 else { continue }
            let unit = units[low - 1].range
            if unit.contains(offset) || offset == unit.lowerBound { byUnit[low - 1, default: []].append(finding) }
        }
        return byUnit
    }

    static func glossaryPage(_ report: GlossaryReport, pairs: [ReportedPair], names: [String]) -> String {
        let pageOf = Dictionary(
            zip(pairs, names).map { ($0.translation.name, "pairs/\($1).html") }, uniquingKeysWith: { first, _ in first })
        var body = "<p><a href=\"index.html\">← All articles</a></p><h1>Glossary use</h1>"
        for usage in report.used {
            body += "<h2>\(escape(usage.concept))</h2><ul>"
            for rendering in usage.renderings {
                let places = rendering.places.map { place in
                    let link = pageOf[place.path].map { "\($0)#t-L\(place.line)" } ?? "#"
                    return "<a href=\"\(plain(link))\">\(escape(place.description))</a>"
                }.joined(separator: ", ")
                let forbidden = rendering.status == .forbidden
                body +=
                    "<li\(forbidden ? " class=\"forbidden-rendering\"" : "")>\(forbidden ? "<mark class=\"forbidden\">✖ forbidden</mark> " : "")<q>\(escape(rendering.term))</q> ×\(rendering.places.count): \(places)</li>"
            }
            body += "</ul>"
        }
        body += "<h2>Never seen</h2><p>\(escape(report.unseen.joined(separator: ", ")))</p>"
        if !report.candidates.isEmpty {
            body +=
                "<h2>Look-alikes not in the glossary</h2><ul>"
                + report.candidates.map {
                    "<li><q>\(escape($0.text))</q> resembles <q>\(escape($0.resembles))</q> (\(escape($0.concept)))</li>"
                }.joined() + "</ul>"
        }
        return document(title: "Glossary use", body: body)
    }
}
