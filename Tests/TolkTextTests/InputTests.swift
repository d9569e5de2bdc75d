import Foundation
import Testing
import TolkText

@Suite("Reading input")
struct InputTests {
    @Test func invalidUTF8NamesTheByteOffset() {
        let bytes: [UInt8] = Array("Laos ".utf8) + [0xC3, 0x28] + Array(" ok".utf8)
        #expect(throws: TextInputError.invalidUTF8(source: "bad.txt", byteOffset: 5)) {
            try Document(bytes: bytes, name: "bad.txt")
        }
    }

    @Test(arguments: [
        ([0xED, 0xA0, 0x80] as [UInt8], 0),  // a surrogate
        ([0x61, 0xC0, 0xAF], 1),  // an overlong slash
        ([0x61, 0x62, 0xE2, 0x82], 2),  // cut off at the end
        ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
    ])
    func illFormedSequences(bytes: [UInt8], offset: Int) {
        #expect(throws: TextInputError.invalidUTF8(source: "x", byteOffset: offset)) { try Document(bytes: bytes, name: "x") }
    }

    @Test func byteOrderMarksAndNul() throws {
        let withBOM = try Document(bytes: [0xEF, 0xBB, 0xBF] + Array("Hei".utf8), name: "bom.txt")
        #expect(withBOM.text == "Hei")
        #expect(withBOM.origin.byteOffset == 3)
        #expect(throws: TextInputError.utf16(source: "u16.txt")) { try Document(bytes: [0xFF, 0xFE, 0x48, 0x00], name: "u16.txt") }
        #expect(throws: TextInputError.nulByte(source: "bin", byteOffset: 2)) { try Document(bytes: [0x41, 0x42, 0x00], name: "bin") }
    }

    @Test func lineRangesDropEveryKindOfLineBreak() throws {
        let document = try Document(bytes: Array("a\r\n\nbc\rd\n\r\ne\n".utf8), name: "mixed.txt")
        #expect(document.lineRanges.map { document.text($0) } == ["a", "", "bc", "d", "", "e"])
        #expect(document.lineBreakCount == 6)
        #expect(try Document(bytes: [], name: "empty.txt").lineRanges.isEmpty)
        #expect(try Document(bytes: Array("x".utf8), name: "x.txt").lineRanges == [0..<1])
    }

    @Test func missingFileAndDirectory() {
        #expect(throws: TextInputError.notFound(source: "/nonexistent/tolk.txt")) {
            try TextReader(path: "/nonexistent/tolk.txt").readDocument()
        }
        #expect(throws: TextInputError.isDirectory(source: "/tmp")) { try TextReader(path: "/tmp").readDocument() }
    }

    @Test func streamedBlocksSegmentLikeTheWholeFile() throws {
        let whole = try TextReader(path: seedPath).readDocument()
        let segmenter = try Segmenter(languageCode: "nb")
        let expected = try segmenter.segment(whole)
        var sentences: [String] = []
        var firstLines: [Int] = []
        var blocks = 0
        try TextReader(path: seedPath).forEachBlock(blockSize: 2000) { block in
            blocks += 1
            let segmentation = try segmenter.segment(block)
            sentences += segmentation.sentences.map { segmentation.text($0.range) }
            firstLines += segmentation.paragraphs.map { block.position(at: $0.range.lowerBound).line }
        }
        #expect(blocks > 5)
        #expect(sentences == expected.sentences.map { expected.text($0.range) })
        #expect(firstLines == expected.paragraphs.map { whole.position(at: $0.range.lowerBound).line })
    }

    @Test func invalidUTF8InALaterBlockReportsTheFileOffset() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-invalid-\(getpid()).txt")
        let good = Array(String(repeating: "Avsnitt om Laos.\n\n", count: 200).utf8)
        try Data(good + [0xFF] + Array("\n".utf8)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: TextInputError.invalidUTF8(source: url.path, byteOffset: good.count)) {
            try TextReader(path: url.path).forEachBlock(blockSize: 500) { _ in }
        }
    }

    @Test func aParagraphWithoutBreaksIsCutAfterASentenceEnd() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-line-\(getpid()).txt")
        let line = String(repeating: "Statsministeren besøkte Hà Nội. ", count: 400) + "Slutt\n"
        try Data(line.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var pieces: [String] = []
        try TextReader(path: url.path).forEachBlock(blockSize: 500) { block in
            #expect(block.bytes.count <= 2000)
            #expect(block.origin.line == 1)
            pieces.append(block.text)
        }
        #expect(pieces.count > 5)
        #expect(pieces.joined() == line)
        #expect(pieces.dropLast().allSatisfy { $0.hasSuffix("Nội. ") })
    }

    /// An input short enough to come whole comes whole, unless a paragraph in it is longer than
    /// four blocks: then it comes in the blocks it would come in if it were longer, wherever the
    /// long paragraph stands.
    @Test func aShortInputComesWholeButForAnOverlongParagraph() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-whole-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        let blockSize = 1 << 14
        func pieces(of text: String, wholeUpTo: Int) throws -> [String] {
            try Data(text.utf8).write(to: url)
            var pieces: [String] = []
            try TextReader(path: url.path).forEachBlock(blockSize: blockSize, wholeUpTo: wholeUpTo) { pieces.append($0.text) }
            #expect(pieces.joined() == text)
            return pieces
        }
        let paragraphs = String(repeating: "Statsministeren besøkte Hà Nội i går.\n\n", count: 2000)
        #expect(try pieces(of: paragraphs, wholeUpTo: 1 << 20).count == 1)
        // A paragraph of exactly four blocks still comes whole; one byte more, and it is cut.
        #expect(try pieces(of: paragraphs + String(repeating: "a", count: 4 * blockSize), wholeUpTo: 1 << 20).count == 1)
        #expect(try pieces(of: paragraphs + String(repeating: "a", count: 4 * blockSize + 1), wholeUpTo: 1 << 20).count > 1)
        let long = String(repeating: "Slutt. ", count: 40_000)
        for text in [paragraphs + long, long + "\n\n" + paragraphs, paragraphs + long + "\n\n" + paragraphs] {
            let cut = try pieces(of: text, wholeUpTo: 1 << 20)
            #expect(cut.count >= 5)
            // No piece longer than four blocks: the long paragraph is cut wherever it stands, also in
            // the first part of a page too long to come whole (held before it is cut into blocks).
            #expect(cut.allSatisfy { $0.utf8.count <= 4 * blockSize })
            #expect(cut == (try pieces(of: text, wholeUpTo: 0)))
            #expect(cut == (try pieces(of: text, wholeUpTo: 100_000)))
        }
    }

    @Test func aTextWithoutSpacesIsCutBetweenCharacters() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-nospace-\(getpid()).txt")
        let line = String(repeating: "ưởđ", count: 2000)
        try Data(line.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var pieces: [String] = []
        try TextReader(path: url.path).forEachBlock(blockSize: 100) { block in pieces.append(block.text) }
        #expect(pieces.count > 10)
        #expect(pieces.joined() == line)
    }

    /// Runs without a space or line break, with four blocks exactly one read (64 KiB): the cut
    /// once indexed one past the end (a crash on any 2 MB unbroken paragraph).
    @Test(arguments: ["a", "ไทย", "中文", "+/=9", "ưởđ"])
    func anUnbrokenRunAsLongAsFourBlocksIsCut(unit: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-run-\(getpid())-\(unit.utf8.count).txt")
        let text = String(repeating: unit, count: 600_000 / unit.utf8.count)
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var pieces: [String] = []
        try TextReader(path: url.path).forEachBlock(blockSize: 1 << 14) { block in
            #expect(block.bytes.count <= 1 << 16)
            pieces.append(block.text)
        }
        #expect(pieces.count > 8)
        #expect(pieces.joined() == text)
    }

    @Test func continuationBytesWithoutALeadAreCutAtTheLimitAndRepaired() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-cont-\(getpid()).txt")
        try Data([UInt8](repeating: 0x80, count: 300_000)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var sizes: [Int] = []
        let reader = TextReader(path: url.path) { _ in }
        try reader.forEachBlock(blockSize: 1 << 14) { block in sizes.append(block.text.unicodeScalars.count) }
        #expect(sizes.reduce(0, +) == 300_000)
        #expect(sizes.dropLast().allSatisfy { $0 == 1 << 16 })
        #expect(throws: TextInputError.invalidUTF8(source: url.path, byteOffset: 0)) {
            try TextReader(path: url.path).forEachBlock(blockSize: 1 << 14) { _ in }
        }
    }

    @Test func onlyRegularFilesAreRead() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-fifo-\(getpid()).txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        #expect(throws: TextInputError.notRegular(source: fifo, kind: "a FIFO")) { try TextReader(path: fifo).readDocument() }
        #expect(throws: TextInputError.notRegular(source: "/dev/zero", kind: "a device")) {
            try TextReader(path: "/dev/zero").forEachBlock { _ in }
        }
    }

    @Test func aWholeDocumentReadRefusesAFileOverTheLimitBeforeReadingIt() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-sparse-\(getpid()).txt")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(TextReader.wholeDocumentLimit + 1))
        try handle.close()
        #expect(throws: TextInputError.tooLarge(source: url.path, limit: TextReader.wholeDocumentLimit)) {
            try TextReader(path: url.path).readDocument()
        }
    }

    /// Positions on long lines come from scalar checkpoints: they must agree with counting from the
    /// line start, both ways, on every scalar of lines longer and shorter than a checkpoint stride.
    @Test func positionsAndOffsetsAgreeWithCountingOnLongLines() throws {
        let long = String(repeating: "Hà Nội ưởđ 中文 a\u{0301}b ", count: 90)
        let text = "Tittel\r\n\n" + long + "\n" + long + long + "\rslutt"
        let document = Document(text)
        var line = 1
        var column = 1
        var offset = 0
        let bytes = Array(text.utf8)
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte & 0xC0 != 0x80 && byte != 0x0A && !(byte == 0x0D) {
                #expect(document.position(at: offset) == TextPosition(line: line, column: column))
                #expect(document.offset(of: TextPosition(line: line, column: column)) == offset)
            }
            if byte == 0x0A || (byte == 0x0D && (offset + 1 == bytes.count || bytes[offset + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte != 0x0D && byte & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        #expect(document.position(at: bytes.count).line == line)
        #expect(document.offset(of: TextPosition(line: line, column: 10_000)) == bytes.count)
        #expect(document.offset(of: TextPosition(line: line + 1, column: 1)) == nil)
    }

    @Test func partitioningIndexFindsTheFirstElementAfter() {
        let starts = [0, 10, 10, 25, 40]
        #expect(starts.partitioningIndex { $0 > 10 } == 3)
        #expect(starts.partitioningIndex { $0 >= 10 } == 1)
        #expect(starts.partitioningIndex { $0 > 99 } == 5)
        #expect([Int]().partitioningIndex { $0 > 0 } == 0)
    }

    @Test func utf16WithoutAByteOrderMarkIsRecognised() throws {
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
            let bytes = Array("Statsminister Pham Minh Chinh i Hanoi.\n".data(using: encoding)!)
            #expect(throws: TextInputError.utf16(source: "page.txt")) { try Document(bytes: bytes, name: "page.txt") }
        }
        // Vietnamese UTF-8 has no NUL bytes, so it is never taken for UTF-16.
        #expect(throws: Never.self) { try Document(bytes: Array("Tổng Bí thư Tô Lâm".utf8), name: "page.txt") }
    }

    @Test func lossyReadingReplacesEachIllFormedSequence() throws {
        // A lone continuation byte, a truncated 3-byte sequence, an overlong encoding of "/".
        let bytes = Array("Hà ".utf8) + [0x80] + Array(" Nội ".utf8) + [0xE1, 0xBB] + Array(" x ".utf8) + [0xC0, 0xAF]
        #expect(throws: TextInputError.invalidUTF8(source: "p.txt", byteOffset: 4)) { try Document(bytes: bytes, name: "p.txt") }
        let document = try Document(bytes: bytes, name: "p.txt", lossy: true)
        #expect(document.text == "Hà \u{FFFD} Nội \u{FFFD} x \u{FFFD}\u{FFFD}")
        #expect(document.replacement?.count == 4)
        #expect(document.replacement?.firstByteOffset == 4)
        #expect(document.replacement?.description == "p.txt: replaced 4 invalid UTF-8 sequences with U+FFFD (the first at byte offset 4)")
        #expect(try Document(bytes: Array("Hà Nội".utf8), name: "p.txt", lossy: true).replacement == nil)
        // NUL bytes stay an error: lossy reading repairs text, it does not read binary files.
        #expect(throws: TextInputError.nulByte(source: "p.txt", byteOffset: 1)) {
            try Document(bytes: [0x41, 0, 0xFF], name: "p.txt", lossy: true)
        }
    }
}
