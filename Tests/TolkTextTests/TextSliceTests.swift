import Testing

@testable import TolkText

@Suite("Text slices")
struct TextSliceTests {
    let document = Document("Tổng Bí thư Tô Lâm thăm Lào.\n  Hai bên ký 12 văn kiện.  \n")

    /// Whether `slice` is held as a document's bytes rather than as a string of its own.
    func isShared(_ slice: TextSlice) -> Bool {
        if case .bytes = slice.storage { return true }
        return false
    }

    @Test func aTextItsBytesSpellIsHeldAsThem() {
        let range = 0..<document.bytes.firstIndex(of: 0x0A)!
        let slice = TextSlice(document.text(range), in: document, at: range)
        #expect(isShared(slice))
        #expect(slice.string == "Tổng Bí thư Tô Lâm thăm Lào.")
        #expect(slice.isSpelt(by: document.bytes[range]))
        #expect(!slice.isSpelt(by: document.bytes[range.dropLast()]))
        let bytes = TextSlice(document, at: range)
        #expect(isShared(bytes))
        #expect(bytes == slice)
        #expect(bytes.string == "Tổng Bí thư Tô Lâm thăm Lào.")
    }

    @Test func aTextTheyDoNotSpellIsItsOwn() {
        // The second line trimmed is not the line's bytes, nor are lines joined with a space.
        let line = (document.bytes.firstIndex(of: 0x0A)! + 1)..<(document.bytes.count - 1)
        let trimmed = TextSlice("Hai bên ký 12 văn kiện.", in: document, at: line)
        #expect(!isShared(trimmed))
        #expect(trimmed.string == "Hai bên ký 12 văn kiện.")
        #expect(!trimmed.isSpelt(by: document.bytes[line]))
        let joined = TextSlice(document.text.replacingNewlines(), in: document, at: 0..<document.bytes.count)
        #expect(!isShared(joined))
    }

    @Test func slicesAreEqualWhenTheirBytesAre() {
        let range = 0..<document.bytes.firstIndex(of: 0x0A)!
        let shared = TextSlice(document.text(range), in: document, at: range)
        let own = TextSlice("Tổng Bí thư Tô Lâm thăm Lào.")
        #expect(shared == own)
        #expect(own == shared)
        #expect(shared.hashValue == own.hashValue)
        #expect(Set([shared, own]).count == 1)
        #expect(shared != TextSlice("Tổng Bí thư Tô Lâm thăm Lào"))
        // Canonically equivalent is not equal: decomposed "ổ" spells other bytes.
        let decomposed = TextSlice("To\u{0302}\u{0309}ng Bí thư Tô Lâm thăm Lào.")
        #expect(decomposed != shared)
        #expect(decomposed != own)
    }
}

extension String {
    fileprivate func replacingNewlines() -> String { split(separator: "\n").joined(separator: " ") }
}
