import ArgumentParser
import TolkReport
import TolkText

/// `--lossy`, for every command that reads pages (glossaries, configurations and baselines are
/// always read strictly).
struct PageReading: ParsableArguments {
    @Flag(help: "Replace invalid UTF-8 in pages with U+FFFD and warn, instead of stopping with an error.")
    var lossy = false

    /// A reader for the page at `path` ('-': standard input).
    func reader(_ path: String) -> TextReader {
        guard lossy else { return TextReader(path: path) }
        return TextReader(path: path) { replacement in Warning.once(replacement.description) }
    }
}

/// Input files shared by the text commands; no file or `-` means standard input.
struct InputFiles: ParsableArguments {
    @Argument(help: "UTF-8 text files; '-' or none reads standard input.")
    var files: [String] = []
    @OptionGroup var reading: PageReading

    var readers: [TextReader] {
        (files.isEmpty ? ["-"] : files).map { reading.reader($0) }
    }

    /// Warns on standard error about an input that held no text, so an empty result is never silent.
    static func noteEmpty(_ reader: TextReader, bytes: Int) {
        if bytes == 0 { FileHandleOutput.standardError.write("tolk: warning: \(reader.name): the input is empty\n") }
    }
}

/// The source and translation languages of the commands that read article pairs.
struct LanguagePair: ParsableArguments {
    @Option(help: "Language of the sources.")
    var sourceLang = Language.defaultSourceCode
    @Option(help: "Language of the translations.")
    var targetLang = Language.defaultTargetCode

    func validate() throws {
        try LanguageOption.check(sourceLang, option: "--source-lang")
        try LanguageOption.check(targetLang, option: "--target-lang")
    }
}

/// The two folders `pair` and `check` pair pages from, in any layout.
struct FolderPair: ParsableArguments {
    @Option(help: "A folder of source articles, any layout (with --translations).")
    var sources: String?
    @Option(help: "A folder of translated pages, any layout (with --sources).")
    var translations: String?

    /// Whether either folder is given.
    var isGiven: Bool { sources != nil || translations != nil }

    /// Refuses one folder without the other (each command asks when its other checks allow).
    func requireBoth() throws {
        if (sources == nil) != (translations == nil) { throw ValidationError("--sources and --translations go together") }
    }
}

/// The language option shared by the text commands.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "ICU locale id of the text: nb, vi, or any other (ICU's root rules apply).")
    var lang: String

    func validate() throws { try Self.check(lang, option: "--lang") }

    /// Refuses a language code that is empty or not a locale id.
    static func check(_ code: String, option: String) throws {
        let allowed = code.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || $0 == "-" || $0 == "_" || ("0"..."9").contains($0)
        }
        guard !code.isEmpty, allowed else {
            throw ValidationError("\(option) '\(code)' is not a locale id (letters, digits, '-' or '_', e.g. nb or vi)")
        }
    }
}
