import TolkText
import Yams

/// The `.tolk.yml` settings. Every key has a default; `tolk config --dump-default` prints them all.
public struct LintConfiguration: Sendable, Equatable {
    /// The configuration format's version (1).
    public var version = 1
    /// Severity per rule id: `error`, `warning`, `note` or `off`; rules not named keep their default.
    public var rules: [String: String] = [:]
    /// A glossary (.tbx or .csv), relative to the configuration file.
    public var glossary: String?
    /// Path patterns (`*` within a name, `**` across folders) of files not to lint.
    public var ignore: [String] = []
    public var sourceLanguage = Language.defaultSourceCode
    public var targetLanguage = Language.defaultTargetCode
    /// Where the configuration was read from (for relative paths and messages).
    public var origin: String?

    public init() {}

    /// The severity `rule` has here, or nil when it is off.
    public func severity(of rule: Rule) -> Finding.Severity? {
        guard let setting = rules[rule.id] else { return rule.defaultSeverity }
        return setting == "off" ? nil : Finding.Severity(rawValue: setting)
    }

    /// The largest configuration file, in bytes (1 MiB).
    public static let maxBytes = YAMLLimits.maxBytes

    static let keys: Set<String> = ["version", "rules", "glossary", "ignore", "languages"]

    /// Reads YAML; unknown keys, unknown rules, keys given twice, values of the wrong type and texts
    /// over the limits (1 MiB, 64 levels, no anchors or aliases) are errors naming the file.
    public static func parse(_ text: String, origin: String) throws(ConfigurationError) -> LintConfiguration {
        try YAMLLimits.check(text, origin: origin)
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw ConfigurationError(file: origin, message: "not valid YAML: \(error)") }
        var configuration = LintConfiguration()
        configuration.origin = origin
        guard let root, root.null == nil else { return configuration }
        let reader = NodeReader(origin: origin)
        for (keyNode, key, value) in try reader.entries(of: root, "the file") {
            switch key {
            case "version":
                guard value.tag == Tag(.int), value.int == 1 else {
                    throw reader.error(value, "'version' must be the number 1, not \(describe(value))")
                }
            case "rules":
                for (idNode, id, setting) in try reader.entries(of: value, "'rules'") {
                    guard Rule.named(id) != nil else { throw reader.error(idNode, "unknown rule '\(shown(id))' (see tolk rules)") }
                    let text = setting.tag == Tag(.bool) && setting.bool == false ? "off" : setting.scalar?.string
                    guard let text, ["error", "warning", "note", "off"].contains(text) else {
                        throw reader.error(setting, "rule '\(shown(id))' must be error, warning, note or off, not \(describe(setting))")
                    }
                    configuration.rules[id] = text
                }
            case "glossary": configuration.glossary = try reader.text(value, "'glossary'", "a path")
            case "ignore":
                guard case .sequence(let patterns) = value else {
                    throw reader.error(value, "'ignore' must be a list of path patterns, not \(describe(value))")
                }
                configuration.ignore = try patterns.map { pattern throws(ConfigurationError) in
                    try reader.text(pattern, "each 'ignore' entry", "a path pattern")
                }
            case "languages":
                for (keyNode, key, value) in try reader.entries(of: value, "'languages'") {
                    guard key == "source" || key == "target" else {
                        throw reader.error(keyNode, "unknown key 'languages.\(shown(key))' (known: source, target)")
                    }
                    let code = try reader.text(value, "'languages.\(key)'", "a language code")
                    guard isLanguageCode(code) else {
                        throw reader.error(
                            value,
                            "'languages.\(key)': '\(shown(code))' is not a language code (like vi or nb-NO: letters, digits, - and _)")
                    }
                    if key == "source" { configuration.sourceLanguage = code } else { configuration.targetLanguage = code }
                }
            default:
                throw reader.error(keyNode, "unknown key '\(shown(key))' (known: \(keys.sorted().joined(separator: ", ")))")
            }
        }
        return configuration
    }

    /// Whether `code` could be a locale id: an ASCII letter, then letters, digits, `-` or `_`, at most 35.
    static func isLanguageCode(_ code: String) -> Bool {
        let scalars = code.unicodeScalars
        let letter = { (scalar: Unicode.Scalar) in ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        return scalars.count <= 35 && scalars.first.map(letter) == true
            && scalars.allSatisfy { letter($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// How a value reads in messages: "the number 5", "a list", "empty".
    static func describe(_ node: Node) -> String {
        guard case .scalar(let scalar) = node else { return node.mapping != nil ? "a mapping" : "a list" }
        switch node.tag {
        case Tag(.null): return "empty"
        case Tag(.str): return scalar.string.isEmpty ? "empty text" : "the text '\(shown(scalar.string))'"
        case Tag(.int), Tag(.float): return "the number \(shown(scalar.string)) (quote it if it is text)"
        case Tag(.bool): return "the boolean \(shown(scalar.string)) (quote it if it is text)"
        case Tag(.timestamp): return "the date \(shown(scalar.string)) (quote it if it is text)"
        default: return "'\(shown(scalar.string))' (quote it if it is text)"
        }
    }

    /// A text from the file as shown in a message: cut after 40 characters.
    static func shown(_ text: String) -> String {
        text.count > 40 ? text.prefix(40) + "…" : text
    }

    /// The full default configuration, as YAML.
    public static var defaultYAML: String {
        var text = """
            # tolk configuration (.tolk.yml), found by walking up from the linted file.
            version: 1
            # A glossary (.tbx or .csv), relative to this file; its rules run when it is set.
            # glossary: Glossaries/vi-nb.tbx
            # Files not to lint: * within a name, ** across folders.
            ignore: []
            languages:
              source: vi
              target: nb
            # Severity per rule: error, warning, note or off.
            rules:

            """
        for rule in Rule.all { text += "  \(rule.id): \(rule.defaultSeverity?.rawValue ?? "off")\n" }
        return text
    }

    /// Whether `path` matches one of the ignore patterns.
    public func ignores(_ path: String) -> Bool {
        ignore.contains { Self.glob($0, matches: path) }
    }

    /// Whether `pattern` matches the whole `path` or its last component: `*` matches within one
    /// path segment (not `/`), `**` across segments, and slashes right after `**` may be left out
    /// (so `**/` also matches no folder). Time is linear in pattern × path: the set of pattern
    /// positions reached so far is advanced one path character at a time.
    static func glob(_ pattern: String, matches path: String) -> Bool {
        enum Token: Equatable { case character(Character), star, globstar }
        var tokens: [Token] = []
        var rest = pattern[...]
        while let first = rest.first {
            if rest.hasPrefix("**") {
                tokens.append(.globstar)
                rest = rest.dropFirst(2).drop { $0 == "/" }
            } else {
                tokens.append(first == "*" ? .star : .character(first))
                rest = rest.dropFirst()
            }
        }
        /// Adds the positions reachable by letting stars match nothing.
        func closed(_ reached: [Bool]) -> [Bool] {
            var reached = reached
            for (k, token) in tokens.enumerated() where reached[k] && (token == .star || token == .globstar) { reached[k + 1] = true }
            return reached
        }
        func matches(_ text: Substring) -> Bool {
            var reached = closed([true] + Array(repeating: false, count: tokens.count))
            for character in text {
                var next = Array(repeating: false, count: tokens.count + 1)
                for (k, token) in tokens.enumerated() where reached[k] {
                    switch token {
                    case .character(let expected): if character == expected { next[k + 1] = true }
                    case .star: if character != "/" { next[k] = true }
                    case .globstar: next[k] = true
                    }
                }
                reached = closed(next)
                if !reached.contains(true) { return false }
            }
            return reached[tokens.count]
        }
        return matches(path[...]) || matches(Substring(path.split(separator: "/").last ?? ""))
    }
}

/// Reads the nodes of a configuration into errors that name the file and line.
private struct NodeReader {
    let origin: String

    func error(_ node: Node, _ message: String) -> ConfigurationError {
        ConfigurationError(file: origin, message: node.mark.map { "line \($0.line): \(message)" } ?? message)
    }

    /// The entries of a mapping in order, with each key's text; a key that is not text, or is
    /// given twice, is an error.
    func entries(of node: Node, _ name: String) throws(ConfigurationError) -> [(key: Node, text: String, value: Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node, "\(name) must be a mapping (key: value), not \(LintConfiguration.describe(node))")
        }
        var lines: [String: Int] = [:]
        var entries: [(key: Node, text: String, value: Node)] = []
        for (key, value) in mapping {
            guard let text = key.scalar?.string else {
                throw error(key, "a key in \(name) is \(LintConfiguration.describe(key)), not text")
            }
            if let first = lines[text] {
                throw error(key, "duplicate key '\(LintConfiguration.shown(text))' in \(name) (first on line \(first))")
            }
            lines[text] = key.mark?.line ?? 0
            entries.append((key, text, value))
        }
        return entries
    }

    /// The text of a scalar that YAML reads as a non-empty string.
    func text(_ node: Node, _ name: String, _ what: String) throws(ConfigurationError) -> String {
        guard node.tag == Tag(.str), let text = node.scalar?.string, !text.isEmpty else {
            throw error(node, "\(name) must be \(what), not \(LintConfiguration.describe(node))")
        }
        return text
    }
}

/// A configuration file that could not be used.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let message: String
    public var description: String { "\(file): \(message)" }

    /// A file of `bytes` bytes, over the 1 MiB a configuration may have.
    public static func tooLarge(file: String, bytes: Int) -> ConfigurationError {
        ConfigurationError(file: file, message: "\(bytes) bytes; a configuration may have at most 1 MiB (\(YAMLLimits.maxBytes) bytes)")
    }
}
