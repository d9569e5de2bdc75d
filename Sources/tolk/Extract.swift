import ArgumentParser
import Foundation
import TolkArticle
import TolkGlossary
import TolkReport
import TolkText

/// `tolk extract`: scraped pages as structured articles.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read scraped article pages: site, headline, lede, byline, body, figures, credits, source URL and chrome.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "text: one element per line (path:line:col-line:col: kind: text); json: one JSON object per page per line.")
    var format: Format = .text
    @Flag(help: "Read the pages as Markdown (# headline, ![caption](image.jpg)); on by default for .md files.")
    var markdown = false
    @Option(help: "A glossary (.tbx or .csv): warn when a headline or caption renders none of the concepts its Vietnamese slug names.")
    var glossary: String?
    @OptionGroup var input: InputFiles

    func run() throws {
        let documents = try input.readers.map { try $0.readDocument() }
        // With several pages, lines that recur across them are chrome too.
        let reader = ArticleReader(repeatedLines: ChromeStatistics.repeatedLines(in: documents))
        let out = StandardOutput.shared
        let slugCheck = try glossary.map { try SlugRenderingCheck(glossary: try GlossaryCommand.load($0)) }
        var failures: [String] = []
        for document in documents {
            do {
                let article = try reader.read(document, markdown: markdown || document.name.hasSuffix(".md"))
                let agreements = try SlugConsistency.check(article)
                if let slugCheck { try warnAboutSlugs(agreements, in: article, using: slugCheck) }
                switch format {
                case .text: writeText(article, to: out)
                case .json: out.write(try ArticleJSON(article, slugAgreements: agreements).encoded() + "\n")
                }
            } catch let error as ArticleError {
                failures.append(error.description)
            }
        }
        out.flush()
        if !failures.isEmpty { throw CommandFailure(message: failures.joined(separator: "\ntolk: error: ")) }
    }

    /// A headline or caption that renders none of two or more concepts its slug names probably
    /// belongs to another article or image.
    private func warnAboutSlugs(_ agreements: [SlugAgreement], in article: Article, using check: SlugRenderingCheck) throws {
        for agreement in agreements {
            let (rendered, missing) = try check.agreement(text: agreement.element.text, slug: agreement.slug)
            guard rendered.isEmpty, missing.count >= 2 else { continue }
            let what =
                agreement.element.kind == .headline
                ? "headline does not render the source headline's" : "caption does not render its image's"
            FileHandleOutput.standardError.write(
                "\(article.name):\(agreement.element.start): warning: \(what) \(missing.joined(separator: ", ")) (slug \(agreement.slug))\n"
            )
        }
    }

    private func writeText(_ article: Article, to out: StandardOutput) {
        for element in article.elements {
            let extras = element.attributes.sorted { $0.key < $1.key }.map { " [\($0.key)=\($0.value)]" }.joined()
            let line = "\(article.name):\(element.start)-\(element.end): \(element.kind.rawValue): \(element.text)\(extras)"
            out.write(line.withVisibleControls + "\n")
        }
    }
}

/// The JSON form of an article (documented in the README); keys sorted for stable output.
struct ArticleJSON: Encodable {
    struct Element: Encodable {
        let kind: String
        let text: String
        let start: TextPosition
        let end: TextPosition
        let byteStart: Int
        let byteEnd: Int
        let attributes: [String: String]
    }

    struct SlugCheck: Encodable {
        let kind: String
        let line: Int
        let slug: String
        let matched: [String]
        let missing: [String]
    }

    let path: String
    let headline: String?
    let date: String?
    let sourceURL: String?
    let elements: [Element]
    /// The headline against the URL slug and each caption against its image file name.
    let slugChecks: [SlugCheck]

    init(_ article: Article, slugAgreements: [SlugAgreement]) {
        slugChecks = slugAgreements.map {
            SlugCheck(kind: $0.element.kind.rawValue, line: $0.element.start.line, slug: $0.slug, matched: $0.matched, missing: $0.missing)
        }
        path = article.name
        headline = article.headline?.text
        date = article.date
        sourceURL = article.sourceURL
        let base = article.document.origin.byteOffset
        elements = article.elements.map {
            Element(
                kind: $0.kind.rawValue, text: $0.text, start: $0.start, end: $0.end, byteStart: base + $0.range.lowerBound,
                byteEnd: base + $0.range.upperBound, attributes: $0.attributes)
        }
    }

    func encoded() throws -> String {
        String(decoding: try JSONLine.encoder().encode(self), as: UTF8.self)
    }
}
