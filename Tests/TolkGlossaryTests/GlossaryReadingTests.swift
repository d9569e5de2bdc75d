import Foundation
import Testing
import TolkTestSupport
import TolkText

@testable import TolkGlossary

let repository = Fixtures.repository
let sharedFormats = repository.deletingLastPathComponent().appendingPathComponent("shared/data/formats/tbx")

func glossary(_ text: String, name: String) throws -> Glossary {
    try Glossary.read(Document(text, name: name))
}

func shippedGlossary(_ name: String = "vi-nb.tbx") throws -> Glossary { try Fixtures.glossary(name) }

/// Concepts without their file positions, for comparing glossaries read from different formats.
func comparable(_ glossary: Glossary) -> [Concept] { glossary.concepts }

@Suite("Glossary files")
struct GlossaryReadingTests {
    /// The shared samples sit beside the repository (as in CI); without them there is nothing to import.
    static let samplesPresent = FileManager.default.fileExists(atPath: sharedFormats.path)

    @Test(
        .enabled(if: samplesPresent, "../shared/data/formats/tbx is beside the repository"),
        arguments: ["okapi_test01.tbx", "okapi_oracle_TBX.tbx"])
    func sharedTBXSamplesImport(name: String) throws {
        let path = sharedFormats.appendingPathComponent(name).path
        let glossary = try Glossary.read(try TextReader(path: path).readDocument())
        #expect(!glossary.concepts.isEmpty)
        #expect(glossary.concepts.allSatisfy { !$0.terms.isEmpty })
        if name == "okapi_test01.tbx" {
            #expect(glossary.concepts[0].id == "eid-Oracle-67")
            #expect(glossary.concepts[0].terms.map(\.text) == ["alpha smoothing factor", "Alfa simítási tényező"])
            #expect(glossary.concepts[0].terms.map(\.language) == ["en", "hu"])
        } else {
            // ntig/termGrp terms and multi-line text.
            #expect(glossary.concepts.flatMap(\.terms).contains { $0.text == "Target Value" })
            #expect(glossary.languages == ["en", "pt"])
        }
    }

    @Test func tbxV3DCTStyle() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dct" xml:lang="vi" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic">
              <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
              <text><body>
                <conceptEntry id="gs">
                  <langSec xml:lang="vi"><termSec><term>Tổng Bí thư</term>
                    <basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec></langSec>
                  <langSec xml:lang="nb">
                    <termSec><term>generalsekretær</term><basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec>
                    <termSec><term>partisekretær</term><basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus></termSec>
                  </langSec>
                </conceptEntry>
              </body></text>
            </tbx>
            """
        let concept = try #require(try glossary(text, name: "dct.tbx").concepts.first)
        #expect(concept.preferred(in: "nb")?.text == "generalsekretær")
        #expect(concept.terms(in: "nb").map(\.status) == [.preferred, .forbidden])
    }

    @Test func lenientStatusWords() {
        #expect(Term.Status(lenient: "forbidden") == .forbidden)
        #expect(Term.Status(lenient: "Do not use") == .forbidden)
        #expect(Term.Status(lenient: "supersededTerm-admn-sts") == .forbidden)
        #expect(Term.Status(lenient: "admittedTerm-admn-sts") == .admitted)
        #expect(Term.Status(lenient: "approved") == .preferred)
        #expect(Term.Status(lenient: "maybe") == nil)
    }

    @Test func shippedGlossaryRoundTripsThroughCSV() throws {
        let tbx = try shippedGlossary()
        #expect(tbx.concepts.count >= 60)
        let csv = try glossary(GlossaryCSV.write(tbx), name: "x.csv")
        #expect(comparable(csv) == comparable(tbx))
        let again = try glossary(try TBX.write(csv), name: "x.tbx")
        #expect(comparable(again) == comparable(tbx))
        // The shipped CSV is the same glossary.
        #expect(comparable(try shippedGlossary("vi-nb.csv")) == comparable(tbx))
    }

    @Test func writtenTBXUsesOnlyTBXBasicDataCategories() throws {
        let written = try TBX.write(try shippedGlossary())
        // TBX-Basic's categories per element (DCA style): tolk's own travel as notes.
        let allowed: [String: Set<String>] = [
            "termNote": ["administrativeStatus", "partOfSpeech", "termType", "grammaticalGender", "geographicalUsage", "termLocation"],
            "descrip": ["definition", "subjectField", "context"], "admin": ["customerSubset", "projectSubset", "source"],
        ]
        let root = try XMLReader.parse(Document(written, name: "x.tbx"))
        #expect(root.attribute("type") == "TBX-Basic")
        func visit(_ element: XMLElement) {
            if let types = allowed[String(element.localName)] {
                #expect(types.contains(element.attribute("type") ?? ""), "<\(element.name) type=\(element.attribute("type") ?? "")>")
            }
            element.elements().forEach(visit)
        }
        visit(root)
        #expect(written.contains("<note>tolk conceptType: person</note>"))
        #expect(written.contains("<termNote type=\"partOfSpeech\">properNoun</termNote>"))
    }

    @Test func writtenLanguageTagsAreBCP47() throws {
        let terms = [
            Term(language: "vi_VN", text: "Tô Lâm"), Term(language: "vi-vn", text: "Tô Lâm (2)"), Term(language: "NB", text: "To Lam"),
        ]
        let written = try TBX.write(Glossary(concepts: [Concept(id: "to-lam", kind: .person, terms: terms)]))
        #expect(written.contains("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"vi-VN\""))
        #expect(written.components(separatedBy: "<langSec xml:lang=\"vi-VN\">").count == 2, "one section for vi_VN and vi-vn")
        #expect(written.contains("<langSec xml:lang=\"nb\">"))
        let bad = Glossary(concepts: [Concept(id: "x", kind: .term, terms: [Term(language: "norsk bokmål", text: "x")])])
        #expect(throws: GlossaryError.self) { try TBX.write(bad) }
    }

    @Test(arguments: [
        ("Tô Lâm", "Tô Lâm"), ("  Tô  Lâm ", "Tô Lâm"), ("Tô\nLâm", "Tô Lâm"), ("Tô\u{00A0}Lâm", "Tô Lâm"), ("a\tb", "a b"),
        ("x", "x"),
    ])
    func elementTextIsWhitespaceCollapsed(raw: String, collapsed: String) throws {
        let root = try XMLReader.parse(Document("<a><b>\(raw)</b><c>\(raw)<i/></c></a>", name: "x.xml"))
        #expect(root.elements("b").first?.text == collapsed)
        #expect(root.elements("c").first?.text == collapsed)  // more than one child: the general path
        #expect(XMLElement.isCollapsed(raw) == (raw == collapsed))
    }

    @Test func olderTolkCategoriesAreStillRead() throws {
        let text = """
            <tbx type="TBX-Basic" style="dca" xml:lang="vi" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
            <conceptEntry id="to-lam"><descrip type="conceptType">person</descrip><admin type="doNotTranslate">yes</admin>
            <langSec xml:lang="nb"><termSec><term>To Lam</term><termNote type="inflectedForms">Lams</termNote></termSec></langSec>
            </conceptEntry></body></text></tbx>
            """
        let concept = try #require(try glossary(text, name: "old.tbx").concepts.first)
        #expect(concept.kind == .person)
        #expect(concept.doNotTranslate)
        #expect(concept.terms.first?.forms == ["Lams"])
        #expect(concept.note == nil)
    }

    @Test func shippedGlossaryIsValidAndCoversTheSeed() throws {
        let glossary = try shippedGlossary()
        #expect(glossary.validate().isEmpty)
        let ids = Set(glossary.concepts.map(\.id))
        for id in [
            "to-lam", "thongloun-sisoulith", "general-secretary", "lao-peoples-revolutionary-party", "central-committee",
            "national-assembly",
            "fatherland-front", "south-china-sea", "vietnam-news-agency", "doi-moi",
        ] {
            #expect(ids.contains(id), "missing \(id)")
        }
        #expect(glossary.concepts.allSatisfy { $0.note != nil }, "every concept explains itself")
        let party = try #require(glossary.concepts.first { $0.id == "lao-peoples-revolutionary-party" })
        #expect(party.terms(in: "nb").filter { $0.status == .forbidden }.count >= 3)
    }

    @Test func csvWithBOMQuotesAndLineBreaks() throws {
        let text =
            "\u{FEFF}concept_id,type,language,term,status,forms,do_not_translate,note\n"
            + "c1,title,vi,Tổng Bí thư,preferred,,,\"A note, with a comma\nand a line break\"\r\n"
            + "c1,,nb,generalsekretær,preferred,generalsekretæren|generalsekretærens,,\n"
            + "c1,,nb,\"\"\"Generalsekretær\"\"\",forbidden,,,\n"
        var bytes = Array(text.utf8)
        bytes.removeFirst(3)
        let document = try Document(bytes: [0xEF, 0xBB, 0xBF] + bytes, name: "g.csv")
        let concept = try #require(try Glossary.read(document).concepts.first)
        #expect(concept.note == "A note, with a comma\nand a line break")
        #expect(concept.kind == .title)
        #expect(concept.terms(in: "nb")[0].forms == ["generalsekretæren", "generalsekretærens"])
        #expect(concept.terms(in: "nb")[1].text == "\"Generalsekretær\"")
    }

    @Test func csvErrorsNameTheRow() {
        #expect(
            throws: GlossaryError.invalid(
                source: "g.csv", position: TextPosition(line: 3, column: 1),
                message: "unknown status 'often' (preferred, admitted, forbidden)")
        ) {
            try glossary("concept_id,language,term,status\nc1,vi,Lào,preferred\nc1,nb,Laos,often\n", name: "g.csv")
        }
        #expect(throws: GlossaryError.self) { try glossary("id,lang,text\n", name: "g.csv") }
    }
}

@Suite("Safe XML")
struct SafeXMLTests {
    @Test func externalEntitiesAreRefused() {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE tbx [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <tbx><text><body><conceptEntry id="c"><langSec xml:lang="en"><termSec><term>&secret;</term></termSec></langSec></conceptEntry></body></text></tbx>
            """
        #expect(
            throws: GlossaryError.xml(
                XMLError(
                    source: "x.tbx", position: TextPosition(line: 2, column: 15),
                    message: "entity declarations are not allowed (tolk never expands XML entities)"))
        ) {
            try glossary(xxe, name: "x.tbx")
        }
    }

    @Test func entityBombsAreRefusedQuickly() {
        var bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            bomb += " <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1 == 0 ? "" : String(level - 1));", count: 10) + "\">\n"
        }
        bomb += "]>\n<tbx>&lol9;</tbx>\n"
        #expect(throws: GlossaryError.self) { try glossary(bomb, name: "bomb.tbx") }
    }

    @Test func undeclaredEntitiesAreErrorsNotExpansions() {
        #expect(throws: GlossaryError.self) { try glossary("<tbx><text>&nbsp;</text></tbx>", name: "e.tbx") }
    }

    @Test func anExternalDTDIsNeverRead() throws {
        // TBX v2 files name their DTD; it is skipped, not fetched.
        let text =
            "<?xml version='1.0'?>\n<!DOCTYPE martif SYSTEM \"http://localhost:1/never.dtd\">\n<martif><text><body><termEntry id=\"a\"><langSet xml:lang=\"en\"><tig><term>x &amp; y</term></tig></langSet></termEntry></body></text></martif>"
        #expect(try glossary(text, name: "v2.tbx").concepts.first?.terms.first?.text == "x & y")
    }

    @Test(arguments: [
        ("<tbx><text><body>", "<body> is not closed", 1, 12),
        ("<tbx>\n  <text></body></tbx>", "</body> closes <text>", 2, 9),
        ("not xml at all", "text before the root element", 1, 1),
        ("", "no root element: the file is empty or not XML", 1, 1),
        ("<tbx a='1' a='2'/>", "attribute a given twice", 1, 12),
    ])
    func malformedXMLNamesLineAndColumn(text: String, message: String, line: Int, column: Int) {
        #expect(throws: GlossaryError.xml(XMLError(source: "m.tbx", position: TextPosition(line: line, column: column), message: message)))
        {
            try glossary(text, name: "m.tbx")
        }
    }

    @Test func deepNestingIsLimited() {
        let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(throws: GlossaryError.self) { try glossary(deep, name: "deep.tbx") }
    }

    @Test func characterReferencesAndCDATA() throws {
        let root = try XMLReader.parse(Document("<t a=\"&#x110;&#273;\">T&#244; <![CDATA[<L&acirc;m>]]></t>", name: "c.xml"))
        #expect(root.attribute("a") == "Đđ")
        #expect(root.text == "Tô <L&acirc;m>")
    }
}

@Suite("Glossary validation")
struct GlossaryValidationTests {
    @Test func problemsAreFoundWithTheirRows() throws {
        let text = """
            concept_id,type,language,term,status
            a,title,vi,Tổng Bí thư,preferred
            a,,nb,generalsekretær,preferred
            a,,nb,Generalsekretær,admitted
            b,title,nb,generalsekretær,preferred
            c,term,nb,,preferred
            d,term,nb,premier,forbidden
            """
        let findings = try glossary(text, name: "v.csv").validate()
        #expect(findings.map(\.rule) == ["glossary-duplicate-term", "glossary-preferred-twice", "glossary-empty", "glossary-no-preferred"])
        #expect(findings.map(\.line) == [4, 5, 6, 7])
    }

    @Test func languageTagsAreMatchedTheBCP47Way() throws {
        for tag in ["nb", "nb-NO", "nb_NO", "NB", "nob", "no", "nor"] {
            #expect(LanguageTag.serves(tag, "nb"), "\(tag) serves nb")
        }
        #expect(!LanguageTag.serves("nn", "nb"))
        #expect(LanguageTag.serves("vi-VN", "vi") && LanguageTag.serves("vie", "vi"))
        #expect(LanguageTag.serves("nb", "NB") && !LanguageTag.serves("nb", "nn") && LanguageTag.serves("", ""))
        #expect(["nb", "NB", "Nb", "nob", "nb-NO", "nb_no"].map(LanguageTag.primary) == Array(repeating: "nb", count: 6))
        #expect(["", "x", "vi", "v1"].map(LanguageTag.primary) == ["", "x", "vi", "v1"])
        let csv = """
            concept_id,type,language,term,status,forms,do_not_translate,note
            pm,,vi-VN,Thủ tướng,preferred,,,
            pm,,nb_NO,statsminister,preferred,,,
            """
        let glossary = try Glossary.read(Document(csv, name: "tags.csv"))
        #expect(glossary.concepts[0].preferred(in: "nb")?.text == "statsminister")
        #expect(throws: Never.self) { try glossary.requireTerms(in: ["vi", "nb"]) }
        #expect(throws: GlossaryError.noTerms(source: "tags.csv", language: "nn", has: ["vi-VN", "nb_NO"])) {
            try glossary.requireTerms(in: ["nn"])
        }
        #expect(
            GlossaryError.noTerms(source: "g.tbx", language: "nb", has: ["vi", "nn"]).description
                == "g.tbx: no terms in 'nb'; the glossary has 'vi', 'nn'")
    }

    @Test(arguments: [",", ";", "\t"])
    func twoColumnExports(separator: String) throws {
        let csv = [
            "vi-VN\(separator)nb-NO", "Tô Lâm\(separator)To Lam", "Thủ tướng\(separator)statsminister",
            "\"Hà Nội, Việt Nam\"\(separator)Hanoi",
        ]
        .joined(separator: "\n")
        let glossary = try Glossary.read(Document(csv, name: "export.csv"))
        #expect(glossary.concepts.count == 3)
        #expect(glossary.concepts.map(\.kind) == [.person, .term, .person])
        #expect(glossary.concepts[1].preferred(in: "nb")?.text == "statsminister")
        #expect(glossary.concepts[2].preferred(in: "vi")?.text == "Hà Nội, Việt Nam")
        #expect(throws: GlossaryError.self) { try Glossary.read(Document("vi,nb\nTô Lâm\n", name: "short.csv")) }
    }

    @Test func aTitleCapitalisedInTheTargetIsNoName() throws {
        let glossary = try Glossary.read(Document("vi,nb\nThủ tướng,Statsminister\nPhạm Minh Chính,Pham Minh Chinh\n", name: "g.csv"))
        #expect(glossary.concepts.map(\.kind) == [.term, .person])
    }

    @Test func aStemThatMakesANewWordIsNoCompound() throws {
        let glossary = try Glossary.read(Document("vi,nb\nxã,kommune\ntỉnh,provins\n", name: "g.csv"))
        let matcher = try TermMatcher(glossary: glossary, language: "nb")
        let text = "kommunestyret, kommunistiske, provinsielle og provinsgrensen"
        let found = try matcher.occurrences(in: Segmenter(languageCode: "nb").segment(Document(text))).map(\.text)
        #expect(found == ["kommunestyret", "provinsgrensen"])
    }
}

@Suite("Writing XML")
struct XMLWritingTests {
    @Test func markupIsEscapedAndForbiddenCharactersMarkedNotDropped() throws {
        let text = "a<b>&\"c'\u{1}d\u{FFFE}e\u{FFFF}f\tg\nh"
        let escaped = XMLWriter.escape(text)
        #expect(escaped == "a&lt;b&gt;&amp;&quot;c&apos;\u{FFFD}d\u{FFFD}e\u{FFFD}f\tg\nh")
        #expect(XMLWriter.needsReplacements(text))
        #expect(!XMLWriter.needsReplacements("Tô Lâm\tog\r\nTo Lam"))
        // What is written reads back as XML.
        #expect(throws: Never.self) { try XMLReader.parse(Document("<seg>\(escaped)</seg>")) }
    }

    @Test func lettersNearTheReplacedOnesStay() {
        // U+FFFD, U+FEFF and U+EFBF share lead bytes with U+FFFE/U+FFFF; CR stays; text with
        // nothing to escape comes back as it is.
        #expect(XMLWriter.escape("\u{FFFD}\u{FEFF}\u{EFBF}\r\u{1F}") == "\u{FFFD}\u{FEFF}\u{EFBF}\r\u{FFFD}")
        #expect(XMLWriter.escape("Tổng Bí thư Tô Lâm") == "Tổng Bí thư Tô Lâm")
        #expect(XMLWriter.escape("x\u{FFFF}") == "x\u{FFFD}")
        #expect(XMLWriter.escape("") == "")
    }
}
