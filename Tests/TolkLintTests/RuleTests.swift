import Foundation
import Testing
import TolkGlossary
import TolkTestSupport
import TolkText

@testable import TolkLint
@testable import TolkReport

let repository = Fixtures.repository

func lint(_ text: String, source: String? = nil, glossary: Glossary? = nil, configuration: LintConfiguration = LintConfiguration()) throws
    -> [Finding]
{
    try Linter(configuration: configuration, glossary: glossary).lint(
        translation: Document(text, name: "t.txt"), source: source.map { Document($0, name: "s.txt") }
    )
    .findings
}

/// Every rule turned on (for the rules that are off by default).
let everything: LintConfiguration = {
    var configuration = LintConfiguration()
    for rule in Rule.all where rule.defaultSeverity == nil { configuration.rules[rule.id] = "warning" }
    return configuration
}()

@Suite("Rules")
struct RuleTests {
    @Test func idsAreUniqueAndDocumented() {
        #expect(Set(Rule.all.map(\.id)).count == Rule.all.count)
        #expect(Rule.all.allSatisfy { !$0.summary.isEmpty && !$0.rationale.isEmpty })
        #expect(Rule.all.filter { !$0.needsSource && !$0.needsGlossary }.allSatisfy { !$0.triggering.isEmpty && !$0.nonTriggering.isEmpty })
    }

    @Test(arguments: Rule.all.filter { !$0.triggering.isEmpty })
    func examplesFireExactlyWhereMarked(rule: Rule) throws {
        for example in rule.triggering {
            let (text, marked) = Rule.unmarked(example)
            #expect(!marked.isEmpty, "\(rule.id): mark what the example reports: \(example)")
            let found = try lint(text, configuration: everything).filter { $0.rule == rule.id }.compactMap { finding in
                finding.byteStart.flatMap { start in finding.byteEnd.map { start..<$0 } }
            }
            #expect(found == marked, "\(rule.id) on: \(example)")
        }
    }

    /// Short ASCII words are compared with the function words packed into integers, case folded.
    @Test func shortWordsPackAsTheirLowerCase() throws {
        #expect(TextRules.packedLowercase("The".utf8) == TextRules.packedLowercase("the".utf8))
        #expect(TextRules.packedLowercase("the".utf8) != TextRules.packedLowercase("thee".utf8))
        #expect(TextRules.packedLowercase("a".utf8) != TextRules.packedLowercase("aa".utf8))
        #expect(TextRules.packedLowercase("abcdefgh".utf8) != nil && TextRules.packedLowercase("abcdefghi".utf8) == nil)
        #expect(TextRules.packedLowercase("på".utf8) == nil && TextRules.packedLowercase("it's".utf8) == nil)
        // An English sentence whose function words are capitalised at its start still counts.
        let text = "Møtet endte. The minister said that it was time and that the talks were over, and it was late."
        #expect(try lint(text, configuration: everything).contains { $0.rule == "untranslated" })
    }

    @Test func marksGiveByteRanges() {
        let (text, ranges) = Rule.unmarked("Ha⟦n  k⟧om ⟦år⟧.")
        #expect(text == "Han  kom år.")
        #expect(ranges == [2..<6, 9..<12])
    }

    @Test(arguments: Rule.all.filter { !$0.nonTriggering.isEmpty })
    func cleanExamplesDoNotFire(rule: Rule) throws {
        for example in rule.nonTriggering {
            let findings = try lint(example, configuration: everything).filter { $0.rule == rule.id }
            #expect(findings.isEmpty, "\(rule.id) fired on: \(example)")
        }
    }

    /// Words are kept for the first megabyte of a page and split again beyond it: a page of
    /// several megabytes gets the same word findings at its end as at its start.
    @Test func wordFindingsBeyondTheFirstMegabyte() throws {
        let paragraph = "VietnamPlusVietnamPlus01/12/2025 melder at møtet i Hanoi var viktig.\n\n"
        let filler = String(repeating: "Det var et godt møte mellom de to landene i dag, sa hun.\n\n", count: 20_000)
        let findings = try lint(paragraph + filler + paragraph)
        let lines = Set(findings.filter { $0.rule == "glued-words" }.map(\.line))
        #expect(filler.utf8.count > 1 << 20)
        #expect(lines == [1, 40_003])
    }

    /// A paragraph repeats its earlier twin, not the many paragraphs that share its opening words;
    /// a word pair keeps at most sixteen holders, so the twin is found among the first sixteen.
    @Test func aRepeatIsFoundAmongParagraphsSharingWords() throws {
        let shared = "Ifølge departementet i Hanoi steg eksporten av ris"
        var paragraphs = (1...30).map { "\(shared) med \($0) prosent i måned nummer \($0) i fjor, sa talspersonen." }
        paragraphs.append(paragraphs[4])
        let findings = try lint(paragraphs.joined(separator: "\n\n")).filter { $0.rule == "repeated-paragraph" }
        #expect(findings.map(\.line) == [61])
        #expect(findings.first?.message.contains("line 9") == true)
    }

    @Test func seedFindingsWithPlaces() throws {
        let seed = try TextReader(path: repository.appendingPathComponent("Corpora/vietnamplus-1080302/nb.txt").path).readDocument()
        let findings = try Linter(configuration: LintConfiguration(), glossary: nil).lint(translation: seed).findings
        let places = Set(findings.map { "\($0.rule)@\($0.line):\($0.column)" })
        #expect(places.contains("glued-words@7:1"))
        #expect(places.contains("foreign-date-format@7:23"))
        #expect(places.contains("repeated-paragraph@34:1"))
        #expect(places.contains("page-chrome@84:1"))
        #expect(places.contains("page-chrome@1:1"))  // the site line
        #expect(places.contains("image-filename@21:1") && places.contains("image-filename@68:1"))
        // The chrome finding spans the chrome: it ends on the page's last line.
        let lastLine = seed.lineRanges.lastIndex { !$0.isEmpty }! + 1
        #expect(findings.first { $0.rule == "page-chrome" && $0.line == 84 }?.endLine == lastLine)
        // Laos' generalsekretær, three times.
        #expect(findings.filter { $0.rule == "genitive-apostrophe" }.map(\.line) == [15, 22, 69])
        // Nothing in the clean sentences: every finding is one of those above.
        #expect(findings.count == 10, "\(findings.map(\.text))")
    }

    @Test func numbersAgainstTheSource() throws {
        let source = "Tiêu đề\n\nKim ngạch đạt 58,1 tỷ USD, tăng 12,4% so với 1.500 dự án ngày 1/12/2025 tại Đại hội XIV.\n"
        let good =
            "Overskrift\n\nHandelen nådde 58,1 milliarder USD, opp 12,4 prosent fra 1 500 prosjekter 1. desember 2025 på den 14. kongressen.\n"
        #expect(try lint(good, source: source).filter { $0.rule == "number-mismatch" }.isEmpty)
        let changed =
            "Overskrift\n\nHandelen nådde 51,8 milliarder USD, opp 12,4 prosent fra 1 500 prosjekter 2. desember 2025 på den 14. kongressen.\n"
        #expect(try lint(changed, source: source).filter { $0.rule == "number-mismatch" }.map(\.match) == ["51,8", "2. desember 2025"])
    }

    @Test func numbersAreReadWhereThePatternsDigitIs() throws {
        // The number pattern's `\d` is any character that is a number (`½`), not only a decimal
        // digit: a paragraph without one is passed, one with `½` is read.
        let document = Document("Kapittel ½. XIV handler om Laos.\n\nKapittel XIV handler om Laos.\n")
        #expect(try NumberRules.numbers(in: document, 0..<33, language: "nb").map(\.1) == [["n:14"]])
        #expect(try NumberRules.numbers(in: document, 35..<document.bytes.count, language: "nb").isEmpty)
    }

    @Test func numberWordsAgainstTheSource() throws {
        let source = "Tiêu đề\n\nSản lượng đạt 10 nghìn tấn, vốn đầu tư 2,4 tỷ USD và 3 triệu khách.\n"
        let good = "Overskrift\n\nProduksjonen nådde 10 000 tonn, investeringene 2,4 milliarder USD og 3 millioner gjester.\n"
        #expect(try lint(good, source: source).filter { $0.rule == "number-mismatch" }.isEmpty)
        let changed = "Overskrift\n\nProduksjonen nådde 12 000 tonn, investeringene 2,4 milliarder USD og 3 millioner gjester.\n"
        #expect(try lint(changed, source: source).filter { $0.rule == "number-mismatch" }.map(\.match) == ["12 000"])
    }

    @Test func monthAndYearAgainstTheSource() throws {
        let source = "Tiêu đề\n\nBản ghi nhớ được ký vào tháng 12/2025, và giá gạo ổn định từ tháng 9/2025 đến 1/3/2026.\n"
        let good =
            "Overskrift\n\nAvtalen ble undertegnet i desember 2025, og risprisen har vært stabil siden september 2025 til 1. mars 2026.\n"
        #expect(try lint(good, source: source).filter { $0.rule == "number-mismatch" }.isEmpty)
        let changed =
            "Overskrift\n\nAvtalen ble undertegnet i desember 2025, og risprisen har vært stabil siden august 2025 til mars 2026.\n"
        #expect(try lint(changed, source: source).filter { $0.rule == "number-mismatch" }.map(\.match) == ["august 2025"])
    }

    @Test func missingAndExtraParagraphs() throws {
        let corpus = repository.appendingPathComponent("Corpora/vietnamplus-1080533")
        let source = try TextReader(path: corpus.appendingPathComponent("vi.txt").path).readDocument()
        let translation = try TextReader(path: corpus.appendingPathComponent("nb.txt").path).readDocument()
        let findings = try Linter(configuration: LintConfiguration(), glossary: nil).lint(translation: translation, source: source).findings
        let missing = findings.filter { $0.rule == "missing-translation" }
        #expect(missing.map(\.path) == [source.name])
        #expect(missing.first?.line == 13)
    }

    @Test func sourceURLNamesAnotherArticle() throws {
        let page =
            "Overskrift\n\nIngress.\n\nBrødtekst med nok ord til å være et avsnitt her.\n\nKilde: https://www.vietnamplus.vn/x-post1.vnp\n"
        let linter = try Linter(configuration: LintConfiguration(), glossary: nil)
        let document = Document(page, name: "t.txt")
        let source = Document("Tiêu đề\n\nSapo.\n\nNội dung bài viết đủ dài ở đây.\n", name: "s.txt")
        #expect(
            try linter.lint(translation: document, source: source, sourceURL: "https://vietnamplus.vn/x-post1.vnp").findings.filter {
                $0.rule == "source-url"
            }.isEmpty)
        let other = try linter.lint(translation: document, source: source, sourceURL: "https://vietnamplus.vn/y-post2.vnp").findings
        #expect(other.filter { $0.rule == "source-url" }.count == 1)
    }

    @Test func configurationChangesSeverities() throws {
        var configuration = LintConfiguration()
        configuration.rules = ["glued-words": "off", "foreign-date-format": "error"]
        let findings = try lint("VietnamPlusVietnamPlus01/12/2025", configuration: configuration)
        #expect(!findings.contains { $0.rule == "glued-words" })
        #expect(findings.first { $0.rule == "foreign-date-format" }?.severity == .error)
    }
}

@Suite("Reporters")
struct ReporterTests {
    let findings = [
        Finding(
            rule: "glued-words", severity: .error, message: "'X' runs words together", path: "Corpora/a b/nb.txt",
            start: TextPosition(line: 2, column: 3),
            end: TextPosition(line: 2, column: 5), match: "X", suggestion: "Y")
    ]

    @Test func findingsCarryTheirRangeInEveryUnit() {
        // Line 2 starts at byte 6; the emoji is 4 bytes, 1 scalar, 2 UTF-16 code units.
        let document = Document("Linje\n\u{1F600}ab XY\n", name: "a.txt")
        let finding = Finding(rule: "glued-words", severity: .error, message: "m", in: document, range: 13..<15)
        #expect(document.text(13..<15) == "XY")
        #expect((finding.line, finding.column, finding.endLine, finding.endColumn) == (2, 5, 2, 7))
        #expect((finding.utf16Column, finding.utf16EndColumn) == (6, 8))
        #expect((finding.byteStart, finding.byteEnd) == (13, 15))
        #expect(finding.match == "XY")
        #expect(finding.lineDigest == Document.digest("\u{1F600}ab XY"))
        // Past several checkpoints of a long line: 300 emoji (1,200 bytes) before "XY" on line 2.
        let long = Document("Tittel\n" + String(repeating: "\u{1F600}", count: 300) + "XY\n", name: "c.txt")
        let far = Finding(rule: "glued-words", severity: .error, message: "m", in: long, range: 1207..<1209)
        #expect(far.match == "XY")
        #expect((far.column, far.utf16Column, far.utf16EndColumn) == (301, 601, 603))
        // A piece of a streamed file reports bytes in the file.
        let piece = try! Document(bytes: Array("XY\n".utf8), name: "b.txt", origin: .init(byteOffset: 100, line: 9))
        let later = Finding(rule: "glued-words", severity: .error, message: "m", in: piece, range: 0..<2)
        #expect((later.line, later.byteStart, later.byteEnd) == (9, 100, 102))
    }

    @Test func sarifHasRulesColumnKindAndUTF16Columns() throws {
        let document = Document("Linje\n\u{1F600}ab XY\n", name: "Corpora/a b/nb.txt")
        let findings = [Finding(rule: "glued-words", severity: .error, message: "m", in: document, range: 13..<15)]
        let text = try FindingReporter.render(findings, format: .sarif, toolVersion: "0.1.0")
        let log = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(log["version"] as? String == "2.1.0")
        let run = (log["runs"] as! [[String: Any]])[0]
        #expect(run["columnKind"] as? String == "utf16CodeUnits")
        let rules = ((run["tool"] as! [String: Any])["driver"] as! [String: Any])["rules"] as! [[String: Any]]
        #expect(rules.count == Rule.all.count)
        let result = (run["results"] as! [[String: Any]])[0]
        let location = ((result["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])
        let region = location["region"] as! [String: Any]
        #expect(region["startColumn"] as? Int == 6)  // the emoji is two UTF-16 units
        #expect(region["endColumn"] as? Int == 8)
        #expect((location["artifactLocation"] as! [String: Any])["uri"] as? String == "Corpora/a%20b/nb.txt")
        #expect(result["ruleId"] as? String == "glued-words")
    }

    @Test func sarifFingerprintsSurviveALineInsertedAbove() throws {
        /// Findings on every "X" of `text`.
        func fingerprints(_ text: String) throws -> [String] {
            let document = Document(text, name: "a.txt")
            let findings = document.bytes.indices.filter { document.bytes[$0] == UInt8(ascii: "X") }.map {
                Finding(rule: "glued-words", severity: .error, message: "m", in: document, range: $0..<($0 + 1))
            }
            let sarif = try FindingReporter.render(findings, format: .sarif, toolVersion: "0")
            let run = ((try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as! [String: Any])["runs"] as! [[String: Any]])[0]
            return (run["results"] as! [[String: Any]]).map { ($0["partialFingerprints"] as! [String: String])["tolkFinding/v2"]! }
        }
        let before = try fingerprints("Tittel\nX og Y\nX igjen\n")
        let after = try fingerprints("Tittel\nNy linje\n\nEnda en\nX og Y\nX igjen\n")
        #expect(before == after)
        #expect(Set(before).count == 2)
        // The same finding on two identical lines: two fingerprints.
        #expect(Set(try fingerprints("X\nX\n")).count == 2)
        // A changed line is a new finding.
        #expect(try fingerprints("Tittel\nX og Z\n")[0] != before[0])
    }

    @Test(arguments: [FindingFormat.text, .json, .github])
    func manyFindingsRenderInOrder(format: FindingFormat) throws {
        // Past the chunk size the lines are rendered on all cores: the same lines, in order.
        let document = Document(String(repeating: "XY ab\n", count: 2_500), name: "nb.txt")
        let findings = (0..<2_500).map {
            Finding(rule: "glued-words", severity: .error, message: "m\($0)", in: document, range: ($0 * 6)..<($0 * 6 + 2))
        }
        let whole = try FindingReporter.render(findings, format: format, toolVersion: "0")
        let oneByOne = try findings.map { try FindingReporter.render([$0], format: format, toolVersion: "0") }.joined()
        #expect(whole == oneByOne)
        #expect(whole.split(separator: "\n").count == 2_500)
    }

    @Test func githubAnnotationsEscape() throws {
        let text = try FindingReporter.render(findings, format: .github, toolVersion: "0")
        #expect(
            text
                == "::error file=Corpora/a b/nb.txt,line=2,col=3,endLine=2,endColumn=5,title=glued-words::'X' runs words together (suggestion: Y)\n"
        )
    }

    @Test func baselineAbsorbsKnownFindingsOnly() {
        let baseline = Baseline(findings)
        #expect(baseline.filter(findings).isEmpty)
        var moved = findings[0]
        moved.line = 40
        #expect(baseline.filter([moved, moved]).count == 1)
    }

    @Test func inlineSuppressionInMarkdown() throws {
        let document = Document("# Tittel\n\n<!-- tolk-disable-next-line glued-words -->\nVietnamPlusVietnamPlus01\n", name: "a.md")
        let finding = Finding(
            rule: "glued-words", severity: .error, message: "m", path: "a.md", start: TextPosition(line: 4, column: 1),
            end: TextPosition(line: 4, column: 5))
        #expect(try InlineSuppression.filter([finding], in: document).isEmpty)
        var other = finding
        other.rule = "spacing"
        #expect(try InlineSuppression.filter([other], in: document).count == 1)
        // A closing mark before the opening one is no directive (it trapped once).
        let arrows = Document("En pil --> og en kommentar <!-- her\nX\n", name: "d.md")
        #expect(try InlineSuppression.filter([other], in: arrows).count == 1)
        let typo = Document("<!-- tolk-disable-next-line glued-word -->\nX\n", name: "c.md")
        #expect(
            throws: TextInputError.malformed(
                source: "c.md", line: 1, reason: "unknown rule 'glued-word' in tolk-disable-next-line (see tolk rules)")
        ) {
            try InlineSuppression.filter([other], in: typo)
        }
    }
}
