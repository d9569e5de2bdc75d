import Foundation
import Testing
import TolkArticle
import TolkText

/// The corpus and its gold files hold together: every page reads, and every gold alignment and
/// finding refers to what is really there.
@Suite("Corpus")
struct CorpusTests {
    struct Gold: Decodable {
        struct Finding: Decodable {
            let file: String
            let line: Int
            let column: Int
            let rule: String
            let match: String
            /// "page" for what the scraper leaves on every page (site line, image file names).
            let scope: String?
        }
        let alignment: [String]
        let findings: [Finding]
    }

    struct Meta: Decodable {
        let sourceURL: String
        let clean: Bool
        enum CodingKeys: String, CodingKey {
            case sourceURL = "source_url"
            case clean
        }
    }

    static let pairs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("\($0)/meta.json").path) }.sorted()
    }()

    static func units(_ article: Article) -> [ArticleElement] {
        article.elements.filter { [.headline, .lede, .paragraph, .caption].contains($0.kind) }
    }

    @Test func thereAreEnoughPairs() {
        #expect(Self.pairs.count >= 8)
    }

    @Test(arguments: pairs)
    func pagesReadAndSourceURLsMatch(pair: String) throws {
        let meta = try JSONDecoder().decode(Meta.self, from: Data(contentsOf: corpus.appendingPathComponent("\(pair)/meta.json")))
        let source = try readArticle("\(pair)/vi.txt")
        let translation = try readArticle("\(pair)/nb.txt")
        #expect(source.sourceURL == nil)
        #expect(source.elements(.chrome).isEmpty)
        #expect(translation.sourceURL == meta.sourceURL)
        #expect(source.headline != nil && translation.headline != nil)
        #expect(source.date == translation.date)
    }

    @Test(arguments: pairs)
    func goldAlignmentCoversEveryUnitOnceInOrder(pair: String) throws {
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: corpus.appendingPathComponent("\(pair)/gold.json")))
        let sourceUnits = Self.units(try readArticle("\(pair)/vi.txt")).count
        let targetUnits = Self.units(try readArticle("\(pair)/nb.txt")).count
        var sources: [Int] = []
        var targets: [Int] = []
        for bead in gold.alignment {
            let sides = bead.split(separator: ":", omittingEmptySubsequences: false)
            #expect(sides.count == 2)
            let parse = { (side: Substring) in
                side.dropFirst().dropLast().split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            }
            let (s, t) = (parse(sides[0]), parse(sides[1]))
            #expect(!(s.isEmpty && t.isEmpty), "\(bead) is empty")
            sources += s
            targets += t
        }
        #expect(sources == Array(0..<sourceUnits))
        #expect(targets == Array(0..<targetUnits))
    }

    @Test(arguments: pairs)
    func goldFindingsPointAtTheirText(pair: String) throws {
        let meta = try JSONDecoder().decode(Meta.self, from: Data(contentsOf: corpus.appendingPathComponent("\(pair)/meta.json")))
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: corpus.appendingPathComponent("\(pair)/gold.json")))
        // A clean translation has only the page findings every scraped page has.
        #expect(meta.clean == gold.findings.allSatisfy { $0.scope == "page" })
        #expect(gold.findings.contains { $0.rule == "page-chrome" && $0.line == 1 })
        for finding in gold.findings {
            let text = try String(contentsOf: corpus.appendingPathComponent("\(pair)/\(finding.file)"), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(lines[finding.line - 1].unicodeScalars)
            let match = Array(finding.match.unicodeScalars)
            let start = finding.column - 1
            #expect(
                start + match.count <= line.count && Array(line[start..<(start + match.count)]) == match,
                "\(pair) \(finding.rule) at \(finding.line):\(finding.column)")
        }
    }
}
