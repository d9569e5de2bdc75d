/// The limits a configuration's YAML is held to before Yams reads it. Yams builds its tree by
/// recursion and expands aliases, so a deeply nested text overflows the stack and a few nested
/// aliases exhaust memory. This check runs first, in one pass linear in the text and without
/// recursion. It follows libyaml's scanner (which Yams uses) as far as needed to know where its
/// tokens start: indentation levels, flow brackets, quoted and plain scalars, comments. Where
/// libyaml would stop with an error, so does the check, and Yams gives the message.
enum YAMLLimits {
    /// The largest configuration, in bytes of UTF-8 (1 MiB).
    static let maxBytes = 1 << 20
    /// The deepest nesting, counted as open block levels (indentation) plus open brackets; each
    /// level holds at most two nodes (a key's value may be a list at the key's indentation, a
    /// bracket may hold a one-pair mapping), so Yams recurses at most 129 deep.
    static let maxDepth = 64

    /// Throws when `text` is too large or too deep, or uses anchors, aliases, tags, block scalars
    /// or directives (a configuration needs none of them); else returns the deepest nesting seen.
    @discardableResult
    static func check(_ text: String, origin: String) throws(ConfigurationError) -> Int {
        let size = text.utf8.count
        guard size <= maxBytes else { throw ConfigurationError.tooLarge(file: origin, bytes: size) }
        var scanner = Scanner(text: Array(text.unicodeScalars))
        if let problem = scanner.run() { throw ConfigurationError(file: origin, message: problem) }
        return scanner.deepest
    }

    /// libyaml's scanner state, reduced to what decides nesting (names as in its scanner.c).
    private struct Scanner {
        let text: [Unicode.Scalar]
        var index = 0
        var line = 1
        var column = 0
        var flowLevel = 0
        /// The column of the innermost block collection (-1: none) and those of the outer ones.
        var indent = -1
        var indents: [Int] = []
        var simpleKeyAllowed = true
        /// Where a key without `?` may have started, in the block context.
        var simpleKey: (line: Int, column: Int)?
        var deepest = 0

        subscript(offset: Int) -> Unicode.Scalar? { index + offset < text.count ? text[index + offset] : nil }
        func isBreak(_ offset: Int = 0) -> Bool { self[offset].map { "\n\r\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) } ?? false }
        func isBlank(_ offset: Int = 0) -> Bool { self[offset] == " " || self[offset] == "\t" }
        func isBlankOrEnd(_ offset: Int = 0) -> Bool { self[offset] == nil || isBlank(offset) || isBreak(offset) }
        var atDocumentIndicator: Bool {
            let marker = self[0] == "-" || self[0] == "."
            return column == 0 && marker && self[1] == self[0] && self[2] == self[0] && isBlankOrEnd(3)
        }

        mutating func advance() {
            if isBreak() {
                if self[0] == "\r" && self[1] == "\n" { index += 1 }
                line += 1
                column = 0
            } else {
                column += 1
            }
            index += 1
        }

        /// Nil when the text is within the limits (or libyaml stops on it first), else the problem.
        mutating func run() -> String? {
            while true {
                skipToToken()
                guard let character = self[0] else { return nil }
                if let key = simpleKey, key.line != line { simpleKey = nil }
                unroll(to: column)
                if atDocumentIndicator {
                    unroll(to: -1)
                    removeSimpleKey()
                    simpleKeyAllowed = false
                    for _ in 0..<3 { advance() }
                    continue
                }
                switch character {
                case "[", "{":
                    saveSimpleKey()
                    flowLevel += 1
                    simpleKeyAllowed = true
                    advance()
                    if !withinDepth() { return tooDeep }
                case "]", "}":
                    removeSimpleKey()
                    flowLevel = max(flowLevel - 1, 0)
                    simpleKeyAllowed = false
                    advance()
                case ",":
                    removeSimpleKey()
                    simpleKeyAllowed = true
                    advance()
                case "-" where isBlankOrEnd(1), "?" where flowLevel > 0 || isBlankOrEnd(1):
                    if flowLevel == 0 {
                        guard simpleKeyAllowed else { return nil }
                        if !roll(to: column) { return tooDeep }
                    }
                    removeSimpleKey()
                    simpleKeyAllowed = character == "-" || flowLevel == 0
                    advance()
                case ":" where flowLevel > 0 || isBlankOrEnd(1):
                    if flowLevel > 0 {
                        simpleKeyAllowed = false
                    } else if let key = simpleKey {
                        if !roll(to: key.column) { return tooDeep }
                        simpleKey = nil
                        simpleKeyAllowed = false
                    } else {
                        guard simpleKeyAllowed else { return nil }
                        if !roll(to: column) { return tooDeep }
                    }
                    advance()
                case "&", "*":
                    return "line \(line): anchors and aliases (& and *) are not allowed; quote a value that starts with & or *"
                case "!": return "line \(line): tags (!) are not allowed; quote a value that starts with !"
                case "|" where flowLevel == 0, ">" where flowLevel == 0:
                    return "line \(line): block scalars (| and >) are not allowed; write the value on one line"
                case "%" where column == 0: return "line \(line): directives (%) are not allowed"
                case "'", "\"":
                    saveSimpleKey()
                    simpleKeyAllowed = false
                    guard skipQuoted(single: character == "'") else { return nil }
                default:
                    let indicator = isBlankOrEnd() || "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(character)
                    let plain =
                        !indicator || (character == "-" && !isBlank(1))
                        || (flowLevel == 0 && (character == "?" || character == ":") && !isBlankOrEnd(1))
                    guard plain else { return nil }
                    saveSimpleKey()
                    simpleKeyAllowed = false
                    guard skipPlain() else { return nil }
                }
            }
        }

        var tooDeep: String { "line \(line): nested more than \(maxDepth) levels deep" }

        /// Spaces, tabs where libyaml allows them, a byte order mark starting a line, comments, line breaks.
        mutating func skipToToken() {
            while true {
                if column == 0 && self[0] == "\u{FEFF}" { advance() }
                while self[0] == " " || (self[0] == "\t" && (flowLevel > 0 || !simpleKeyAllowed)) { advance() }
                if self[0] == "#" { while self[0] != nil && !isBreak() { advance() } }
                guard isBreak() else { return }
                advance()
                if flowLevel == 0 { simpleKeyAllowed = true }
            }
        }

        mutating func saveSimpleKey() { if flowLevel == 0 && simpleKeyAllowed { simpleKey = (line, column) } }
        mutating func removeSimpleKey() { if flowLevel == 0 { simpleKey = nil } }

        /// Opens a block collection at `column` when it is right of the current one; false when too deep.
        mutating func roll(to column: Int) -> Bool {
            guard flowLevel == 0 && indent < column else { return true }
            indents.append(indent)
            indent = column
            return withinDepth()
        }

        /// Records the current nesting; false when it is over the limit.
        mutating func withinDepth() -> Bool {
            deepest = max(deepest, indents.count + flowLevel)
            return deepest <= maxDepth
        }

        /// Closes the block collections right of `column`.
        mutating func unroll(to column: Int) {
            while flowLevel == 0 && indent > column { indent = indents.removeLast() }
        }

        /// Past a quoted scalar; false where libyaml reports an error.
        mutating func skipQuoted(single: Bool) -> Bool {
            advance()
            while true {
                guard !atDocumentIndicator, let character = self[0] else { return false }
                if single && character == "'" && self[1] == "'" {
                    advance()
                } else if character == (single ? "'" : "\"") {
                    advance()
                    return true
                } else if !single && character == "\\" && self[1] != nil {
                    advance()
                }
                advance()
            }
        }

        /// Past a plain scalar (it may go on over lines); false where libyaml reports an error.
        mutating func skipPlain() -> Bool {
            let minimumColumn = indent + 1
            var leadingBlanks = false
            scalar: while !atDocumentIndicator && self[0] != "#" {
                while let character = self[0], !isBlankOrEnd() {
                    if flowLevel > 0 && character == ":" && self[1].map({ ",?[]{}".unicodeScalars.contains($0) }) == true { return false }
                    if (character == ":" && isBlankOrEnd(1)) || (flowLevel > 0 && ",[]{}".unicodeScalars.contains(character)) {
                        break scalar
                    }
                    advance()
                    leadingBlanks = false
                }
                guard isBlank() || isBreak() else { break }
                while isBlank() || isBreak() {
                    if leadingBlanks && column < minimumColumn && self[0] == "\t" { return false }
                    if isBreak() { leadingBlanks = true }
                    advance()
                }
                if flowLevel == 0 && column < minimumColumn { break }
            }
            if leadingBlanks { simpleKeyAllowed = true }
            return true
        }
    }
}
