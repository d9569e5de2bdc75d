import Testing
import TolkText

@Suite("Sentences and paragraphs")
struct SentenceTests {
    @Test(arguments: [
        ("Han kom bl.a. fra Oslo. Så dro han.", 2),
        ("Møtet er kl. 14.00 i morgen. Alle kommer.", 2),
        ("Prisen var ca. 50 kr. Det var billig.", 2),
        ("Det skjer 1. desember. Vi kommer.", 2),
        ("Han ble nr. 1. Hun ble nr. 2.", 2),
        ("Se f.eks. side 4. Den er fin.", 2),
        ("Boka er skrevet av prof. Hansen. Den er god.", 2),
        ("Hun møtte H. Ibsen i Oslo.", 1),
        ("Han sa det onsdag. - Vi kommer tilbake, sa han.", 2),
        ("Jeg spør: Er det sant?", 2),
        ("Han ropte «Nei!» skriver avisen.", 1),
        ("Hva vil du? spør han.", 1),
    ])
    func norwegian(text: String, count: Int) throws {
        let sentences = try sentenceTexts(text, "nb")
        #expect(sentences.count == count, "\(sentences)")
    }

    @Test func dialogueDashStartsTheNextSentence() throws {
        #expect(try sentenceTexts("Han sa det onsdag. - Vi kommer.", "nb") == ["Han sa det onsdag.", "- Vi kommer."])
    }

    @Test(arguments: [
        ("Ông sống ở TP. Hồ Chí Minh. Bà ở Hà Nội.", 2),
        ("TS. Nguyễn Văn A phát biểu. PGS. Trần B đồng ý.", 2),
        ("GS. Lê C và ThS. Phạm D đến.", 1),
    ])
    func vietnamese(text: String, count: Int) throws {
        let sentences = try sentenceTexts(text, "vi")
        #expect(sentences.count == count, "\(sentences)")
    }

    @Test func singleLineBreakIsSoftBlankLineSplitsParagraphs() throws {
        let segmentation = try segment("Dette er\nén setning.\n \nNytt avsnitt her.", "nb")
        #expect(segmentation.paragraphs.count == 2)
        #expect(segmentation.sentences.count == 2)
        #expect(segmentation.paragraphs[1].sentences == 1..<2)
    }

    /// A paragraph segmented alone, in its document, is what the whole document's segmentation
    /// holds for it (the aligner reads long texts a paragraph at a time).
    @Test func aParagraphAloneIsSegmentedAsInTheWholeDocument() throws {
        let document = try TextReader(path: seedPath).readDocument()
        let segmenter = try Segmenter(languageCode: "nb")
        let whole = try segmenter.segment(document)
        #expect(whole.paragraphs.count > 20)
        #expect(Segmenter.paragraphRanges(of: document) == whole.paragraphs.map(\.range))
        for index in whole.paragraphs.indices {
            #expect(holdsParagraph(try segmenter.segment(document, paragraph: whole.paragraphs[index].range), index, of: whole))
        }
    }

    @Test func emptyAndBlankInput() throws {
        #expect(try segment("", "nb").paragraphs.isEmpty)
        let blank = try segment(" \n\t\n\n", "nb")
        #expect(blank.paragraphs.isEmpty && blank.tokens.isEmpty)
    }

    @Test func seedPage() throws {
        let document = try TextReader(path: seedPath).readDocument()
        let segmentation = try Segmenter(languageCode: "nb").segment(document)
        let texts = segmentation.sentences.map { segmentation.text($0.range) }
        // The dateline ordinal and the date range stay in one sentence.
        #expect(texts.contains { $0.hasPrefix("På invitasjon fra") && $0.hasSuffix("fra 1. til 2. desember 2025.") })
        #expect(
            texts.contains(
                "Om morgenen 1. desember, etter den høytidelige offisielle velkomstseremonien for generalsekretær To Lam og hans kone sammen med den høytstående delegasjonen fra Vietnams parti og stat i presidentpalasset i henhold til den høyeste protokollen forbeholdt statsoverhoder, holdt generalsekretær To Lam samtaler med generalsekretær og president i Laos, Thongloun Sisoulith."
            ))
        // "osv.;" ends no sentence.
        #expect(texts.contains { $0.contains("strategisk infrastruktur osv.; dette skaper") })
        // Every paragraph line of the page is a paragraph; the caption follows its file name.
        let paragraphs = segmentation.paragraphs.map { segmentation.text($0.range) }
        let image = try #require(paragraphs.firstIndex { $0.hasPrefix("ttxvn-tong-bi-thu-to-lam-gap") })
        #expect(paragraphs[image].contains("\nGeneralsekretær To Lam møtte"))
        #expect(document.position(at: segmentation.paragraphs[image].range.lowerBound).line == 21)
        // Sentences cover their tokens exactly, in order.
        for sentence in segmentation.sentences {
            #expect(segmentation.tokens[sentence.tokens.lowerBound].range.lowerBound == sentence.range.lowerBound)
            #expect(segmentation.tokens[sentence.tokens.upperBound - 1].range.upperBound == sentence.range.upperBound)
        }
    }
}

@Suite("Language data")
struct LanguageDataTests {
    @Test func numberAnchorsLeaveWordsOutButKeepRomanNumerals() {
        var anchors = Set<String>()
        AnchorScanner.scanNumbers("Đại hội XIV họp ngày 1/12/2025 với 1.500 đại biểu ở Hà Nội", language: "vi", into: &anchors)
        #expect(anchors == ["n:14", "d:12-1", "y:2025", "m:12-2025", "n:1500"])
        var scaled = Set<String>()
        AnchorScanner.scanNumbers("10 nghìn người, XC và MIX", language: "vi", into: &scaled, scaling: true)
        #expect(scaled == ["n:10", "n:10000", "n:90"])
    }

    @Test func monthNamesInCalendarOrder() {
        let names = Language(code: "nb").monthNames
        #expect(names.count == 12)
        #expect(names.first == "januar" && names[4] == "mai" && names.last == "desember")
        #expect(Language(code: "nb-NO").monthNames == names)
        #expect(AnchorScanner.month(named: "Desember") == 12)
        #expect(Language(code: "xx").monthNames.isEmpty)
    }

    @Test func numberConventionsAndWordsComeFromTheData() {
        let (norwegian, vietnamese, unknown) = (Language(code: "nb"), Language(code: "vi"), Language(code: "xx"))
        #expect(norwegian.rules.contains(.spaceThousands) && !norwegian.rules.contains(.dotThousands))
        #expect(vietnamese.rules.contains(.dotThousands) && !vietnamese.rules.contains(.spaceThousands))
        #expect(
            norwegian.scaleWords == [
                "tusen": 1e3, "million": 1e6, "millioner": 1e6, "mill.": 1e6, "milliard": 1e9, "milliarder": 1e9, "mrd.": 1e9,
            ])
        #expect(vietnamese.scaleWords == ["nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9])
        #expect(unknown.rules.isEmpty && unknown.scaleWords.isEmpty)
        for code in ["nb", "nb-NO", "nob", "no", "nn", "vi", "vi_VN", "en", "xx", ""] {
            #expect(Language.rules(forCode: code) == Language(code: code).rules, "\(code)")
        }
        func numbers(_ text: String, _ language: String) -> Set<String> {
            var anchors = Set<String>()
            AnchorScanner.scanNumbers(text, language: language, into: &anchors, scaling: true)
            return anchors
        }
        #expect(numbers("1 500 og 1.500", "nb") == ["n:1500", "n:1.500"])
        #expect(numbers("1 500 và 1.500", "vi") == ["n:1", "n:500", "n:1500"])
        #expect(numbers("1 500 and 1.500", "xx") == ["n:1", "n:500", "n:1.500"])
        // Number words of either language scale a number in any text.
        #expect(numbers("2,4 milliarder", "xx") == ["n:2.4", "n:2400000000"])
        #expect(numbers("10 nghìn", "nb") == ["n:10", "n:10000"])
        #expect(numbers("3 mill. kroner", "nb") == ["n:3", "n:3000000"])
    }

    @Test func norwegianNounFormsComeFromTheData() {
        let norwegian = Language(code: "nb")
        #expect(norwegian.rules.contains(.inflectedTerms))
        #expect(norwegian.nounEndings.contains("ene") && norwegian.nounEndings.contains("s") && !norwegian.nounEndings.contains(""))
        #expect(norwegian.nounEndingsAfter == ["e": ["n", "ns", "t", "ts", "r", "rs", "ne", "nes"], "er": ["e", "es", "ne", "nes"]])
        #expect(norwegian.definiteEndings == ["en", "et"])
        #expect(norwegian.adjectiveEndings == ["e"])
        #expect(norwegian.genitiveEndings == ["'", "’", "s"])
        #expect(norwegian.derivationalSuffixes.contains("ikasjon"))
        #expect(norwegian.titleEndings == ["en", "er", "ene"])
        #expect(norwegian.genitiveHeads.contains("sekretær"))
        for other in [Language(code: "vi"), Language(code: "xx")] {
            #expect(!other.rules.contains(.inflectedTerms))
            #expect(other.nounEndings.isEmpty && other.nounEndingsAfter.isEmpty && other.definiteEndings.isEmpty)
            #expect(other.genitiveEndings.isEmpty && other.titleEndings.isEmpty && other.genitiveHeads.isEmpty)
        }
    }

    @Test func functionWordsComeFromTheData() {
        #expect(Language(code: "nb").functionWords.isSuperset(of: ["og", "ikke", "også"]))
        #expect(Language(code: "vi").functionWords == ["và", "của", "các", "cho", "với", "là", "tại"])
        #expect(Language(code: "en").functionWords.isSuperset(of: ["the", "which", "would"]))
        #expect(Language(code: "en").rules.isEmpty)
        #expect(Language(code: "xx").functionWords.isEmpty)
    }

    @Test func languagesAreFoundByTheirPrimarySubtag() {
        let norwegian = Language(code: "nb")
        for code in ["nb-NO", "NB", "nob", "no", "nn_NO"] {
            let language = Language(code: code)
            #expect(language.code == code)
            #expect(language.rules == norwegian.rules && language.abbreviations == norwegian.abbreviations)
        }
        #expect(Language(code: "vie").rules == Language(code: "vi").rules)
        #expect(Language.builtIn.map(\.code) == ["nb", "vi", "en"])
        #expect(Language(code: Language.defaultSourceCode).rules.contains(.syllableWords))
        #expect(Language(code: Language.defaultTargetCode).rules.contains(.inflectedTerms))
    }
}

@Suite("Language tags")
struct LanguageTagTests {
    @Test func canonicalFormsFollowBCP47() {
        #expect(LanguageTag.canonical("vi_VN") == "vi-VN")
        #expect(LanguageTag.canonical("NB-no") == "nb-NO")
        #expect(LanguageTag.canonical("zh-hant-tw") == "zh-Hant-TW")
        #expect(LanguageTag.canonical("nob") == "nob")
        for bad in ["", "n", "nb-", "nb--NO", "toolongsubtag-x", "nb-abcdefghi", "1b", "nb NO"] {
            #expect(LanguageTag.canonical(bad) == nil, "\(bad)")
        }
    }
}
