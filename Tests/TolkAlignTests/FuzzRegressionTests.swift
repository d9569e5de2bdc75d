import Foundation
import Testing
import TolkText

@testable import TolkAlign

/// Inputs the fuzzers (scripts/fuzz.sh) stopped on, kept in Tests/FuzzRegressions/FuzzAlign and
/// read as the fuzz target reads them: source lines, a NUL, target lines.
@Suite struct FuzzRegressionTests {
    static let folder = repository.appendingPathComponent("Tests/FuzzRegressions/FuzzAlign")
    static let inputs = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()) ?? []

    @Test func thereAreInputs() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs) func alignsEveryKeptInput(_ name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let text = String(decoding: data, as: UTF8.self)
        let sides = text.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
        let source = sides[0].split(separator: "\n").map(String.init)
        let target = sides.count > 1 ? sides[1].split(separator: "\n").map(String.init) : []
        let result = try Aligner(sourceLanguage: "vi", targetLanguage: "nb").align(source, target)
        #expect(coversInOrder(result, source.count, target.count))
    }

    /// The first finding: a decimal digit outside ASCII (N'Ko nine) was never consumed by the
    /// number reader, so the anchor scan looped for ever.
    @Test func nonASCIIDigitsEndTheScan() throws {
        var anchors = Set<String>()
        try AnchorScanner.scan("\u{07C9} 12 Hà Nội ٣", language: "vi", into: &anchors) { String($0).lowercased() }
        #expect(anchors.contains("n:12"))
        #expect(!anchors.contains { $0.contains("\u{07C9}") })
    }
}
