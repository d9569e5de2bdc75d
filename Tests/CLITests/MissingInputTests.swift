import Foundation
import Testing
import TolkTestSupport

/// A missing input is one line in tolk's words (no ArgumentParser "Error: " before it), exit 2.
@Suite("A missing input")
struct MissingInputTests {
    @Test(arguments: [
        (["lint", "nope.txt"], "nope.txt"),
        (["glossary", "convert", "nope.tbx", "out.csv"], "nope.tbx"),
        (["extract", "nope.txt"], "nope.txt"),
    ])
    func isOneLineInTolksWords(_ arguments: [String], missing: String) throws {
        try Fixtures.withTemporaryFolder { folder in
            let run = try Fixtures.run(arguments, in: folder)
            #expect(run.status == 2)
            #expect(run.errors == "tolk: error: \(missing): no such file\n")
            #expect(run.output.isEmpty)
        }
    }
}
