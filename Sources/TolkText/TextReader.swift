#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a UTF-8 text from a file or standard input, either whole or as a stream of documents
/// that each hold whole paragraphs, so memory stays bounded on large inputs.
public struct TextReader: Sendable {
    /// The path, or nil for standard input.
    public let path: String?
    /// The name used in diagnostics: the path, or "<stdin>".
    public var name: String { path ?? "<stdin>" }
    /// When set, ill-formed UTF-8 is replaced with U+FFFD instead of being an error, and this is
    /// told about each document that needed it.
    public let onReplacement: (@Sendable (InvalidUTF8Replacement) -> Void)?

    /// A reader for `path`; "-" means standard input. `onReplacement` makes the read lenient.
    public init(path: String, onReplacement: (@Sendable (InvalidUTF8Replacement) -> Void)? = nil) {
        self.path = path == "-" ? nil : path
        self.onReplacement = onReplacement
    }

    /// A reader for standard input.
    public static let standardInput = TextReader(path: "-")

    /// The most bytes `readDocument` takes (256 MiB): pages, glossaries and configurations are far
    /// smaller, and the commands that stream (`tokenize`, `segment`, `normalize`, `lint` without a
    /// source) have no limit.
    public static let wholeDocumentLimit = 256 << 20

    /// The whole input as one document, of at most `limit` bytes (a file's size is checked before
    /// it is read).
    public func readDocument(limit: Int = wholeDocumentLimit) throws -> Document {
        var all: [UInt8] = []
        // A file's size is the capacity: grown chunk by chunk, the array could hold twice the text.
        try readChunks(limit: limit, size: { all.reserveCapacity($0) }) { chunk in
            guard all.count + chunk.count <= limit else { throw TextInputError.tooLarge(source: name, limit: limit) }
            all.append(contentsOf: chunk)
        }
        return try adopt(all, origin: .start)
    }

    /// The document of `bytes`, read leniently when `onReplacement` is set (and told).
    private func adopt(_ bytes: [UInt8], origin: Document.Origin) throws -> Document {
        let document = try Document(bytes: bytes, name: name, origin: origin, lossy: onReplacement != nil)
        if let replacement = document.replacement { onReplacement?(replacement) }
        return document
    }

    /// Calls `body` with each line of the input (its bytes without the line break, a final `\r`
    /// dropped) and its 1-based number, as the lines arrive; a line longer than `limit` bytes comes
    /// as nil and is not kept, so memory stays bounded whatever the input.
    public func forEachLine(limit: Int = wholeDocumentLimit, _ body: ([UInt8]?, Int) throws -> Void) throws {
        var line: [UInt8] = []
        var tooLong = false
        var number = 1
        func end() throws {
            if line.last == 0x0D { line.removeLast() }
            try body(tooLong ? nil : line, number)
            line.removeAll(keepingCapacity: line.capacity <= 1 << 20)
            tooLong = false
            number += 1
        }
        try readChunks { chunk in
            var start = 0
            while start < chunk.count {
                let newline = chunk[start...].firstIndex(of: 0x0A)
                let piece = UnsafeBufferPointer(rebasing: chunk[start..<(newline ?? chunk.count)])
                if !tooLong {
                    if line.count + piece.count > limit + 1 {
                        tooLong = true
                        line = []
                    } else {
                        line.append(contentsOf: piece)
                    }
                }
                guard let newline else { break }
                try end()
                start = newline + 1
            }
        }
        if !line.isEmpty || tooLong { try end() }
    }

    /// Calls `body` with consecutive documents that together hold the whole input; each holds
    /// whole paragraphs (it ends after a blank line or at the end of the input) and is about
    /// `blockSize` bytes. A paragraph longer than four blocks is cut, so memory stays bounded even
    /// on a text without blank lines: at its last line break, else after its last sentence end
    /// (`.`, `!` or `?` and a space), else after its last space, else between two characters.
    /// An input of at most `wholeUpTo` bytes comes as one document, unless one of its paragraphs
    /// is longer than four blocks.
    /// Returns the number of text bytes read (a byte order mark not counted).
    @discardableResult
    public func forEachBlock(blockSize: Int = 1 << 20, wholeUpTo: Int = 0, _ body: (Document) throws -> Void) throws -> Int {
        var pending: [UInt8] = []
        var origin = Document.Origin.start
        var first = true
        var total = 0
        var scanFrom = blockSize - 1
        let longest = 4 * blockSize
        func emit(upTo end: Int) throws {
            let piece = Array(pending[..<end])
            pending.removeFirst(end)
            let document = try adopt(piece, origin: origin)
            origin = Document.Origin(byteOffset: origin.byteOffset + piece.count, line: origin.line + document.lineBreakCount)
            first = false
            total += document.bytes.count
            try body(document)
        }
        func emitBlocks() throws {
            while pending.count >= blockSize {
                // A block ends at a paragraph break no further than four blocks in, else it is cut
                // there: so the blocks depend on the text alone, not on how much one read brought.
                guard
                    let cut = Self.paragraphBreak(in: pending, from: scanFrom, upTo: longest)
                        ?? (pending.count > longest ? Self.cut(pending, before: longest) : nil)
                else {
                    // Resume near the end next time, so one huge paragraph is scanned once.
                    scanFrom = max(blockSize - 1, pending.count - 256)
                    break
                }
                try emit(upTo: cut)
                scanFrom = blockSize - 1
            }
        }
        var mayBeWhole = wholeUpTo > 0
        func take(_ chunk: UnsafeBufferPointer<UInt8>) throws {
            pending.append(contentsOf: chunk)
            if mayBeWhole, pending.count > wholeUpTo { try takeHeldInBlocks() } else if !mayBeWhole { try emitBlocks() }
        }
        // What was held to come whole is taken again, a read's worth at a time, so the array never
        // holds much more than four blocks (cutting blocks off the front of a long one would move
        // the rest each time).
        func takeHeldInBlocks() throws {
            mayBeWhole = false
            let held = pending
            pending = []
            try held.withUnsafeBufferPointer { all in
                for start in stride(from: 0, to: all.count, by: Self.readSize) {
                    try take(UnsafeBufferPointer(rebasing: all[start..<min(start + Self.readSize, all.count)]))
                }
            }
        }
        try readChunks(take)
        // Short enough to come whole, but with a paragraph too long to hold whole: in blocks after all.
        if mayBeWhole, Self.hasParagraph(longerThan: longest, in: pending) { try takeHeldInBlocks() }
        if !pending.isEmpty || first { try emit(upTo: pending.count) }
        return total
    }

    /// How much one read asks for.
    private static let readSize = 1 << 16

    /// Whether a paragraph of `bytes` (with the blank line after it) is longer than `limit` bytes.
    static func hasParagraph(longerThan limit: Int, in bytes: [UInt8]) -> Bool {
        var start = 0
        while true {
            let end = paragraphBreak(in: bytes, from: start) ?? bytes.count
            if end - start > limit { return true }
            if end == bytes.count { return false }
            start = end
        }
    }

    /// The offset just after the first blank line that starts at or after `start` and ends at or
    /// before `limit`, or nil.
    static func paragraphBreak(in bytes: [UInt8], from start: Int, upTo limit: Int = .max) -> Int? {
        var lineBreak: Int? = nil  // the last line break, while only blanks followed it
        var i = start
        let end = min(bytes.count, limit)
        while i < end {
            switch bytes[i] {
            case 0x0A:
                if lineBreak != nil { return i + 1 }
                lineBreak = i
            case 0x0D, 0x20, 0x09:
                break
            default:
                lineBreak = nil
            }
            i += 1
        }
        return nil
    }

    /// Where to cut an overlong paragraph in `bytes[..<limit]` (`limit < bytes.count`): after the
    /// last line break, else after the last sentence end followed by a space, else after the last
    /// space, else at the last character start (at `limit` itself when the three bytes before it
    /// hold none: that is no UTF-8, and the reader reports or repairs it).
    static func cut(_ bytes: [UInt8], before limit: Int) -> Int {
        precondition(limit > 0 && limit < bytes.count, "a cut needs a byte after the limit")
        let window = bytes[..<limit]
        if let lineBreak = window.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }), lineBreak > 0 {
            // Never between the CR and LF of a CRLF.
            return bytes[lineBreak] == 0x0D && lineBreak + 1 < bytes.count && bytes[lineBreak + 1] == 0x0A ? lineBreak + 2 : lineBreak + 1
        }
        var sentenceEnd: Int? = nil
        var lastSpace: Int? = nil
        var i = limit - 1
        while i > 0, sentenceEnd == nil {
            if bytes[i] == 0x20 {
                if lastSpace == nil { lastSpace = i + 1 }
                if [0x2E, 0x21, 0x3F].contains(bytes[i - 1]) { sentenceEnd = i + 1 }
            }
            i -= 1
        }
        if let place = sentenceEnd ?? lastSpace { return place }
        var start = limit
        while start > max(1, limit - 3), !UTF8Validation.isScalarStart(bytes[start]) { start -= 1 }
        return UTF8Validation.isScalarStart(bytes[start]) ? start : limit
    }

    /// Reads the file (a regular file; one of more than `limit` bytes is refused before it is
    /// read) or standard input in chunks; `size` is told a file's size before the first chunk.
    private func readChunks(
        limit: Int = .max, size: (Int) -> Void = { _ in }, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        let descriptor: Int32
        if let path {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw errno == ENOENT
                    ? TextInputError.notFound(source: path) : TextInputError.unreadable(source: path, reason: Self.errorText())
            }
            try Self.checkRegular(info, path)
            if Int(info.st_size) > limit { throw TextInputError.tooLarge(source: path, limit: limit) }
            // O_NONBLOCK: a FIFO put in place after the check does not block the open.
            descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { throw TextInputError.unreadable(source: path, reason: Self.errorText()) }
            guard fstat(descriptor, &info) == 0 else { throw TextInputError.unreadable(source: path, reason: Self.errorText()) }
            do { try Self.checkRegular(info, path) } catch {
                close(descriptor)
                throw error
            }
            size(min(Int(info.st_size), limit))
        } else {
            descriptor = STDIN_FILENO
        }
        defer { if path != nil { close(descriptor) } }
        var buffer = [UInt8](repeating: 0, count: Self.readSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw TextInputError.unreadable(source: name, reason: Self.errorText())
            }
            if count == 0 { return }
            try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[..<count])) }
        }
    }

    private static func checkRegular(_ info: stat, _ path: String) throws {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw TextInputError.isDirectory(source: path)
        case S_IFIFO: throw TextInputError.notRegular(source: path, kind: "a FIFO")
        case S_IFCHR, S_IFBLK: throw TextInputError.notRegular(source: path, kind: "a device")
        case S_IFSOCK: throw TextInputError.notRegular(source: path, kind: "a socket")
        default: throw TextInputError.notRegular(source: path, kind: "another kind of file")
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
