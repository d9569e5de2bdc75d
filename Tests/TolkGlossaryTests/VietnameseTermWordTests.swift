import Testing
import TolkText

@testable import TolkGlossary

/// Vietnamese terms on the word segmenter's words: a term does not match inside a word the model
/// knows, and still matches as a whole word, and beside names the segmenter runs together.
@Suite("Vietnamese terms and words")
struct VietnameseTermWordTests {
    static let glossary: Glossary = {
        let csv = """
            concept_id,type,language,term,status,forms,do_not_translate,note
            party,term,vi,Đảng,preferred,,,n
            party,,nb,partiet,preferred,,,
            china,place,vi,Trung,admitted,,,n
            china,place,vi,Trung Quốc,preferred,,,n
            china,,nb,Kina,preferred,,,
            laos,place,vi,Lào,preferred,,,n
            laos,,nb,Laos,preferred,,,
            congress,organisation,vi,Đại hội,preferred,,,n
            congress,,nb,kongressen,preferred,,,
            ambassador,title,vi,Đại sứ,preferred,,,n
            ambassador,,nb,ambassadør,preferred,,,
            vietnam,place,vi,Việt Nam,preferred,,,n
            vietnam,,nb,Vietnam,preferred,,,
            to-lam,person,vi,Tô Lâm,preferred,,yes,n
            to-lam,,nb,To Lam,preferred,,,
            thongloun,person,vi,Thongloun Sisoulith,preferred,,yes,n
            thongloun,,nb,Thongloun Sisoulith,preferred,,,
            """
        return try! Glossary.read(Document(csv, name: "words.csv"))
    }()

    func matches(_ text: String) throws -> [String] {
        let matcher = try TermMatcher(glossary: Self.glossary, language: "vi")
        let found = try matcher.occurrences(in: Segmenter(languageCode: "vi").segment(Document(text)))
        return found.map { "\($0.concept.id):\($0.text)" }
    }

    @Test(arguments: [
        // `đảng viên` (party member) is a word; the party itself is not in it (a term: a glossary
        // without categories asks no capital of it).
        ("Hơn 5 triệu đảng viên ủng hộ Đảng.", ["party:Đảng"]),
        // `Đại hội đồng` (general assembly) holds no congress: the segmenter reads `Đại | hội đồng`.
        // `Trung` (China, short) is not in `Trung ương` (central).
        ("Quan hệ Việt - Trung được Ban Chấp hành Trung ương bàn.", ["china:Trung"]),
        ("Trung Quốc và Lào.", ["china:Trung Quốc", "laos:Lào"]),
        ("Nhân dân Việt Nam và Lào.", ["vietnam:Việt Nam", "laos:Lào"]),
        ("Đại hội đồng Liên hợp quốc họp trước Đại hội Đảng.", ["congress:Đại hội", "party:Đảng"]),
    ])
    func notInsideALongerWord(text: String, expected: [String]) throws {
        let found = try matches(text)
        #expect(found == expected)
    }

    /// The segmenter runs a name into the capitalised words beside it (`Lào Thongloun Sisoulith`,
    /// `Việt Nam Tô Lâm`); such made-up words do not stop a match.
    @Test func namesBesideCapitalisedWords() throws {
        #expect(
            try matches("Chủ tịch nước Lào Thongloun Sisoulith đón Tổng Bí thư Đảng Cộng sản Việt Nam Tô Lâm.") == [
                "laos:Lào", "thongloun:Thongloun Sisoulith", "party:Đảng", "vietnam:Việt Nam", "to-lam:Tô Lâm",
            ])
    }

    /// Through the checker: a party member in the source asks for no rendering of the party.
    @Test func noMissingTermForAWordInsideAnother() throws {
        let checker = try GlossaryChecker(glossary: Self.glossary)
        let missing = { (source: String) in
            try checker.check(
                translation: Document("Over fem millioner medlemmer.", name: "t.txt"), source: Document(source, name: "s.txt")
            )
            .findings.filter { $0.rule == "glossary-missing" }.compactMap(\.concept)
        }
        #expect(try missing("Hơn 5 triệu đảng viên.").isEmpty)
        #expect(try missing("Hơn 5 triệu người ủng hộ Đảng.") == ["party"])
    }
}
