import TolkText

/// Reads scraped article pages (plain text or Markdown) into `Article`s.
///
/// A page is read top-down: an optional site-name line, the headline, the lede, a byline with the
/// date, body paragraphs with figures (an image file-name line and its caption) and credit lines,
/// the source URL line, and the chrome after it. Chrome is recognised by the labels in
/// `PageLabels` and by `repeatedLines`, the lines that recur across many pages of one corpus.
public struct ArticleReader: Sendable {
    /// Line keys (see `ChromeStatistics`) that are chrome wherever they appear.
    public var repeatedLines: Set<String>

    public init(repeatedLines: Set<String> = []) {
        self.repeatedLines = repeatedLines
    }

    /// Reads `document`; Markdown syntax (`# headline`, `![caption](image.jpg)`) is understood
    /// when `markdown` is true.
    public func read(_ document: Document, markdown: Bool = false) throws(ArticleError) -> Article {
        var lines = document.lineRanges.map { Line(range: $0, text: document.text($0)) }.filter { !$0.isBlank }
        guard !lines.isEmpty else { throw .empty(source: document.name) }
        var builder = ElementBuilder(document: document)
        // The page's own address may head the page (`url: https://...`, a canonical link).
        let headerLines = lines.prefix { PageURLLine.parse($0.text) != nil }.count
        for line in lines[..<headerLines] {
            builder.add([line], as: .pageURL, attributes: SourceLine.attributes(PageURLLine.parse(line.text)!))
        }
        lines.removeFirst(headerLines)
        guard !lines.isEmpty else { throw .noBody(source: document.name) }
        let blocks = Self.blocks(of: lines, in: document)

        // The article ends at the source URL line; chrome labels end it when there is none.
        var end = blocks.count
        var sourceLine: (block: Int, line: Int)? = nil
        search: for (b, block) in blocks.enumerated() {
            for (l, line) in block.enumerated() where SourceLine.parse(line.text) != nil {
                sourceLine = (b, l)
                end = b
                break search
            }
        }
        if sourceLine == nil {
            // Without a source line, the chrome is the first labelled block after the last block that
            // reads like article text ("Les også:" boxes inside the body stay inside).
            let lastText = blocks.lastIndex(where: { Self.readsLikeArticleText($0) }) ?? 0
            if let firstChrome = blocks.indices.dropFirst(max(2, lastText + 1)).first(where: { isChromeBlock(blocks[$0]) }) {
                end = firstChrome
            }
        }

        // Header: site, headline, lede, byline.
        var b = 0
        var headerBlocks = blocks[..<end]
        if markdown, let heading = headerBlocks.firstIndex(where: { $0[0].text.hasPrefix("# ") }) {
            for earlier in headerBlocks[..<heading] { builder.add(earlier, as: .site) }
            b = heading
        } else if headerBlocks.count >= 3, Self.looksLikeSiteName(headerBlocks[0]),
            // Headline, lede, byline: a first line with " - " is then the headline (`Nhổn - ga Hà Nội`).
            Byline.parse(headerBlocks[headerBlocks.startIndex + 2]) == nil
        {
            builder.add(headerBlocks[0], as: .site)
            b = 1
        }
        headerBlocks = blocks[b..<end]
        if let headline = headerBlocks.first {
            builder.add([headline[0]], as: .headline, stripping: markdown ? "# " : nil)
            if headline.count > 1 { builder.add(Array(headline.dropFirst()), as: .lede) }
            b += 1
        }
        // The first of the next three blocks that is a byline, parsed once.
        var found: (Int, attributes: [String: String])? = nil
        for index in b..<min(end, b + 3) {
            if let parsed = Byline.parse(blocks[index]) {
                found = (index, parsed.attributes)
                break
            }
        }
        if let (byline, attributes) = found {
            for lede in blocks[b..<byline] { builder.add(lede, as: .lede) }
            builder.add(blocks[byline], as: .byline, attributes: attributes)
            b = byline + 1
        } else if b < end, blocks[b].count == 1, end - b > 1 {
            builder.add(blocks[b], as: .lede)
            b += 1
        }

        // Body.
        while b < end {
            addBody(blocks[b], next: b + 1 < end ? blocks[b + 1] : nil, markdown: markdown, to: &builder, consumedNext: &b)
            b += 1
        }
        guard builder.elements.contains(where: { $0.kind == .paragraph }) else { throw .noBody(source: document.name) }

        // The source URL line and everything after it.
        if let sourceLine {
            let block = blocks[sourceLine.block]
            for line in block[..<sourceLine.line] { builder.add([line], as: lineKind(line)) }
            let url = SourceLine.parse(block[sourceLine.line].text)!
            builder.add([block[sourceLine.line]], as: .sourceURL, attributes: SourceLine.attributes(url))
            for line in block[(sourceLine.line + 1)...] { builder.addChrome(line, label: chromeLabel(line) ?? "after source line") }
        }
        for block in blocks[min(blocks.count, end + (sourceLine == nil ? 0 : 1))...] {
            for line in block {
                builder.addChrome(line, label: chromeLabel(line) ?? (sourceLine == nil ? "after chrome label" : "after source line"))
            }
        }
        return Article(name: document.name, document: document, elements: builder.elements)
    }

    private func addBody(_ block: [Line], next: [Line]?, markdown: Bool, to builder: inout ElementBuilder, consumedNext b: inout Int) {
        var paragraph: [Line] = []
        func flush() {
            if !paragraph.isEmpty { builder.add(paragraph, as: .paragraph) }
            paragraph = []
        }
        var index = 0
        while index < block.count {
            let line = block[index]
            if let image = Figure.imageName(line.text, markdown: markdown) {
                flush()
                builder.add([line], as: .image, attributes: ["image": image.file])
                if let caption = image.caption {
                    builder.addCaption(line, text: caption, image: image.file)
                } else if index + 1 < block.count {
                    index += 1
                    builder.add([block[index]], as: .caption, attributes: ["image": image.file])
                } else if let next, next.count == 1, Figure.imageName(next[0].text, markdown: markdown) == nil,
                    lineKind(next[0]) == .paragraph
                {
                    builder.add(next, as: .caption, attributes: ["image": image.file])
                    b += 1
                }
            } else if Self.isCredit(line.text) {
                flush()
                builder.add([line], as: .credit)
            } else if let label = chromeLabel(line) {
                flush()
                builder.addChrome(line, label: label)
                // "Les også:" heads a list of related headlines: the rest of its block.
                if line.text.trimmed().hasSuffix(":") {
                    for related in block[(index + 1)...] { builder.addChrome(related, label: "listed under \(label)") }
                    return
                }

            } else {
                paragraph.append(line)
            }
            index += 1
        }
        flush()
    }

    private func lineKind(_ line: Line) -> ArticleElement.Kind {
        if chromeLabel(line) != nil { return .chrome }
        return Self.isCredit(line.text) ? .credit : .paragraph
    }

    /// Which rule makes `line` chrome, if any.
    func chromeLabel(_ line: Line) -> String? {
        // Labels are short; repeated lines are at most 200 bytes (see `ChromeStatistics`).
        let length = line.range.count
        guard length <= 200, length <= PageLabels.longestLabel || !repeatedLines.isEmpty else { return nil }
        let key = PageLabels.key(line.text)
        if PageLabels.chromeLines.contains(key) { return key }
        if repeatedLines.contains(key) { return "repeated across pages" }
        return nil
    }

    private func isChromeBlock(_ block: [Line]) -> Bool { chromeLabel(block[0]) != nil }

    static func looksLikeSiteName(_ block: [Line]) -> Bool {
        guard block.count == 1 else { return false }
        let text = block[0].text
        guard text.count <= 100, !text.hasSuffix(".") else { return false }
        return text.containsBytes(" - ") || text.containsBytes(" | ") || text.containsBytes(" – ")
            || text.contains(Patterns.siteDomain)
    }

    /// A block with a sentence of eight words or more, a credit line or an image line.
    static func readsLikeArticleText(_ block: [Line]) -> Bool {
        block.contains { line in
            let text = line.text.trimmed()
            if isCredit(text) || Figure.imageName(text, markdown: false) != nil { return true }
            guard let last = text.last, ".!?»\"”)".contains(last) else { return false }
            return text.split(separator: " ").count >= 8
        }
    }

    static func isCredit(_ text: String) -> Bool {
        text.first == "(" && text.last == ")" && text.count <= 60 && text.wholeMatch(of: Patterns.creditLine) != nil
    }

    /// Non-blank lines grouped into blocks separated by blank lines.
    static func blocks(of lines: [Line], in document: Document) -> [[Line]] {
        var blocks: [[Line]] = []
        var current: [Line] = []
        var previousEnd = -1
        let bytes = document.bytes
        for line in lines {
            if !current.isEmpty, previousEnd >= 0 {
                // A blank line lies between when the gap holds two line breaks.
                var breaks = 0
                for byte in bytes[previousEnd..<line.range.lowerBound] where byte == 0x0A { breaks += 1 }
                if breaks == 0 { for byte in bytes[previousEnd..<line.range.lowerBound] where byte == 0x0D { breaks += 1 } }
                if breaks >= 2 {
                    blocks.append(current)
                    current = []
                }
            }
            current.append(line)
            previousEnd = line.range.upperBound
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }
}

/// A non-blank line of a page.
struct Line: Sendable {
    let range: Range<Int>
    let text: String
    var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
}

/// Collects elements with positions.
struct ElementBuilder {
    let document: Document
    var elements: [ArticleElement] = []

    mutating func add(_ lines: [Line], as kind: ArticleElement.Kind, attributes: [String: String] = [:], stripping prefix: String? = nil) {
        guard let first = lines.first, let last = lines.last else { return }
        var lower = first.range.lowerBound
        if let prefix, first.text.hasPrefix(prefix) { lower += prefix.utf8.count }
        let range = lower..<last.range.upperBound
        append(
            kind, range: range, text: lines.count == 1 ? document.text(range) : lines.map(\.text).joined(separator: " "),
            attributes: attributes)
    }

    mutating func addChrome(_ line: Line, label: String) {
        add([line], as: .chrome, attributes: ["label": label])
    }

    /// A Markdown image's alt text as the caption, on the image's own line.
    mutating func addCaption(_ line: Line, text: String, image: String) {
        append(.caption, range: line.range, text: text, attributes: ["image": image])
    }

    private mutating func append(_ kind: ArticleElement.Kind, range: Range<Int>, text: String, attributes: [String: String]) {
        elements.append(
            ArticleElement(
                kind: kind, range: range, start: document.position(at: range.lowerBound), end: document.position(at: range.upperBound),
                text: TextSlice(text.trimmed(), in: document, at: range), attributes: attributes))
    }
}

/// `Kilde: https://...`: the label table in `PageLabels`.
enum SourceLine {
    /// The URL of a source line, or nil.
    static func parse(_ text: String) -> String? {
        guard text.containsBytes("://"), let match = text.wholeMatch(of: Patterns.sourceLine) else { return nil }
        return PageLabels.sourceLine.contains(String(match.1).lowercased()) ? String(match.2) : nil
    }

    /// The element attributes of a URL: `url`, and `article_id` when the URL carries one.
    static func attributes(_ url: String) -> [String: String] {
        var attributes = ["url": url]
        if let id = SlugParts.parse(url)?.articleID { attributes["article_id"] = id }
        return attributes
    }
}

/// The page's own address at the top of a scraped page: `url: https://...` (also `canonical:`,
/// `permalink:`) or an HTML canonical link, `<link rel="canonical" href="https://...">`.
enum PageURLLine {
    /// The URL of a page-URL line, or nil.
    static func parse(_ text: String) -> String? {
        guard text.containsBytes("://") else { return nil }
        let trimmed = text.trimmed()
        if trimmed.hasPrefix("<"), trimmed.hasSuffix(">"), trimmed.firstMatch(of: Patterns.canonicalRel) != nil,
            trimmed.wholeMatch(of: Patterns.linkTag) != nil
        {
            return trimmed.firstMatch(of: Patterns.href).map { String($0.1) }
        }
        guard let match = text.wholeMatch(of: Patterns.sourceLine) else { return nil }
        return PageLabels.pageURLLine.contains(String(match.1).lowercased()) ? String(match.2) : nil
    }
}

/// Image file-name lines and Markdown images.
enum Figure {
    static func imageName(_ text: String, markdown: Bool) -> (file: String, caption: String?)? {
        let trimmed = text.trimmed()
        // Cheap checks first: this runs on every line of every page. A file name has no space.
        let isMarkdownImage = markdown && trimmed.hasPrefix("![")
        if !isMarkdownImage {
            guard !trimmed.utf8.contains(0x20) else { return nil }
            let lowered = trimmed.suffix(16).lowercased()
            let hasImageExtension = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"].contains {
                lowered.hasSuffix($0) || lowered.contains($0 + "?")
            }
            guard hasImageExtension else { return nil }
        }
        if markdown, let match = trimmed.wholeMatch(of: Patterns.markdownImage) {
            let file = String(match.2.split(separator: "/").last ?? match.2[...])
            return (file, match.1.isEmpty ? nil : String(match.1))
        }
        guard trimmed.wholeMatch(of: Patterns.imageFileName) != nil else { return nil }
        let withoutQuery = trimmed.split(separator: "?")[0]
        return (String(withoutQuery.split(separator: "/").last!), nil)
    }
}

/// Author and date from a byline block.
enum Byline {
    /// Parsed byline facts, or nil when the block is no byline.
    static func parse(_ block: [Line]) -> (author: String?, date: String?, attributes: [String: String])? {
        guard block.count == 1 else { return nil }
        let text = block[0].text.trimmed()
        guard text.count <= 120,
            text.contains(where: \.isNumber) || text.hasPrefix("Av ") || text.hasPrefix("By ") || text.hasPrefix("Tác giả")
        else {
            return nil
        }
        var date: String? = nil
        var rest = text[...]
        if text.utf8.contains(0x2F), let match = text.firstMatch(of: Patterns.slashDate) {
            date = iso(year: match.3, month: match.2, day: match.1)
            rest = text[..<match.range.lowerBound]
        } else if text.utf8.contains(0x2D), let match = text.firstMatch(of: Patterns.isoDate) {
            date = iso(year: match.1, month: match.2, day: match.3)
            rest = text[..<match.range.lowerBound]
        } else if text.utf8.contains(0x2E), let match = text.firstMatch(of: Patterns.norwegianDate),
            let month = AnchorScanner.month(named: match.2)
        {
            date = iso(year: match.3, month: Substring(String(month)), day: match.1)
            rest = text[..<match.range.lowerBound]
        }
        // A byline is a name and a date (maybe a weekday and a time), not a sentence that mentions a date.
        if let dateEnd = text.firstMatch(of: Patterns.year)?.range.upperBound,
            text[dateEnd...].wholeMatch(of: Patterns.timeAfterDate) == nil
        {
            return nil
        }
        if rest.split(separator: " ").count > 6 { return nil }
        var author: String? = nil
        var name = String(rest).trimmed()
        for prefix in ["Av ", "By ", "Tác giả: ", "Theo "] where name.hasPrefix(prefix) { name = String(name.dropFirst(prefix.count)) }
        if name.hasSuffix(",") || name.hasSuffix("-") || name.hasSuffix("|") { name = String(name.dropLast()).trimmed() }
        // Scrapers often glue the site name twice: "VietnamPlusVietnamPlus".
        if name.count.isMultiple(of: 2), name.count >= 4 {
            let half = name.index(name.startIndex, offsetBy: name.count / 2)
            if name[..<half] == name[half...] { name = String(name[..<half]) }
        }
        if !name.isEmpty, name.count <= 60 { author = name }
        guard date != nil || text.hasPrefix("Av ") || text.hasPrefix("By ") || text.hasPrefix("Tác giả") else { return nil }
        var attributes: [String: String] = [:]
        if let author { attributes["author"] = author }
        if let date { attributes["date"] = date }
        return (author, date, attributes)
    }

    private static func iso(year: Substring, month: Substring, day: Substring) -> String? {
        guard let y = Int(year), let m = Int(month), let d = Int(day), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }
}

/// Lines that recur across the pages of one corpus are chrome (menus, footers, related lists).
public enum ChromeStatistics {
    /// Keys of short lines found on at least `minimumPages` pages and on at least `share` of them.
    public static func repeatedLines(in documents: [Document], minimumPages: Int = 3, share: Double = 0.3) -> Set<String> {
        guard documents.count >= minimumPages else { return [] }
        var pagesPerLine: [String: Int] = [:]
        for document in documents {
            var seen = Set<String>()
            for range in document.lineRanges where range.count <= 200 {
                let key = PageLabels.key(document.text(range))
                if !key.isEmpty { seen.insert(key) }
            }
            for key in seen { pagesPerLine[key, default: 0] += 1 }
        }
        let threshold = max(minimumPages, Int((Double(documents.count) * share).rounded(.up)))
        return Set(pagesPerLine.filter { $0.value >= threshold }.keys)
    }
}

/// Regular expressions, compiled once (a literal in a function is parsed again on every call).
enum Patterns {
    // Regex values are immutable once built; `nonisolated(unsafe)` because Regex is not Sendable.
    nonisolated(unsafe) static let siteDomain = /[\p{L}\d-]+\.(vn|no|com|net|org|info|de|se|dk)\b/
    nonisolated(unsafe) static let creditLine = /\([^()]{2,58}\)/
    nonisolated(unsafe) static let sourceLine = /\s*([\p{L} ]{2,30}?)\s*:\s*(https?:\/\/\S+)\s*/
    nonisolated(unsafe) static let linkTag = /(?i)<link\s[^<>]*>/
    nonisolated(unsafe) static let canonicalRel = /(?i)\srel\s*=\s*["']?canonical["'\s\/>]/
    nonisolated(unsafe) static let href = /(?i)\shref\s*=\s*["']?(https?:\/\/[^"'\s<>]+)/
    nonisolated(unsafe) static let markdownImage = /!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/
    nonisolated(unsafe) static let imageFileName = /(?i)(https?:\/\/\S+\/)?[\w.%~+-]+\.(jpe?g|png|gif|webp|avif)(\?\S*)?/
    nonisolated(unsafe) static let slashDate = /(\d{1,2})\/(\d{1,2})\/(\d{4})/
    nonisolated(unsafe) static let isoDate = /(\d{4})-(\d{2})-(\d{2})/
    nonisolated(unsafe) static let norwegianDate = /(\d{1,2})\.\s+(\p{L}+)\s+(\d{4})/
    nonisolated(unsafe) static let year = /\d{4}/
    nonisolated(unsafe) static let timeAfterDate = /[\s,]*(\d{1,2}[:.]\d{2})?\s*(\(GMT[+-]\d+\))?\s*/
}
