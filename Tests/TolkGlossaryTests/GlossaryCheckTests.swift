import Testing
import TolkText

@testable import TolkGlossary

/// A small glossary for rule tests, in the shipped CSV layout.
let testGlossary: Glossary = {
    let csv = """
        concept_id,type,language,term,status,forms,do_not_translate,note
        to-lam,person,vi,Tô Lâm,preferred,,yes,n
        to-lam,,nb,To Lam,preferred,,,
        pham-minh-chinh,person,vi,Phạm Minh Chính,preferred,,yes,n
        pham-minh-chinh,,nb,Pham Minh Chinh,preferred,,,
        general-secretary,title,vi,Tổng Bí thư,preferred,,,n
        general-secretary,,nb,generalsekretær,preferred,,,
        secretary,title,vi,Bí thư,preferred,,,n
        secretary,,nb,sekretær,preferred,,,
        prime-minister,title,vi,Thủ tướng,preferred,,,n
        prime-minister,,nb,statsminister,preferred,,,
        prime-minister,,nb,premier,forbidden,,,
        prime-minister,,nb,regjeringssjef,admitted,,,
        minister,title,vi,Bộ trưởng,preferred,,,n
        minister,,nb,minister,preferred,,,
        laos,place,vi,Lào,preferred,,,n
        laos,,nb,Laos,preferred,,,
        lprp,organisation,vi,Đảng Nhân dân Cách mạng Lào,preferred,,,n
        lprp,,nb,Laos revolusjonære folkeparti,preferred,,,
        lprp,,nb,Laos folkerevolusjonære parti,forbidden,,,
        lprp,,nb,Det laotiske revolusjonære partiet,forbidden,,,
        government,organisation,vi,Chính phủ,preferred,,,n
        government,,nb,regjeringen,preferred,,,
        sea,place,vi,Biển Đông,preferred,,,n
        sea,,nb,Sør-Kinahavet,preferred,,,
        sea,,nb,Østsjøen,forbidden,,,
        """
    return try! Glossary.read(Document(csv, name: "test.csv"))
}()

func occurrences(_ text: String, _ language: String, foldDiacritics: Bool = false) throws -> [(String, String, Term.Status)] {
    let matcher = try TermMatcher(glossary: testGlossary, language: language, foldDiacritics: foldDiacritics)
    let segmentation = try Segmenter(languageCode: language).segment(Document(text))
    return try matcher.occurrences(in: segmentation).map { ($0.concept.id, $0.text, $0.term.status) }
}

func findings(_ text: String, source: String? = nil) throws -> [Finding] {
    try GlossaryChecker(glossary: testGlossary).check(
        translation: Document(text, name: "t.txt"), source: source.map { Document($0, name: "s.txt") }
    ).findings
}

@Suite("Term matching")
struct TermMatchingTests {
    @Test func vietnameseLongestMatchFirst() throws {
        let found = try occurrences("Tổng Bí thư Tô Lâm gặp Bí thư tỉnh.", "vi")
        #expect(found.map(\.0) == ["general-secretary", "to-lam", "secretary"])
        #expect(found.map(\.1) == ["Tổng Bí thư", "Tô Lâm", "Bí thư"])
    }

    /// Occurrences share their concept and term with the matcher; two matchers' occurrences of one
    /// place are still equal, and hash alike.
    @Test func occurrencesOfTwoMatchersAreEqual() throws {
        let segmentation = try Segmenter(languageCode: "vi").segment(Document("Tổng Bí thư Tô Lâm gặp Tô Lâm."))
        let first = try TermMatcher(glossary: testGlossary, language: "vi").occurrences(in: segmentation)
        let second = try TermMatcher(glossary: testGlossary, language: "vi").occurrences(in: segmentation)
        #expect(first.count == 3 && first == second && Set(first) == Set(second))
        #expect(first[1] != first[2] && first[1].concept == first[2].concept && first[1].term == first[2].term)
    }

    @Test func vietnameseNormalisationAndToneStyles() throws {
        // Decomposed input, old/new tone placement and case do not matter; the text is reported as written.
        let nfd = try Normalizer(form: .nfd).normalize("TỔNG BÍ THƯ").text
        #expect(try occurrences(nfd, "vi").map(\.0) == ["general-secretary"])
        #expect(try occurrences("Đảng Nhân dân Cách mạng Lào", "vi").map(\.0) == ["lprp"])
        // Without diacritics only when asked.
        #expect(try occurrences("Tong Bi thu To Lam", "vi").isEmpty)
        #expect(try occurrences("Tong Bi thu To Lam", "vi", foldDiacritics: true).map(\.0) == ["general-secretary", "to-lam"])
    }

    @Test(arguments: [
        ("generalsekretæren", "general-secretary"), ("generalsekretærens", "general-secretary"), ("generalsekretærer", "general-secretary"),
        ("Regjeringens", "government"), ("regjering", "government"),
    ])
    func norwegianInflections(word: String, concept: String) throws {
        #expect(try occurrences("Møtet med \(word) var kort.", "nb").map(\.0) == [concept])
    }

    @Test func namesWithGenitive() throws {
        #expect(try occurrences("To Lams besøk og Laos' nasjonaldag", "nb").map(\.1) == ["To Lams", "Laos'"])
    }

    @Test func compoundsRenderTheirFirstPart() throws {
        #expect(
            try occurrences("Østsjøspørsmålet, ministerrådet, Laos-besøket og sekretærene", "nb").map(\.1) == [
                "Østsjøspørsmålet", "ministerrådet", "Laos-besøket", "sekretærene",
            ])
        #expect(try occurrences("Østsjøspørsmålet", "nb").first?.2 == .forbidden)
        // Adjectives before a definite noun: `revolusjonære` stays, a definite last word is an inflection.
        #expect(try occurrences("Laos revolusjonære folkepartiet", "nb").map(\.0) == ["lprp"])
    }

    @Test func spellingsThatDifferByAHyphenOrASpace() throws {
        #expect(try occurrences("Sør-Kinahavet, Sørkinahavet og Sør Kinahavet", "nb").map(\.0) == ["sea", "sea", "sea"])
        #expect(try occurrences("Østsjø-en", "nb").map(\.2) == [.forbidden])
        #expect(try occurrences("to lam", "nb").isEmpty)
    }

    @Test func nounsInErTakeEInThePlural() throws {
        #expect(try occurrences("ministere og ministerne", "nb").map(\.1) == ["ministere", "ministerne"])
    }

    @Test func traps() throws {
        // "to" is the numeral two, "Lam" alone is no name, and no term matches inside a longer word.
        #expect(try occurrences("de to lamme hestene og Lampeland", "nb").isEmpty)
        #expect(try occurrences("to lam gikk", "nb").isEmpty)
        #expect(try occurrences("Laosbesøket og Lampeland", "nb").isEmpty)
        // A title glued to a name is no compound of the title.
        #expect(try occurrences("ministerPham", "nb").isEmpty)
        #expect(try occurrences("Han kom for Lam og for å se", "nb").isEmpty)
    }
}

@Suite("Lead bytes")
struct LeadBytesTests {
    @Test func aStringIsFoundByItsFirstTwoBytes() {
        var leads = LeadBytes()
        for text in ["østsjøen", "mekongdeltaet", "a", "generalsekretær"] { leads.insert(text) }
        // The strings themselves, strings that start them or that they start (two bytes or more).
        #expect(["østsjøen", "øst", "ø", "mekong-", "me", "a", "gen", "generalsekretærene"].allSatisfy(leads.contains))
        // Any other first two bytes: none of them.
        #expect(!["ås", "mk", "ab", "", "æ", "b", "eg"].contains(where: leads.contains))
    }
}

@Suite("Range lookup")
struct RangeLookupTests {
    @Test func answersAsAScanOverTheRangesDoes() {
        var random = SplitMix64(seed: 14)
        for round in 0..<40 {
            // Paragraphs in page order, some empty, then the same shuffled; and overlapping ranges.
            var paragraphs: [Range<Int>] = []
            var offset = 0
            for _ in 0..<(round % 9) {
                offset += Int(random.next() % 3)
                let length = Int(random.next() % 4)
                paragraphs.append(offset..<offset + length)
                offset += length
            }
            let overlapping = (0..<(round % 7)).map { _ in
                let start = Int(random.next() % 30)
                return start..<start + Int(random.next() % 12)
            }
            for ranges in [paragraphs, paragraphs.shuffled(using: &random)] {
                let lookup = RangeLookup(ranges)
                for offset in -1...40 {
                    #expect(lookup.index(containing: offset) == ranges.firstIndex { $0.contains(offset) })
                    #expect(lookup.contains(offset) == ranges.contains { $0.contains(offset) })
                }
            }
            let lookup = RangeLookup(overlapping)
            for offset in -1...45 { #expect(lookup.contains(offset) == overlapping.contains { $0.contains(offset) }) }
        }
    }
}

@Suite("Near misses")
struct NearMissTests {
    @Test func diceCountsBigramsAsAMultiset() {
        #expect(GlossaryReport.dice("night", "nacht") == 0.25)
        #expect(abs(GlossaryReport.dice("aaa", "aa") - 2.0 / 3.0) < 1e-12)
        #expect(GlossaryReport.dice("ab", "ab") == 1)
        #expect(GlossaryReport.dice("a", "a") == 0)
        #expect(GlossaryReport.dice("", "") == 0)
        // Letters beyond ASCII are characters too: the same values as their ASCII look-alikes.
        #expect(GlossaryReport.dice("nøtt", "nøtt") == 1)
        #expect(GlossaryReport.dice("nåcht", "nacht") == GlossaryReport.dice("nxcht", "nacht"))
        #expect(GlossaryReport.dice("aaø", "aa") == GlossaryReport.dice("aax", "aa"))
    }
}

@Suite("Glossary rules")
struct GlossaryRuleTests {
    @Test func forbiddenRenderingWithSuggestion() throws {
        let result = try findings("De møttes om Østsjøen.")
        let finding = try #require(result.first { $0.rule == "glossary-forbidden" })
        #expect((finding.line, finding.column, finding.endColumn) == (1, 14, 22))
        #expect(finding.suggestion == "Sør-Kinahavet")
        #expect(finding.concept == "sea")
        #expect(finding.severity == .error)
    }

    @Test(arguments: [
        ("GeneralsekretærLams statsbesøk til Laos.", "GeneralsekretærLams"),
        ("Generalsekretær for Lam møtte pressen.", "Generalsekretær for Lam"),
        ("Møtet ble ledet av generalsekretær Lam i dag.", "generalsekretær Lam"),
        ("Statsminister Pham Minh Kinh talte.", "Pham Minh Kinh"),
    ])
    func mangledNames(text: String, match: String) throws {
        let mangled = try findings(text).filter { $0.rule == "glossary-mangled-name" }
        #expect(mangled.map(\.match) == [match])
    }

    @Test func afterATitleANameInLowerCaseOrCutShort() throws {
        let found = try findings("Han møtte generalsekretær to lam, og statsminister Pham Minh kom. De to lam gikk.")
            .filter { $0.rule == "glossary-mangled-name" }
        #expect(found.map(\.match) == ["to lam", "Pham Minh"])
        #expect(found.map(\.suggestion) == ["To Lam", "statsminister Pham Minh Chinh"])
    }

    @Test func correctNamesAreNotMangled() throws {
        #expect(try findings("Generalsekretær To Lam møtte statsminister Pham Minh Chinh. (Foto: Lam Khanh/VNA)").isEmpty)
    }

    @Test func twoAcronymsOfOneConceptAreInconsistent() throws {
        var glossary = testGlossary
        glossary.concepts.append(
            Concept(
                id: "vna", kind: .organisation,
                terms: [
                    Term(language: "vi", text: "TTXVN", status: .preferred, forms: []),
                    Term(language: "nb", text: "VNA", status: .preferred, forms: []),
                    Term(language: "nb", text: "TTXVN", status: .admitted, forms: []),
                ]))
        let checker = try GlossaryChecker(glossary: glossary)
        let mixed = try checker.check(translation: Document("Bilde. (Foto: Lan/VNA)\n\nTekst her.\n\n(TTXVN/Vietnam+)\n", name: "t.txt"))
        #expect(mixed.findings.filter { $0.rule == "glossary-inconsistent" }.map(\.line) == [5])
        let one = try checker.check(translation: Document("Bilde. (Foto: Lan/TTXVN)\n\n(TTXVN/Vietnam+)\n", name: "t.txt"))
        #expect(one.findings.filter { $0.rule == "glossary-inconsistent" }.isEmpty)
    }

    @Test func inconsistencyListsEveryPlace() throws {
        let text =
            "Det laotiske revolusjonære partiet ble stiftet.\n\nLaos folkerevolusjonære parti styrer.\n\nLaos revolusjonære folkeparti vant."
        let inconsistent = try #require(try findings(text).first { $0.rule == "glossary-inconsistent" })
        // At the forbidden rendering: the approved places are right.
        #expect(inconsistent.line == 1)
        #expect(
            inconsistent.message.contains("(line 1)") && inconsistent.message.contains("(line 3)")
                && inconsistent.message.contains("(line 5)"))
        #expect(inconsistent.severity == .warning)
    }

    @Test func titleCaseMidSentenceOnly() throws {
        let text = "Generalsekretær To Lam kom. Han møtte Statsminister Pham Minh Chinh.\nStatsminister Pham Minh Chinh smilte."
        let cases = try findings(text).filter { $0.rule == "glossary-case" }
        #expect(cases.map(\.line) == [1])
        #expect(cases.first?.suggestion == "statsminister")
        // A title that is part of another name is no title: "Premier League".
        #expect(try findings("Han spiller i Premier League nå.").isEmpty)
        // A title before a name not in the glossary: two capitalised words are a person.
        #expect(try findings("Han møtte Malaysias Statsminister Anwar Ibrahim i går.").map(\.rule) == ["glossary-case"])
    }

    @Test func missingNeedsTheSource() throws {
        let source = "Thủ tướng Phạm Minh Chính và Bộ trưởng gặp Tổng Bí thư Tô Lâm."
        let missing = try findings("Statsminister Pham Minh Chinh og utenriksministeren møtte To Lam.", source: source).filter {
            $0.rule == "glossary-missing"
        }
        // "generalsekretær" is missing; "utenriksministeren" renders "Bộ trưởng" as a compound.
        #expect(missing.map(\.concept) == ["general-secretary"])
        #expect(missing.first?.path == "s.txt")
        #expect(missing.first?.suggestion == "generalsekretær")
    }

    @Test func corpusInconsistency() throws {
        let checker = try GlossaryChecker(glossary: testGlossary)
        let documents = [
            Document("Statsminister Pham Minh Chinh kom.", name: "a.txt"), Document("Regjeringen i Laos.", name: "b.txt"),
            Document("Regjeringssjefen Pham Minh Chinh talte.", name: "c.txt"),
        ]
        let results = try documents.map { try checker.check(translation: $0) }
        let corpus = GlossaryChecker.corpusInconsistencies(results.flatMap(GlossaryChecker.renderings(of:)))
        #expect(corpus.map(\.rule) == ["glossary-inconsistent-corpus"])
        #expect(corpus.first?.path == "c.txt")
        #expect(corpus.first?.message.contains("'statsminister' in a.txt") == true)
        // The same rendering everywhere is consistent.
        #expect(GlossaryChecker.corpusInconsistencies(results.prefix(2).flatMap(GlossaryChecker.renderings(of:))).isEmpty)
    }
}

@Suite("Glossary report")
struct GlossaryReportTests {
    @Test func renderingsUnseenConceptsAndLookAlikes() throws {
        // Without its forbidden variants, the glossary does not know the seed's other party names.
        var glossary = testGlossary
        glossary.concepts = glossary.concepts.map { concept in
            var concept = concept
            concept.terms.removeAll { $0.status == .forbidden }
            return concept
        }
        let checker = try GlossaryChecker(glossary: glossary)
        let seed = try TextReader(path: repository.appendingPathComponent("Corpora/vietnamplus-1080302/nb.txt").path).readDocument()
        let report = try GlossaryReport.build(glossary: glossary, language: "nb", results: [try checker.check(translation: seed)])
        let laos = try #require(report.used.first { $0.concept == "laos" })
        #expect(laos.renderings.first?.places.count ?? 0 > 20)
        #expect(report.unseen.contains("pham-minh-chinh"))
        let lookAlikes = report.candidates.filter { $0.concept == "lprp" }.map(\.text)
        #expect(lookAlikes.contains("Laos folkerevolusjonære parti"))
        #expect(lookAlikes.contains("Laos folkerevolusjonsparti"))
        #expect(report.candidates.allSatisfy { !$0.text.contains("\n") })
    }
}

@Suite("Slug rendering")
struct SlugRenderingTests {
    @Test func captionsAgainstTheConceptsTheirSlugNames() throws {
        let check = try SlugRenderingCheck(glossary: try shippedGlossary())
        let good = try check.agreement(
            text: "Generalsekretær To Lam møtte Laos generalsekretær og president Thongloun Sisoulith 25. oktober 2025.",
            slug: "ttxvn-tong-bi-thu-to-lam-gap-tong-bi-thu-chu-tich-nuoc-lao-thongloun")
        #expect(good.rendered == ["general-secretary", "president", "to-lam", "laos"])
        #expect(good.missing.isEmpty)
        let wrong = try check.agreement(text: "Fotballkamp i Hanoi.", slug: "ttxvn-tong-bi-thu-to-lam-gap-thu-tuong-lao")
        #expect(wrong.rendered.isEmpty)
        #expect(wrong.missing == ["general-secretary", "to-lam", "prime-minister", "laos"])
    }
}
