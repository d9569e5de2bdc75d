import Testing
import TolkText

@Suite("Normalisation")
struct NormalizerTests {
    @Test func nfdAndNfcRoundTrip() throws {
        let nfc = "Tổng Bí thư Tô Lâm, Đà Nẵng"
        let nfd = try Normalizer(form: .nfd).normalize(nfc).text
        #expect(scalars(nfd) != scalars(nfc))
        #expect(nfd.unicodeScalars.count > nfc.unicodeScalars.count)
        #expect(scalars(try Normalizer(form: .nfc).normalize(nfd).text) == scalars(nfc))
    }

    @Test func nfkcFoldsCompatibilityCharacters() throws {
        #expect(try Normalizer(form: .nfkc).normalize("Ｈａｎｏｉ ①").text == "Hanoi 1")
    }

    @Test(arguments: [
        ("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("Hóa", "Hoá"), ("THỦY", "THUỶ"), ("lũy", "luỹ"),
    ])
    func tonePlacementBothWays(old: String, new: String) throws {
        #expect(scalars(try Normalizer(toneStyle: .new).normalize(old).text) == scalars(new))
        #expect(scalars(try Normalizer(toneStyle: .old).normalize(new).text) == scalars(old))
    }

    @Test(arguments: ["quý", "hoàn", "thuyết", "khuya", "toán", "Joe", "hoa"])
    func tonePlacementLeavesOtherSyllables(word: String) throws {
        #expect(scalars(try Normalizer(toneStyle: .new).normalize(word).text) == scalars(word))
        #expect(scalars(try Normalizer(toneStyle: .old).normalize(word).text) == scalars(word))
    }

    @Test func tonePlacementOnDecomposedInput() throws {
        let nfd = "tho\u{300}a"  // "thòa" decomposed
        #expect(scalars(try Normalizer(form: .nfc, toneStyle: .new).normalize(nfd).text) == scalars("thoà"))
        #expect(scalars(try Normalizer(form: .nfd, toneStyle: .new).normalize(nfd).text) == scalars("thoa\u{300}"))
    }

    @Test func lookalikeEth() throws {
        #expect(scalars(try Normalizer(fixLookalikes: true).normalize("\u{00D0}à Nẵng").text) == scalars("Đà Nẵng"))
        #expect(scalars(try Normalizer().normalize("\u{00D0}à").text) == scalars("\u{00D0}à"))
    }

    @Test func foldingCaseAndDiacritics() throws {
        let folded = try Normalizer(foldCase: true, foldDiacritics: true).normalize("Tổng Bí thư ĐỖ Straße Østsjøen").text
        #expect(folded == "tong bi thu do strasse ostsjoen")
        #expect(try Normalizer.vietnameseKey.normalize("Thủy Ðiện").text == "thuỷ điện")
    }

    @Test func offsetMapPointsBackToTheOriginal() throws {
        let original = "Ærlig talt: HÒA BÌNH i Đà Nẵng."
        let normalized = try Normalizer(foldCase: true, foldDiacritics: true).normalize(original)
        #expect(normalized.text == "aerlig talt: hoa binh i da nang.".replacingOccurrences(of: "aerlig", with: "ærlig"))
        let text = normalized.text
        let hit = try #require(text.utf8.firstRange(of: "da nang".utf8))
        let start = text.utf8.distance(from: text.utf8.startIndex, to: hit.lowerBound)
        let end = text.utf8.distance(from: text.utf8.startIndex, to: hit.upperBound)
        let back = normalized.map.originalRange(start..<end)
        let bytes = Array(original.utf8)
        #expect(String(decoding: bytes[back], as: UTF8.self) == "Đà Nẵng")
        // Untouched text after an edit keeps its relative position.
        #expect(normalized.map.originalOffset(text.utf8.count) == original.utf8.count)
    }

    @Test func nfcLengthCountsComposedLetters() throws {
        #expect(try Normalizer.nfcScalarCount("Hanoi, 2025.") == 12)
        // Precomposed Vietnamese is NFC already; the same word decomposed counts the same.
        #expect(try Normalizer.nfcScalarCount("Tổng Bí thư") == 11)
        #expect(try Normalizer.nfcScalarCount("To\u{0302}\u{0309}ng Bi\u{0301} thu\u{031B}") == 11)
        // A combining mark with nothing to compose with stays a scalar of its own.
        #expect(try Normalizer.nfcScalarCount("1\u{0301}") == 2)
        // As the normaliser counts it: word by word, so a mark after a sign stays apart (`≠` is
        // not composed from `=` and U+0338).
        #expect(try Normalizer.nfcScalarCount("a =\u{0338} b") == 6)
        #expect(try Normalizer.nfcScalarCount("") == 0)
    }

    @Test func controlCharactersAreShownAsCodes() {
        #expect("Hei \u{1B}[31mrødt\u{9B}2J\tslutt\u{7F}".withVisibleControls == "Hei \\u{1B}[31mrødt\\u{9B}2J\tslutt\\u{7F}")
        #expect("Tổng Bí thư Tô Lâm\t".withVisibleControls == "Tổng Bí thư Tô Lâm\t")
    }
}
