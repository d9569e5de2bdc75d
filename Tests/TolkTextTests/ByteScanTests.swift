import Testing

@testable import TolkText

/// The word-at-a-time scans against byte-by-byte answers, on texts that put the bytes they stop at
/// at every place of an eight-byte word and across 512-byte checkpoints.
@Suite("Byte scans")
struct ByteScanTests {
    /// Pieces that stress the scans: ASCII runs, two-, three- and four-byte letters, every line
    /// break, tabs and other controls below 0x0E, blank lines with spaces, combining marks.
    static let pieces = [
        "Generalsekretær ", "To Lam", "abcdefghijklmnop ", "a", " ", "  ", "\t", "\n", "\r", "\r\n", "\n\n", " \t\n",
        "\u{0B}", "\u{0C}", "Việt Nam ", "𝕏😀", "«Sitat». ", "e\u{0301}", "中文", "ø",
    ]

    /// A random text of about `length` bytes from `pieces`, reproducible from `seed`.
    static func text(seed: UInt64, length: Int) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        var bytes: [UInt8] = []
        while bytes.count < length { bytes += Array(pieces[Int(generator.next() % UInt64(pieces.count))].utf8) }
        return bytes
    }

    static let samples: [[UInt8]] = (0..<60).map { text(seed: UInt64($0), length: $0 * 97) }

    @Test func asciiEndAndLineBreakStopWhereABytewiseSearchStops() {
        for bytes in Self.samples {
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...buffer.count {
                    #expect(ByteScan.asciiEnd(buffer, from: start) == (buffer[start...].firstIndex { $0 >= 0x80 } ?? buffer.count))
                    #expect(
                        ByteScan.lineBreak(buffer, from: start)
                            == (buffer[start...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? buffer.count))
                }
            }
        }
    }

    @Test func scalarCountsAgreeWithDecoding() {
        for bytes in Self.samples {
            let whole = bytes.count / 8 * 8
            let prefix = String(decoding: bytes[..<whole], as: UTF8.self)
            bytes.withUnsafeBufferPointer { buffer in
                let counts = ByteScan.scalarCounts(buffer, in: 0..<whole)
                // A four-byte letter cut by the end of the range still starts inside it.
                #expect(counts.scalars == buffer[..<whole].filter { $0 & 0xC0 != 0x80 }.count)
                #expect(counts.supplementary == buffer[..<whole].filter { $0 >= 0xF0 }.count)
                if whole == bytes.count { #expect(counts.scalars == prefix.unicodeScalars.count) }
            }
        }
    }

    @Test func theFirstIllFormedByteIsWhereSwiftsDecoderFails() {
        for (index, valid) in Self.samples.enumerated() where !valid.isEmpty {
            for bad: [UInt8] in [[0xC3], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82, 0x41]] {
                var bytes = valid
                let place = (index * 31) % bytes.count
                bytes.insert(contentsOf: bad, at: place)
                var parser = Unicode.UTF8.ForwardParser()
                var iterator = bytes.makeIterator()
                var offset = 0
                var expected: Int? = nil
                decoding: while true {
                    switch parser.parseScalar(from: &iterator) {
                    case .valid(let encoded): offset += encoded.count
                    case .error:
                        expected = offset
                        break decoding
                    case .emptyInput: break decoding
                    }
                }
                #expect(bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) } == expected)
            }
            #expect(valid.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) } == nil)
        }
    }

    @Test func linesAndParagraphsAgreeWithAByteByByteReading() throws {
        for bytes in Self.samples {
            let document = try Document(bytes: bytes, name: "sample.txt")
            let reference = Reference(bytes)
            #expect(document.lineRanges == reference.lines)
            #expect(document.lineBreakCount == reference.lineBreaks)
            #expect(bytes.withUnsafeBufferPointer { ParagraphSplitter.ranges(in: $0) } == reference.paragraphs)
            // Every scalar but line breaks (the LF of a CRLF has no position of its own).
            for offset in bytes.indices where bytes[offset] & 0xC0 != 0x80 && bytes[offset] != 0x0A && bytes[offset] != 0x0D {
                #expect(document.position(at: offset) == reference.position(at: offset))
            }
        }
    }
}

/// Lines, paragraphs and positions read one byte at a time, the plain way.
private struct Reference {
    var lines: [Range<Int>] = []
    var lineBreaks = 0
    var paragraphs: [Range<Int>] = []
    private var positions: [Int: TextPosition] = [:]

    init(_ bytes: [UInt8]) {
        var lineStart = 0
        var line = 1
        var column = 1
        var paragraphStart: Int? = nil
        var contentEnd = 0
        var lineHasContent = false
        var i = 0
        while i <= bytes.count {
            positions[i] = TextPosition(line: line, column: column)
            guard i < bytes.count else { break }
            let byte = bytes[i]
            if byte == 0x0A || byte == 0x0D {
                lines.append(lineStart..<i)
                if !lineHasContent, let start = paragraphStart {
                    paragraphs.append(start..<contentEnd)
                    paragraphStart = nil
                }
                lineHasContent = false
                if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                lineStart = i + 1
                lineBreaks += 1
                line += 1
                column = 1
            } else {
                if byte != 0x20, byte != 0x09 {
                    lineHasContent = true
                    if paragraphStart == nil { paragraphStart = i }
                    contentEnd = i + 1
                    while contentEnd < bytes.count, bytes[contentEnd] & 0xC0 == 0x80 { contentEnd += 1 }
                }
                if byte & 0xC0 != 0x80 { column += 1 }
            }
            i += 1
        }
        if lineStart < bytes.count { lines.append(lineStart..<bytes.count) }
        if let start = paragraphStart { paragraphs.append(start..<contentEnd) }
    }

    func position(at offset: Int) -> TextPosition? { positions[offset] }
}

@Suite("Latin letter tables")
struct LatinPropertiesTests {
    /// Every scalar the tables hold answers as Unicode's properties do; others are not in them.
    @Test func theTablesAreUnicodesProperties() {
        for value in UInt32(0)...0x2000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isUppercaseLetter == scalar.properties.isUppercase)
            #expect(scalar.isAlphabeticLetter == scalar.properties.isAlphabetic)
            let inTable = value < 0x250 || (0x1E00...0x1EFF).contains(value)
            #expect((LatinProperties.alphabetic.contains(value) != nil) == inTable)
        }
        #expect(Unicode.Scalar("Ạ").isUppercaseLetter && !Unicode.Scalar("ạ").isUppercaseLetter)
        #expect(Unicode.Scalar("đ").isAlphabeticLetter && !Unicode.Scalar("×").isAlphabeticLetter)
    }
}
