#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A text held as a range of a document's UTF-8 bytes, sharing their storage, or as a string of its
/// own when it is not such a range (lines joined with a space, an image's alt text). A long page's
/// paragraphs are then not held twice. Equal when their UTF-8 bytes are.
public struct TextSlice: Sendable, Hashable {
    enum Storage: Sendable {
        case bytes([UInt8], Range<Int>)
        case string(String)
    }

    let storage: Storage

    /// A text of its own.
    public init(_ string: String) {
        storage = .string(string)
    }

    /// `document`'s text at `range` (which must fall on character boundaries), as its bytes.
    public init(_ document: Document, at range: Range<Int>) {
        storage = .bytes(document.bytes, range)
    }

    /// `text`, held as `document`'s bytes at `range` when they spell it exactly.
    public init(_ text: String, in document: Document, at range: Range<Int>) {
        storage = Self.spells(document.bytes[range], text) ? .bytes(document.bytes, range) : .string(text)
    }

    /// The text (a new String from a document's bytes on every call).
    public var string: String {
        switch storage {
        case .bytes(let bytes, let range): String(decoding: bytes[range], as: UTF8.self)
        case .string(let string): string
        }
    }

    /// Whether the text is spelt exactly by `bytes`.
    public func isSpelt(by bytes: ArraySlice<UInt8>) -> Bool {
        switch storage {
        case .bytes(let own, let range): own[range].elementsEqual(bytes)
        case .string(let string): Self.spells(bytes, string)
        }
    }

    /// Whether `bytes` are `text`'s UTF-8 (compared as memory: this runs on every element of a page).
    private static func spells(_ bytes: ArraySlice<UInt8>, _ text: String) -> Bool {
        guard bytes.count == text.utf8.count else { return false }
        var text = text
        return text.withUTF8 { utf8 in
            bytes.withUnsafeBufferPointer { own in utf8.isEmpty || memcmp(own.baseAddress!, utf8.baseAddress!, utf8.count) == 0 }
        }
    }

    public static func == (lhs: TextSlice, rhs: TextSlice) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.bytes(let bytes, let range), _): rhs.isSpelt(by: bytes[range])
        case (_, .bytes(let bytes, let range)): lhs.isSpelt(by: bytes[range])
        case (.string(let a), .string(let b)): a.utf8.elementsEqual(b.utf8)
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch storage {
        case .bytes(let bytes, let range): bytes[range].withUnsafeBytes { hasher.combine(bytes: $0) }
        case .string(var string): string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}
