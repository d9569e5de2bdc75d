import Testing
import TolkText

@Suite("Norwegian tokens")
struct NorwegianTokenTests {
    static let cases: [(String, [String])] = [
        ("Nord-Korea og Laos-ledere møttes.", ["Nord-Korea", "og", "Laos-ledere", "møttes", "."]),
        ("fra 1. til 22. desember", ["fra", "1.", "til", "22.", "desember"]),
        ("Det skjedde i 2025. Så kom han.", ["Det", "skjedde", "i", "2025", ".", "Så", "kom", "han", "."]),
        ("bl.a. f.eks. nr. 4 kl. 14.00", ["bl.a.", "f.eks.", "nr.", "4", "kl.", "14.00"]),
        ("Og så ... ingenting", ["Og", "så", "...", "ingenting"]),
        ("Laos' nasjonaldag", ["Laos'", "nasjonaldag"]),
        ("det 'du' sa", ["det", "'", "du", "'", "sa"]),
        ("50-årsjubileet for 70-80 personer", ["50-årsjubileet", "for", "70-80", "personer"]),
        ("skatte- og avgiftspolitikk", ["skatte-", "og", "avgiftspolitikk"]),
        ("H. Ibsen skrev", ["H.", "Ibsen", "skrev"]),
    ]

    @Test(arguments: cases)
    func tokens(text: String, expected: [String]) throws {
        #expect(try tokenTexts(text, "nb") == expected)
    }

    /// Every case again after a multibyte prefix (and a CRLF line): the same tokens, with byte
    /// offsets shifted by exactly the prefix.
    @Test(arguments: cases)
    func tokensAfterAMultibytePrefix(text: String, expected: [String]) throws {
        let prefix = "Ærø \u{1F600}\r\n"
        let plain = try segment(text, "nb")
        let shifted = try segment(prefix + text, "nb")
        let tail = shifted.tokens.suffix(plain.tokens.count)
        #expect(tail.map { shifted.text($0.range) } == expected)
        #expect(tail.map(\.range.lowerBound) == plain.tokens.map { $0.range.lowerBound + prefix.utf8.count })
        #expect(shifted.document.position(at: tail.first!.range.lowerBound) == TextPosition(line: 2, column: 1))
    }

    /// Every case decomposed (NFD): the same number of tokens, each the decomposed spelling.
    @Test(arguments: cases)
    func tokensOfDecomposedText(text: String, expected: [String]) throws {
        let nfd = try Normalizer(form: .nfd).normalize(text).text
        let tokens = try tokenTexts(nfd, "nb")
        #expect(tokens.count == expected.count)
        #expect(tokens.map(scalars) == (try expected.map { scalars(try Normalizer(form: .nfd).normalize($0).text) }))
    }

    /// A token is 12 bytes (offsets of 32 bits): a long text holds a token every few bytes.
    @Test func aTokenIsSmallAndKeepsItsRange() {
        #expect(MemoryLayout<Token>.stride == 12)
        let token = Token(range: 4_000_000_000..<4_000_000_007, kind: .number)
        #expect(token.range == 4_000_000_000..<4_000_000_007 && token.kind == .number)
    }

    @Test func kinds() throws {
        let segmentation = try segment("Han betalte 5 milliarder USD (ca. 50 %) §", "nb")
        let kinds = Dictionary(uniqueKeysWithValues: segmentation.tokens.map { (segmentation.text($0.range), $0.kind) })
        #expect(kinds["Han"] == .word)
        #expect(kinds["5"] == .number)
        #expect(kinds["("] == .punctuation)
        #expect(kinds["ca."] == .word)
        #expect(kinds["§"] == .punctuation)
        #expect(kinds["%"] == .punctuation)
        let symbols = try segment("5 + 3 = 8 €", "nb")
        #expect(symbols.tokens.filter { $0.kind == .symbol }.map { symbols.text($0.range) } == ["+", "=", "€"])
    }

    @Test func gluedWordsFromTheSeedStayOneToken() throws {
        #expect(try tokenTexts("GeneralsekretærLams statsbesøk", "nb") == ["GeneralsekretærLams", "statsbesøk"])
    }
}

@Suite("Vietnamese tokens")
struct VietnameseTokenTests {
    @Test func syllablesWithOffsets() throws {
        let text = "Tổng Bí thư Tô Lâm thăm Lào."
        let segmentation = try segment(text, "vi")
        let words = segmentation.tokens.map { segmentation.text($0.range) }
        #expect(words == ["Tổng", "Bí", "thư", "Tô", "Lâm", "thăm", "Lào", "."])
        // The three syllables of "Tổng Bí thư" span exactly the term's bytes.
        let term = segmentation.tokens[0].range.lowerBound..<segmentation.tokens[2].range.upperBound
        #expect(segmentation.text(term) == "Tổng Bí thư")
        #expect(term == 0..<"Tổng Bí thư".utf8.count)
    }

    @Test func decomposedInputKeepsSyllablesWhole() throws {
        let nfd = "To\u{302}\u{303}ng Bi\u{301} thu\u{31B}"
        let segmentation = try segment(nfd, "vi")
        #expect(segmentation.tokens.count == 3)
        #expect(segmentation.tokens.map { $0.kind } == [.word, .word, .word])
        #expect(scalars(segmentation.text(segmentation.tokens[0].range)) == scalars("To\u{302}\u{303}ng"))
    }

    @Test func unknownLanguageFallsBackToRootRules() throws {
        #expect(try tokenTexts("Hello, world.", "xx") == ["Hello", ",", "world", "."])
    }
}

@Suite("Offsets and positions")
struct OffsetTests {
    @Test func multibytePrefixShiftsByteOffsetsAndColumns() throws {
        let plain = try segment("Nord-Korea i dag.", "nb")
        let prefix = "Ærø \u{1F600} "
        let shifted = try segment(prefix + "Nord-Korea i dag.", "nb")
        #expect(shifted.tokens.count == plain.tokens.count + 2)
        let nord = shifted.tokens[2]
        #expect(shifted.text(nord.range) == "Nord-Korea")
        #expect(nord.range.lowerBound == prefix.utf8.count)
        #expect(shifted.document.position(at: nord.range.lowerBound) == TextPosition(line: 1, column: prefix.unicodeScalars.count + 1))
    }

    @Test func crlfLinesAndParagraphs() throws {
        let text = "Første linje\r\nfortsetter her.\r\n\r\nAndre avsnitt.\r\n"
        let segmentation = try segment(text, "nb")
        #expect(segmentation.paragraphs.count == 2)
        #expect(segmentation.sentences.count == 2)
        #expect(segmentation.text(segmentation.sentences[0].range) == "Første linje\r\nfortsetter her.")
        let andre = segmentation.tokens.first { segmentation.text($0.range) == "Andre" }!
        #expect(segmentation.document.position(at: andre.range.lowerBound) == TextPosition(line: 4, column: 1))
    }

    @Test func loneCarriageReturnsBreakLines() throws {
        let document = Document("a\rb\r\rc")
        #expect(document.position(at: 2) == TextPosition(line: 2, column: 1))
        #expect(document.position(at: 5) == TextPosition(line: 4, column: 1))
        let segmentation = try Segmenter(languageCode: "nb").segment(document)
        #expect(segmentation.paragraphs.count == 2)
    }

    @Test func cursorAgreesWithDirectLookup() throws {
        let document = try TextReader(path: seedPath).readDocument()
        let segmentation = try Segmenter(languageCode: "nb").segment(document)
        var cursor = Document.PositionCursor(document)
        for token in segmentation.tokens.prefix(400) {
            #expect(cursor.position(at: token.range.lowerBound) == document.position(at: token.range.lowerBound))
        }
    }
}
