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
    public var sourceLanguage = "vi"
    public var targetLanguage = "nb"
    /// Where the configuration was read from (for relative paths and messages).
    public var origin: String?

    public init() {}

    /// The severity `rule` has here, or nil when it is off.
    public func severity(of rule: Rule) -> Finding.Severity? {
        guard let setting = rules[rule.id] else { return rule.defaultSeverity }
        return setting == "off" ? nil : Finding.Severity(rawValue: setting)
    }

    static let keys: Set<String> = ["version", "rules", "glossary", "ignore", "languages"]

    /// Reads YAML; unknown keys, unknown rules and bad values are errors naming the file.
    public static func parse(_ text: String, origin: String) throws(ConfigurationError) -> LintConfiguration {
        let loaded: Any?
        do { loaded = try Yams.load(yaml: text) } catch { throw ConfigurationError(file: origin, message: "not valid YAML: \(error)") }
        var configuration = LintConfiguration()
        configuration.origin = origin
        guard let loaded else { return configuration }
        guard let map = loaded as? [String: Any] else {
            throw ConfigurationError(file: origin, message: "expected a mapping at the top level")
        }
        for key in map.keys.sorted() where !keys.contains(key) {
            throw ConfigurationError(file: origin, message: "unknown key '\(key)' (known: \(keys.sorted().joined(separator: ", ")))")
        }
        if let version = map["version"] {
            guard let number = version as? Int, number == 1 else { throw ConfigurationError(file: origin, message: "version must be 1") }
        }
        if let rules = map["rules"] {
            guard let rules = rules as? [String: Any] else {
                throw ConfigurationError(file: origin, message: "'rules' must map rule ids to error, warning, note or off")
            }
            for (id, value) in rules {
                guard Rule.named(id) != nil else {
                    throw ConfigurationError(file: origin, message: "unknown rule '\(id)' (see tolk rules)")
                }
                let setting = (value as? String) ?? ((value as? Bool) == false ? "off" : "")
                guard ["error", "warning", "note", "off"].contains(setting) else {
                    throw ConfigurationError(file: origin, message: "rule '\(id)': '\(value)' is not error, warning, note or off")
                }
                configuration.rules[id] = setting
            }
        }
        if let glossary = map["glossary"] {
            guard let path = glossary as? String else { throw ConfigurationError(file: origin, message: "'glossary' must be a path") }
            configuration.glossary = path
        }
        if let ignore = map["ignore"] {
            guard let patterns = ignore as? [String] else {
                throw ConfigurationError(file: origin, message: "'ignore' must be a list of path patterns")
            }
            configuration.ignore = patterns
        }
        if let languages = map["languages"] {
            guard let languages = languages as? [String: Any] else {
                throw ConfigurationError(file: origin, message: "'languages' must have source and target")
            }
            for key in languages.keys where key != "source" && key != "target" {
                throw ConfigurationError(file: origin, message: "unknown key 'languages.\(key)' (known: source, target)")
            }
            if let source = languages["source"] as? String { configuration.sourceLanguage = source }
            if let target = languages["target"] as? String { configuration.targetLanguage = target }
        }
        return configuration
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

/// A configuration file that could not be used.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let message: String
    public var description: String { "\(file): \(message)" }
}
