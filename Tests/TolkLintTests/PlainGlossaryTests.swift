import Foundation
import Testing
import TolkGlossary
import TolkLint
import TolkText

/// A glossary as an ordinary term base exports it (terms, languages, statuses and parts of speech;
/// no notes, categories or forms) finds what tolk's own glossary finds.
@Suite("A plain glossary")
struct PlainGlossaryTests {
    let corpus = repository.appendingPathComponent("Corpora")

    func glossary(_ path: String) throws -> Glossary {
        try Glossary.read(TextReader(path: repository.appendingPathComponent(path).path).readDocument())
    }

    @Test func kindsAreInferredFromTheTerms() throws {
        let plain = try glossary("Tests/Fixtures/vi-nb-plain.tbx")
        let kinds = Dictionary(uniqueKeysWithValues: plain.concepts.map { ($0.id, $0.kind) })
        #expect(kinds["to-lam"] == .person)  // Tô Lâm -> To Lam
        #expect(kinds["general-secretary"] == .term)  // generalsekretær: lower case, a term with a term's case rule
        #expect(kinds["south-china-sea"] == .person || kinds["south-china-sea"] == .place)  // a name
    }

    @Test(arguments: [
        "vietnamplus-1080302", "vietnamplus-1080415", "vietnamplus-1080533", "vietnamplus-1080610", "vietnamplus-1080702",
        "vietnamplus-1080788", "vietnamplus-1080850", "vietnamplus-1080921",
    ])
    func theCorpusGivesTheSameFindings(pair: String) throws {
        let translation = try TextReader(path: corpus.appendingPathComponent("\(pair)/nb.txt").path).readDocument()
        let source = try TextReader(path: corpus.appendingPathComponent("\(pair)/vi.txt").path).readDocument()
        func places(_ path: String) throws -> Set<String> {
            let linter = try Linter(configuration: LintConfiguration(), glossary: try glossary(path))
            let withSource = try linter.lint(translation: translation, source: source).findings
            let alone = try linter.lint(translation: translation).findings
            return Set((withSource + alone).map { "\($0.rule)@\($0.path.suffix(6)):\($0.line)" })
        }
        let own = try places("Glossaries/vi-nb.tbx")
        #expect(own.contains { $0.hasPrefix("glossary-") } || pair.hasSuffix("0850") || pair.hasSuffix("0921"))
        #expect(try places("Tests/Fixtures/vi-nb-plain.tbx") == own)
    }
}

@Suite("Missing names per paragraph")
struct MissingNamesPerParagraphTests {
    let glossary: Glossary = {
        let csv = """
            concept_id,type,language,term,status,forms,do_not_translate,note
            bac-ninh,,vi,Bắc Ninh,preferred,,,
            bac-ninh,,nb,Bac Ninh,preferred,,,
            """
        return try! Glossary.read(Document(csv, name: "g.csv"))
    }()

    let source = """
        Đầu tư mới vào miền Bắc

        Tỉnh Bắc Ninh thu hút nhiều dự án đầu tư mới trong năm nay.

        Tổng vốn đăng ký đạt 2,4 tỷ USD, tăng 12% so với năm trước.

        Chính quyền cam kết cải thiện môi trường kinh doanh cho nhà đầu tư.

        Các doanh nghiệp Nhật Bản sẽ mở nhà máy tại Bắc Ninh vào năm tới.
        """

    @Test func aNameRenderedElsewhereButNotInItsParagraphIsMissing() throws {
        let translation = """
            Nye investeringer i nord

            Provinsen Bac Ninh tiltrekker seg mange nye investeringsprosjekter i år.

            Den registrerte kapitalen nådde 2,4 milliarder USD, 12 prosent mer enn året før.

            Myndighetene lover å bedre forretningsklimaet for investorene.

            Japanske bedrifter skal åpne fabrikker i Nord-Ninh neste år.
            """
        let missing = try lint(translation, source: source, glossary: glossary).filter { $0.rule == "glossary-missing" }
        #expect(missing.map(\.line) == [9])
        #expect(missing.first?.path == "s.txt")
    }

    @Test func aNameInACompoundOrItsParagraphIsRendered() throws {
        let translation = """
            Nye investeringer i nord

            Provinsen Bac Ninh tiltrekker seg mange nye investeringsprosjekter i år.

            Den registrerte kapitalen nådde 2,4 milliarder USD, 12 prosent mer enn året før.

            Myndighetene lover å bedre forretningsklimaet for investorene.

            Japanske bedrifter skal åpne fabrikker i Bac Ninh-provinsen neste år.
            """
        #expect(try lint(translation, source: source, glossary: glossary).filter { $0.rule == "glossary-missing" }.isEmpty)
    }
}

@Suite("A title before a name")
struct TitleBeforeANameTests {
    let glossary: Glossary = {
        let csv = """
            vi,nb
            Tổng thống,president
            Alexander Stubb,Alexander Stubb
            """
        return try! Glossary.read(Document(csv, name: "g.csv"))
    }()

    let source = """
        Chủ tịch nước hội đàm với Tổng thống Alexander Stubb

        Tổng thống Alexander Stubb thăm Việt Nam từ ngày 19 đến 21/5 theo lời mời của Chủ tịch nước.

        Tổng thống Alexander Stubb cho biết Phần Lan coi Việt Nam là đối tác ưu tiên ở Đông Nam Á.

        Hai bên nhất trí tăng cường hợp tác giáo dục và chuyển đổi xanh trong thời gian tới.
        """

    @Test func anotherTitleBeforeTheNameIsMissing() throws {
        let translation = """
            Presidenten holdt samtaler med president Alexander Stubb

            President Alexander Stubb besøker Vietnam fra 19. til 21. mai etter invitasjon fra presidenten.

            Statsminister Alexander Stubb sa at Finland ser på Vietnam som en prioritert partner i Sørøst-Asia.

            Partene ble enige om å styrke samarbeidet om utdanning og det grønne skiftet.
            """
        let missing = try lint(translation, source: source, glossary: glossary).filter { $0.rule == "glossary-missing" }
        #expect(missing.map(\.line) == [5])
        #expect(missing.first?.match == "Tổng thống")
    }
}
