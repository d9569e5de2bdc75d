import ArgumentParser
import Synchronization
import TolkText

/// `--lossy`, for every command that reads pages (glossaries, configurations and baselines are
/// always read strictly).
struct PageReading: ParsableArguments {
    @Flag(help: "Replace invalid UTF-8 in pages with U+FFFD and warn, instead of stopping with an error.")
    var lossy = false

    /// Warnings already given: a page read twice (pairing, then linting) is reported once.
    private static let warned = Mutex<Set<String>>([])

    /// A reader for the page at `path` ('-': standard input).
    func reader(_ path: String) -> TextReader {
        guard lossy else { return TextReader(path: path) }
        return TextReader(path: path) { replacement in
            if Self.warned.withLock({ $0.insert(replacement.description).inserted }) {
                FileHandleOutput.standardError.write("tolk: warning: \(replacement)\n")
            }
        }
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
    var sourceLang = "vi"
    @Option(help: "Language of the translations.")
    var targetLang = "nb"
}

/// The language option shared by the text commands.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "ICU locale id of the text: nb, vi, or any other (ICU's root rules apply).")
    var lang: String

    func validate() throws {
        let allowed = lang.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || $0 == "-" || $0 == "_" || ("0"..."9").contains($0)
        }
        guard !lang.isEmpty, allowed else {
            throw ValidationError("--lang '\(lang)' is not a locale id (letters, digits, '-' or '_', e.g. nb or vi)")
        }
    }
}
