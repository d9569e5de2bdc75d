import ArgumentParser
import TolkGlossary
import TolkText

extension GlossaryCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check translations against a glossary.")
        func run() throws { throw CommandFailure(message: "not yet") }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Report how a corpus renders each glossary concept.")
        func run() throws { throw CommandFailure(message: "not yet") }
    }
}
