import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A 1-based place in a text, for diagnostics. `column` counts Unicode scalars from the start of
/// the line, so a Vietnamese letter written as one precomposed character is one column.
public struct TextPosition: Hashable, Sendable, Codable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// A text that owns its UTF-8 bytes. Everything tolk finds in it (tokens, sentences, paragraphs)
/// refers back to it by UTF-8 byte offsets into `bytes`.
///
/// A document may be a whole file or a piece of a streamed file; `origin` then says where the piece
/// starts in the file so positions and offsets can be reported against the file.
public struct Document: Sendable {
    /// Where the first byte of `bytes` sits in the source file.
    public struct Origin: Hashable, Sendable {
        /// Byte offset in the file (a UTF-8 byte order mark included).
        public var byteOffset: Int
        /// 1-based line in the file.
        public var line: Int

        public static let start = Origin(byteOffset: 0, line: 1)

        public init(byteOffset: Int, line: Int) {
            self.byteOffset = byteOffset
            self.line = line
        }
    }

    /// The file path, or "<stdin>", used in diagnostics.
    public let name: String
    /// Well-formed UTF-8, without a byte order mark.
    public let bytes: [UInt8]
    /// Where `bytes` starts in the source file.
    public let origin: Origin
    /// Offsets (into `bytes`) at which lines start; line breaks are LF, CRLF or a lone CR.
    private let lineStarts: [Int]
    /// The number of Unicode scalars before every `checkpointStride`-th byte, so a column on a long
    /// line is found without counting from the line's start.
    private let scalarCheckpoints: [Int]
    /// The number of scalars beyond U+FFFF (two UTF-16 code units each) before every checkpoint;
    /// nil when the text has none (UTF-16 columns are then scalar columns).
    private let supplementaryCheckpoints: [Int]?
    private static let checkpointStride = 512
    /// Digests of lines findings were reported on, by line start (see `lineDigest(at:)`).
    private let lineDigests = LineDigestMemo()
    /// What a lenient read replaced with U+FFFD, or nil (always nil unless `lossy`).
    public let replacement: InvalidUTF8Replacement?

    /// Checks and adopts `bytes`. A leading UTF-8 byte order mark is dropped (and counted in
    /// `origin.byteOffset`); UTF-16, NUL bytes and ill-formed UTF-8 are errors naming `name`, except
    /// that `lossy` replaces each ill-formed sequence with U+FFFD (byte offsets then refer to the
    /// repaired text) and records it in `replacement`.
    public init(bytes: [UInt8], name: String, origin: Origin = .start, lossy: Bool = false) throws(TextInputError) {
        var origin = origin
        var bytes = bytes
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw .utf16(source: name)
        }
        if origin.byteOffset == 0, Self.looksLikeUTF16(bytes) { throw .utf16(source: name) }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes.removeFirst(3)
            origin.byteOffset += 3
        }
        let base = origin.byteOffset
        var replacement: InvalidUTF8Replacement? = nil
        if let bad = bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset($0) }) {
            guard lossy else { throw .invalidUTF8(source: name, byteOffset: base + bad) }
            let repaired = Self.replacingInvalidUTF8(bytes)
            bytes = repaired.bytes
            replacement = InvalidUTF8Replacement(source: name, count: repaired.count, firstByteOffset: base + bad)
        }
        if let nul = Self.firstNul(in: bytes) {
            throw .nulByte(source: name, byteOffset: base + nul)
        }
        self.name = name
        self.bytes = bytes
        self.origin = origin
        self.lineStarts = Document.lineStarts(of: bytes)
        (self.scalarCheckpoints, self.supplementaryCheckpoints) = Document.checkpoints(of: bytes)
        self.replacement = replacement
    }

    /// The number of scalars, and of scalars beyond U+FFFF (nil when there are none), before every
    /// `checkpointStride`-th byte, counted in one pass.
    private static func checkpoints(of bytes: [UInt8]) -> (scalars: [Int], supplementary: [Int]?) {
        bytes.withUnsafeBufferPointer { buffer in
            var scalars: [Int] = []
            var supplementary: [Int] = []
            scalars.reserveCapacity(buffer.count / checkpointStride + 1)
            supplementary.reserveCapacity(buffer.count / checkpointStride + 1)
            var scalarCount = 0
            var supplementaryCount = 0
            var start = 0
            while true {
                scalars.append(scalarCount)
                supplementary.append(supplementaryCount)
                guard start + checkpointStride <= buffer.count else { break }
                let counts = ByteScan.scalarCounts(buffer, in: start..<start + checkpointStride)
                scalarCount += counts.scalars
                supplementaryCount += counts.supplementary
                start += checkpointStride
            }
            if supplementaryCount == 0 {
                // None in whole blocks; one in the tail still needs the (all-zero) checkpoints.
                let tail = UnsafeBufferPointer(rebasing: buffer[start...])
                if !tail.contains(where: { $0 >= 0xF0 }) { return (scalars, nil) }
            }
            return (scalars, supplementary)
        }
    }

    /// The number of scalars beyond U+FFFF that start before byte `offset`.
    private func supplementaryScalars(before offset: Int) -> Int {
        guard let supplementaryCheckpoints else { return 0 }
        let checkpoint = offset / Self.checkpointStride
        return supplementaryCheckpoints[checkpoint] + counts(from: checkpoint * Self.checkpointStride, to: offset).supplementary
    }

    /// The number of Unicode scalars that start before byte `offset` (`offset <= bytes.count`).
    private func scalars(before offset: Int) -> Int {
        let checkpoint = offset / Self.checkpointStride
        return scalarCheckpoints[checkpoint] + counts(from: checkpoint * Self.checkpointStride, to: offset).scalars
    }

    /// The scalars, and those beyond U+FFFF, starting in `bytes[start..<end]`: whole words at a time,
    /// then the bytes left.
    private func counts(from start: Int, to end: Int) -> (scalars: Int, supplementary: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            let wordsEnd = start + (end - start) / 8 * 8
            var (scalars, supplementary) = ByteScan.scalarCounts(buffer, in: start..<wordsEnd)
            for byte in buffer[wordsEnd..<end] {
                if UTF8Validation.isScalarStart(byte) { scalars += 1 }
                if byte >= 0xF0 { supplementary += 1 }
            }
            return (scalars, supplementary)
        }
    }

    private static func firstNul(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// `bytes` with each maximal ill-formed subsequence replaced by U+FFFD (as Unicode recommends),
    /// and how many there were.
    static func replacingInvalidUTF8(_ bytes: [UInt8]) -> (bytes: [UInt8], count: Int) {
        var repaired: [UInt8] = []
        repaired.reserveCapacity(bytes.count + 16)
        var count = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): repaired.append(contentsOf: encoded)
            case .error:
                repaired.append(contentsOf: [0xEF, 0xBF, 0xBD])
                count += 1
            case .emptyInput: return (repaired, count)
            }
        }
    }

    /// A document from a Swift string (always valid UTF-8).
    public init(_ text: String, name: String = "<text>") {
        // A String is well-formed UTF-8; NUL bytes are the only thing to reject, and tests and
        // callers building documents from strings do not pass them.
        self.name = name
        self.bytes = Array(text.utf8)
        self.origin = .start
        self.lineStarts = Document.lineStarts(of: self.bytes)
        (self.scalarCheckpoints, self.supplementaryCheckpoints) = Document.checkpoints(of: self.bytes)
        self.replacement = nil
    }

    /// The text of `range` (byte offsets into `bytes`).
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The whole text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes of the first character (empty for an empty document): where a finding about the
    /// page as a whole is placed.
    public var firstCharacter: Range<Int> {
        // The first bytes decide it: decoding the whole page for one character is work for nothing.
        guard let first = String(decoding: bytes.prefix(64), as: UTF8.self).first else { return 0..<0 }
        return 0..<String(first).utf8.count
    }

    /// The file position of byte offset `offset` (into `bytes`).
    /// - Complexity: O(log lines), also on a long line.
    public func position(at offset: Int) -> TextPosition {
        // The last line starting at or before `offset` (the first starts at 0).
        let low = Swift.max(0, lineStarts.partitioningIndex { $0 > offset } - 1)
        let lineStart = lineStarts[low]
        // Within a checkpoint stride of its line's start, a column is counted from there in one pass.
        let column =
            (offset - lineStart <= Self.checkpointStride
                ? counts(from: lineStart, to: offset).scalars : scalars(before: offset) - scalars(before: lineStart)) + 1
        return TextPosition(line: origin.line + low, column: column)
    }

    /// Whether the text is empty or only spaces, tabs and line breaks.
    public var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }

    /// UTF-16 without a byte order mark: in its first 256 bytes, most byte pairs hold one NUL
    /// (ASCII letters in UTF-16), which UTF-8 text never does.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        let pairs = min(bytes.count, 256) / 2
        guard pairs >= 2 else { return false }
        let halfNul = (0..<pairs).filter { (bytes[2 * $0] == 0) != (bytes[2 * $0 + 1] == 0) }.count
        return halfNul * 2 > pairs
    }

    /// The number of line breaks in the document.
    public var lineBreakCount: Int { lineStarts.count - 1 }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            var starts = [0]
            let count = buffer.count
            var i = ByteScan.lineBreak(buffer, from: 0)
            while i < count {
                if buffer[i] == 0x0D, i + 1 < count, buffer[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
                i = ByteScan.lineBreak(buffer, from: i + 1)
            }
            return starts
        }
    }
}

extension Document {
    /// Positions of increasing offsets in O(distance) each, for walking all tokens of a long line.
    public struct PositionCursor {
        private let document: Document
        private var offset = 0
        private var line: Int
        private var column = 1

        public init(_ document: Document) {
            self.document = document
            line = document.origin.line
        }

        /// The position of `target`; targets must not decrease between calls.
        public mutating func position(at target: Int) -> TextPosition {
            let bytes = document.bytes
            precondition(target >= offset, "PositionCursor moves forward only")
            while offset < target {
                let byte = bytes[offset]
                if byte == 0x0A || (byte == 0x0D && (offset + 1 >= bytes.count || bytes[offset + 1] != 0x0A)) {
                    line += 1
                    column = 1
                } else if byte != 0x0D, UTF8Validation.isScalarStart(byte) {
                    column += 1
                }
                offset += 1
            }
            return TextPosition(line: line, column: column)
        }
    }
}

extension Document {
    /// The byte range of every line, without its line break (LF, CRLF or CR); a final line break
    /// opens no empty last line.
    public var lineRanges: [Range<Int>] {
        lineStarts.indices.compactMap { index in
            let start = lineStarts[index]
            guard index + 1 < lineStarts.count else { return start < bytes.count ? start..<bytes.count : nil }
            var end = lineStarts[index + 1] - 1
            if bytes[end] == 0x0A, end > start, bytes[end - 1] == 0x0D { end -= 1 }
            return start..<end
        }
    }
}

extension Document {
    /// The byte range of the line holding `offset`, without its line break.
    func lineRange(at offset: Int) -> Range<Int> {
        let index = Swift.max(0, lineStarts.partitioningIndex { $0 > offset } - 1)
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        while end > lineStarts[index], bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return lineStarts[index]..<end
    }

    /// The 1-based UTF-16 column of byte `offset` (SARIF's and most editors' unit), given its
    /// scalar column: plus one for each scalar before it on its line that needs two code units.
    /// - Complexity: O(log lines), also on a long line; O(1) without scalars beyond U+FFFF.
    func utf16Column(at offset: Int, scalarColumn: Int) -> Int {
        guard supplementaryCheckpoints != nil else { return scalarColumn }
        let lineStart = lineStarts[Swift.max(0, lineStarts.partitioningIndex { $0 > offset } - 1)]
        return scalarColumn + supplementaryScalars(before: offset) - supplementaryScalars(before: lineStart)
    }

    /// FNV-1a (64 bits, hex) of the text of the line holding `offset`, trimmed: computed once a
    /// line, so many findings on one long line stay linear.
    func lineDigest(at offset: Int) -> String {
        let line = lineRange(at: offset)
        return lineDigests.value(for: line.lowerBound) { Self.digest(text(line).trimmed()) }
    }

    /// FNV-1a (64 bits, hex) over the UTF-8 bytes: stable across runs (Swift's `Hasher` is seeded
    /// per process).
    public static func digest(_ text: String) -> String {
        String(text.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }, radix: 16)
    }
}

extension Document {
    /// The byte offset of a 1-based position (the inverse of `position(at:)`), or nil when the
    /// document has no such line.
    public func offset(of position: TextPosition) -> Int? {
        let index = position.line - origin.line
        guard index >= 0, index < lineStarts.count else { return nil }
        let start = lineStarts[index]
        guard position.column > 1 else { return start }
        // The wanted scalar's number in the document, then the checkpoint at or before it.
        let wanted = scalars(before: start) + position.column - 1
        let low = Swift.max(0, scalarCheckpoints.partitioningIndex { $0 > wanted } - 1)
        var count = scalarCheckpoints[low]
        var offset = low * Self.checkpointStride
        while offset < bytes.count {
            if UTF8Validation.isScalarStart(bytes[offset]) {
                if count == wanted { return offset }
                count += 1
            }
            offset += 1
        }
        return bytes.count
    }
}

/// Line digests computed so far, shared by the copies of one document (they hold the same bytes).
private final class LineDigestMemo: Sendable {
    private let digests = Mutex<[Int: String]>([:])

    func value(for lineStart: Int, _ compute: () -> String) -> String {
        if let known = digests.withLock({ $0[lineStart] }) { return known }
        let digest = compute()
        digests.withLock { $0[lineStart] = digest }
        return digest
    }
}
