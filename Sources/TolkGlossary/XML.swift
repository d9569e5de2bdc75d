import TolkText

/// An XML element: qualified name, attributes in document order, children, and where it starts.
public struct XMLElement: Sendable {
    /// A child: an element or a run of character data (entities and CDATA resolved).
    public enum Child: Sendable {
        case element(XMLElement)
        case text(String)
    }

    public let name: String
    public let attributes: [(name: String, value: String)]
    public let children: [Child]
    public let position: TextPosition

    /// The name without its namespace prefix (`basic:term` -> `term`).
    public var localName: Substring { name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? name[...] }

    /// The value of the attribute named `name` (qualified, e.g. `xml:lang`).
    public func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    /// Child elements, optionally only those with local name `localName`.
    public func elements(_ localName: String? = nil) -> [XMLElement] {
        children.compactMap {
            if case .element(let element) = $0, localName == nil || element.localName == localName! { return element }
            return nil
        }
    }

    /// All character data inside the element, descendants included, whitespace collapsed.
    public var text: String {
        // Most elements hold one run of text with single spaces: nothing to collapse.
        if children.count == 1, case .text(let only) = children[0], Self.isCollapsed(only) { return only }
        var pieces: [String] = []
        func collect(_ element: XMLElement) {
            for child in element.children {
                switch child {
                case .text(let text): pieces.append(text)
                case .element(let inner): collect(inner)
                }
            }
        }
        collect(self)
        return pieces.joined().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension XMLElement {
    /// Whether `text` is already whitespace-collapsed: not empty, no white space but single
    /// U+0020 spaces between other characters.
    static func isCollapsed(_ text: String) -> Bool {
        var afterSpace = true
        for scalar in text.unicodeScalars {
            if scalar == " " {
                if afterSpace { return false }
                afterSpace = true
            } else if scalar.value < 0x80 ? (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace {
                return false
            } else {
                afterSpace = false
            }
        }
        return !afterSpace
    }
}

/// Why an XML file was rejected, with the place.
public struct XMLError: Error, Equatable, CustomStringConvertible, Sendable {
    public let source: String
    public let position: TextPosition
    public let message: String

    public var description: String { "\(source):\(position): \(message)" }
}

/// A small, safe XML reader for glossaries and translation memories: no DTD is read or fetched,
/// no entity may be declared (so none can expand), only the five predefined entities and
/// character references are resolved, and nesting is limited. Enough of XML 1.0 for TBX and TMX.
public enum XMLReader {
    /// The deepest nesting accepted.
    public static let maximumDepth = 256

    /// Parses `document` into its root element.
    public static func parse(_ document: Document) throws(XMLError) -> XMLElement {
        var parser = Parser(document: document)
        return try parser.parseDocument()
    }

    private struct Parser {
        let document: Document
        let bytes: [UInt8]
        var i = 0

        init(document: Document) {
            self.document = document
            bytes = document.bytes
        }

        func error(_ message: String, at offset: Int? = nil) -> XMLError {
            XMLError(source: document.name, position: document.position(at: min(offset ?? i, bytes.count)), message: message)
        }

        func peek(_ text: String, at offset: Int? = nil) -> Bool {
            let start = offset ?? i
            let utf8 = text.utf8
            return start + utf8.count <= bytes.count && bytes[start..<(start + utf8.count)].elementsEqual(utf8)
        }

        mutating func skipWhitespace() {
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        }

        /// Skips to just after `terminator`, or fails with `message`.
        mutating func skip(past terminator: String, _ message: String) throws(XMLError) {
            let start = i
            while i < bytes.count {
                if peek(terminator) {
                    i += terminator.utf8.count
                    return
                }
                i += 1
            }
            throw error(message, at: start)
        }

        mutating func parseDocument() throws(XMLError) -> XMLElement {
            var root: XMLElement? = nil
            while true {
                skipWhitespace()
                if i >= bytes.count { break }
                if peek("<?") {
                    try skip(past: "?>", "unterminated processing instruction")
                } else if peek("<!--") {
                    try skip(past: "-->", "unterminated comment")
                } else if peek("<!DOCTYPE") {
                    guard root == nil else { throw error("DOCTYPE after the root element") }
                    try skipDoctype()
                } else if peek("<") {
                    guard root == nil else { throw error("content after the root element") }
                    root = try parseElement(depth: 1)
                } else {
                    throw error(root == nil ? "text before the root element" : "text after the root element")
                }
            }
            guard let root else { throw error("no root element: the file is empty or not XML", at: 0) }
            return root
        }

        /// A DOCTYPE is allowed (TBX v2 files name their DTD) but never read; an internal subset
        /// that declares entities is refused.
        mutating func skipDoctype() throws(XMLError) {
            let start = i
            i += "<!DOCTYPE".utf8.count
            var quote: UInt8? = nil
            while i < bytes.count {
                let byte = bytes[i]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == 0x22 || byte == 0x27 {
                    quote = byte
                } else if byte == UInt8(ascii: "[") {
                    let subsetStart = i
                    guard let end = bytes[i...].firstIndex(of: UInt8(ascii: "]")) else { throw error("unterminated DOCTYPE", at: start) }
                    let subset = String(decoding: bytes[subsetStart..<end], as: UTF8.self)
                    if subset.contains("<!ENTITY") {
                        throw error("entity declarations are not allowed (tolk never expands XML entities)", at: subsetStart)
                    }
                    i = end
                } else if byte == UInt8(ascii: ">") {
                    i += 1
                    return
                }
                i += 1
            }
            throw error("unterminated DOCTYPE", at: start)
        }

        mutating func parseName() throws(XMLError) -> String {
            let start = i
            while i < bytes.count {
                let byte = bytes[i]
                if [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "<")].contains(byte) {
                    break
                }
                i += 1
            }
            guard i > start else { throw error("expected a name") }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        mutating func parseElement(depth: Int) throws(XMLError) -> XMLElement {
            guard depth <= XMLReader.maximumDepth else { throw error("elements nested deeper than \(XMLReader.maximumDepth)") }
            let start = i
            i += 1  // <
            let name = try parseName()
            var attributes: [(String, String)] = []
            while true {
                skipWhitespace()
                guard i < bytes.count else { throw error("unterminated start tag <\(name)>", at: start) }
                if peek("/>") {
                    i += 2
                    return XMLElement(name: name, attributes: attributes, children: [], position: document.position(at: start))
                }
                if bytes[i] == UInt8(ascii: ">") {
                    i += 1
                    break
                }
                let attributeStart = i
                let attributeName = try parseName()
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw error("expected = after attribute \(attributeName)") }
                i += 1
                skipWhitespace()
                guard i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 else {
                    throw error("expected a quoted value for \(attributeName)")
                }
                let quote = bytes[i]
                i += 1
                let valueStart = i
                while i < bytes.count, bytes[i] != quote {
                    if bytes[i] == UInt8(ascii: "<") { throw error("< in an attribute value") }
                    i += 1
                }
                guard i < bytes.count else { throw error("unterminated attribute value", at: valueStart) }
                let value = try resolve(valueStart..<i)
                i += 1
                if attributes.contains(where: { $0.0 == attributeName }) {
                    throw error("attribute \(attributeName) given twice", at: attributeStart)
                }
                attributes.append((attributeName, value))
            }
            var children: [XMLElement.Child] = []
            var textStart = i
            func flushText(upTo end: Int) throws(XMLError) {
                if end > textStart { children.append(.text(try resolve(textStart..<end))) }
            }
            while true {
                guard i < bytes.count else { throw error("<\(name)> is not closed", at: start) }
                if bytes[i] != UInt8(ascii: "<") {
                    i += 1
                    continue
                }
                try flushText(upTo: i)
                if peek("</") {
                    i += 2
                    let closingStart = i - 2
                    let closing = try parseName()
                    guard closing == name else { throw error("</\(closing)> closes <\(name)>", at: closingStart) }
                    skipWhitespace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw error("expected > after </\(closing)") }
                    i += 1
                    return XMLElement(name: name, attributes: attributes, children: children, position: document.position(at: start))
                } else if peek("<!--") {
                    try skip(past: "-->", "unterminated comment")
                } else if peek("<![CDATA[") {
                    let dataStart = i + 9
                    try skip(past: "]]>", "unterminated CDATA section")
                    children.append(.text(String(decoding: bytes[dataStart..<(i - 3)], as: UTF8.self)))
                } else if peek("<?") {
                    try skip(past: "?>", "unterminated processing instruction")
                } else if peek("<!") {
                    throw error("declarations are not allowed inside elements")
                } else {
                    children.append(.element(try parseElement(depth: depth + 1)))
                }
                textStart = i
            }
        }

        /// Character data with the predefined entities and character references resolved.
        func resolve(_ range: Range<Int>) throws(XMLError) -> String {
            guard bytes[range].contains(UInt8(ascii: "&")) else { return String(decoding: bytes[range], as: UTF8.self) }
            var result = ""
            var k = range.lowerBound
            var plainStart = k
            while k < range.upperBound {
                guard bytes[k] == UInt8(ascii: "&") else {
                    k += 1
                    continue
                }
                result += String(decoding: bytes[plainStart..<k], as: UTF8.self)
                guard let end = bytes[k..<range.upperBound].firstIndex(of: UInt8(ascii: ";")), end - k <= 12 else {
                    throw error("& that starts no entity reference (write &amp;)", at: k)
                }
                let reference = String(decoding: bytes[(k + 1)..<end], as: UTF8.self)
                switch reference {
                case "lt": result += "<"
                case "gt": result += ">"
                case "amp": result += "&"
                case "apos": result += "'"
                case "quot": result += "\""
                default:
                    var value: UInt32? = nil
                    if reference.hasPrefix("#x") {
                        value = UInt32(reference.dropFirst(2), radix: 16)
                    } else if reference.hasPrefix("#") {
                        value = UInt32(reference.dropFirst(), radix: 10)
                    }
                    guard let value, let scalar = Unicode.Scalar(value), value != 0 else {
                        throw error("unknown entity &\(reference); (only the five XML entities and character references are read)", at: k)
                    }
                    result.unicodeScalars.append(scalar)
                }
                k = end + 1
                plainStart = k
            }
            result += String(decoding: bytes[plainStart..<range.upperBound], as: UTF8.self)
            return result
        }
    }
}

/// Writes XML text with escaping.
public enum XMLWriter {
    /// Escapes text for element content and attribute values.
    public static func escape(_ text: String) -> String {
        // Byte by byte: every character replaced is ASCII but U+FFFE and U+FFFF (EF BF BE, EF BF BF).
        let utf8 = text.utf8
        func replacement(_ bytes: String.UTF8View, at index: String.UTF8View.Index) -> (String, Int)? {
            switch bytes[index] {
            case 0x3C: return ("&lt;", 1)
            case 0x3E: return ("&gt;", 1)
            case 0x26: return ("&amp;", 1)
            case 0x22: return ("&quot;", 1)
            case 0x27: return ("&apos;", 1)
            // Characters XML 1.0 cannot hold become a visible mark (dropping them would run words together).
            case 0x00..<0x20 where ![0x09, 0x0A, 0x0D].contains(bytes[index]): return ("\u{FFFD}", 1)
            case 0xEF:
                let next = bytes.index(after: index)
                guard next != bytes.endIndex, bytes[next] == 0xBF else { return nil }
                let last = bytes.index(after: next)
                guard last != bytes.endIndex, bytes[last] == 0xBE || bytes[last] == 0xBF else { return nil }
                return ("\u{FFFD}", 3)
            default: return nil
            }
        }
        guard utf8.indices.contains(where: { replacement(utf8, at: $0) != nil }) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 16)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if let (text, length) = replacement(utf8, at: index) {
                result += text.utf8
                index = utf8.index(index, offsetBy: length)
            } else {
                result.append(utf8[index])
                index = utf8.index(after: index)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `text` holds characters XML 1.0 cannot hold (C0 controls other than tab and line
    /// breaks, U+FFFE, U+FFFF), which `escape` replaces with U+FFFD.
    public static func needsReplacements(_ text: String) -> Bool { text.unicodeScalars.contains(where: isForbidden) }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
