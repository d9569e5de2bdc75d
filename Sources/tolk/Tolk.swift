import ArgumentParser
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
        Interruption.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as TextInputError {
            fail(error.description)
        } catch let error as ICUError {
            fail(error.description)
        } catch let error as CommandFailure {
            fail(error.message)
        } catch let error as ArticleError {
            fail(error.description)
        } catch let error as GlossaryError {
            fail(error.description)
        } catch let error as ReportFolderError {
            fail(error.description)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version: through tolk's output, so a write error is reported.
                StandardOutput.shared.write(fullMessage(for: error) + "\n")
                Termination.exit(0)
            }
            // ArgumentParser reports usage errors as 64; tolk documents 2 for them.
            // An exit code alone (findings: 1) has no message; a blank line would be noise.
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandleOutput.standardError.write(message.hasSuffix("\n") ? message : message + "\n") }
            Termination.exit(code == .validationFailure ? 2 : code.rawValue)
        }
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
