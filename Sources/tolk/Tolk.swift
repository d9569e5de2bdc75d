import ArgumentParser
import CPlatform
import TolkArticle
import TolkGlossary
import TolkReport
import TolkText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The tolk command line. Exit codes: 0 success, 1 findings (lint), 2 usage, configuration or
/// input errors.
@main
struct Tolk: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "tolk",
        abstract: "Translation alignment and localisation QA for news text (Vietnamese -> Norwegian first).",
        version: "tolk \(version) (ICU \(TextInfo.icuVersion))",
        subcommands: [
            Check.self, Lint.self, Report.self, Rules.self, Explain.self, Config.self, Tokenize.self, Segment.self, Normalize.self,
            Slug.self,
            Extract.self, Pair.self, Align.self, GlossaryCommand.self, TrainViWords.self,
        ]
    )

    static func main() {
        FileHandleOutput.occupyClosedStandardDescriptors()
        tolk_map_large_blocks()
        Interruption.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            // 0 clean, 1 findings: the command's own verdict.
            Termination.exit(exit.rawValue)
        } catch let error as CommandFailure {
            fail(error.message)
        } catch {
            switch exitCode(for: error) {
            case .success:
                // --help and --version: through tolk's output, so a write error is reported.
                StandardOutput.shared.write(fullMessage(for: error) + "\n")
                Termination.exit(0)
            case .validationFailure:
                // A usage error: ArgumentParser's message and usage line, exit 2 (not its 64).
                let message = fullMessage(for: error)
                FileHandleOutput.standardError.write(message.hasSuffix("\n") ? message : message + "\n")
                Termination.exit(2)
            default:
                // Every other failure is exit 2, in the error's own words (tolk's errors name the
                // file and place; a system error gets its plain description, not a dump).
                fail(plainMessage(for: error))
            }
        }
    }

    /// An error's own words, without the "Error: " ArgumentParser puts before them (tolk writes
    /// "tolk: error: " itself).
    static func plainMessage(for error: Error) -> String {
        let message = fullMessage(for: error)
        let plain = message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message
        return plain.isEmpty ? error.localizedDescription : plain
    }

    static func fail(_ message: String) -> Never {
        StandardOutput.shared.flush()
        FileHandleOutput.standardError.write("tolk: error: \(message)\n")
        Termination.exit(2)
    }
}

/// An error a command reports in its own words (exit code 2).
struct CommandFailure: Error {
    let message: String
}

/// Ends the process with a code after flushing standard output.
enum Termination {
    static func exit(_ code: Int32) -> Never {
        StandardOutput.shared.flush()
        #if canImport(Glibc)
            Glibc.exit(code)
        #else
            Darwin.exit(code)
        #endif
    }
}
