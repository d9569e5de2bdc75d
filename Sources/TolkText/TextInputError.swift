/// Why a text could not be read. The description names the source and, where there is one,
/// the byte offset, so a user can find the problem.
public enum TextInputError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The bytes are not UTF-8; `byteOffset` is the first bad byte (0-based, in the file).
    case invalidUTF8(source: String, byteOffset: Int)
    /// The input is UTF-16 (it starts with a byte order mark, or half its bytes are NUL).
    case utf16(source: String)
    /// The input contains a NUL byte (binary data).
    case nulByte(source: String, byteOffset: Int)
    /// The path does not exist.
    case notFound(source: String)
    /// The path is a directory.
    case isDirectory(source: String)
    /// The file exists but could not be read.
    case unreadable(source: String, reason: String)
    /// The path is a FIFO, a device or a socket: tolk reads regular files (and standard input as `-`).
    case notRegular(source: String, kind: String)
    /// The input is longer than a whole-document read takes (`TextReader.wholeDocumentLimit`).
    case tooLarge(source: String, limit: Int)
    /// A line of a line-based format (JSON Lines) is not what it should be.
    case malformed(source: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .invalidUTF8(let source, let offset):
            "\(source): invalid UTF-8 at byte offset \(offset)"
        case .utf16(let source):
            "\(source): the file is UTF-16; tolk reads UTF-8 (convert it, e.g. with iconv -f UTF-16 -t UTF-8)"
        case .nulByte(let source, let offset):
            "\(source): NUL byte at byte offset \(offset); this looks like a binary file, not text"
        case .notFound(let source):
            "\(source): no such file"
        case .isDirectory(let source):
            "\(source): is a directory, expected a text file"
        case .unreadable(let source, let reason):
            "\(source): cannot read: \(reason)"
        case .notRegular(let source, let kind):
            "\(source): is \(kind), not a regular file; tolk reads files, and standard input as '-'"
        case .tooLarge(let source, let limit):
            "\(source): longer than \(limit >> 20) MiB, the most tolk reads as one document"
        case .malformed(let source, let line, let reason):
            "\(source):\(line): \(reason)"
        }
    }
}

/// Ill-formed UTF-8 that a lenient read (`--lossy`) replaced with U+FFFD; the description is the
/// warning a user sees.
public struct InvalidUTF8Replacement: Equatable, Sendable, CustomStringConvertible {
    public let source: String
    /// How many ill-formed sequences were replaced.
    public let count: Int
    /// Where the first one was, in the file.
    public let firstByteOffset: Int

    public var description: String {
        "\(source): replaced \(count) invalid UTF-8 sequence\(count == 1 ? "" : "s") with U+FFFD (the first at byte offset \(firstByteOffset))"
    }
}
