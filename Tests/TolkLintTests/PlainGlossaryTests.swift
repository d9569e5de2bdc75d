import Foundation
import Testing
import TolkGlossary
import TolkLint
import TolkText

/// A glossary as an ordinary term base exports it (terms, languages, statuses and parts of speech;
/// no notes, categories or forms) finds what tolk's own glossary finds.
@Suite("A plain glossary")
struct PlainGlossaryTests {
    let corpus = repository.appendingPathComponent("Corpora")

    func glossary(_ path: String) throws -> Glossary {
        try Glossary.read(TextReader(path: repository.appendingPathComponent(path).path).readDocument())
    }

    @Test func kindsAreInferredFromTheTerms() throws {
        let plain = try glossary("Tests/Fixtures/vi-nb-plain.tbx")
        let kinds = Dictionary(uniqueKeysWithValues: plain.concepts.map { ($0.id, $0.kind) })
        #expect(kinds["to-lam"] == .person)  // Tô Lâm -> To Lam
        #expect(kinds["general-secretary"] == .term)  // generalsekretær: lower case, a term with a term's case rule
        #expect(kinds["south-china-sea"] == .person || kinds["south-china-sea"] == .place)  // a name
    }

    @Test(arguments: [
        "vietnamplus-1080302", "vietnamplus-1080415", "vietnamplus-1080533", "vietnamplus-1080610", "vietnamplus-1080702",
        "vietnamplus-1080788", "vietnamplus-1080850", "vietnamplus-1080921",
    ])
    func theCorpusGivesTheSameFindings(pair: String) throws {
        let translation = try TextReader(path: corpus.appendingPathComponent("\(pair)/nb.txt").path).readDocument()
        let source = try TextReader(path: corpus.appendingPathComponent("\(pair)/vi.txt").path).readDocument()
        func places(_ path: String) throws -> Set<String> {
            let linter = try Linter(configuration: LintConfiguration(), glossary: try glossary(path))
            let withSource = try linter.lint(translation: translation, source: source).findings
            let alone = try linter.lint(translation: translation).findings
            return Set((withSource + alone).map { "\($0.rule)@\($0.path.suffix(6)):\($0.line)" })
        }
        let own = try places("Glossaries/vi-nb.tbx")
        #expect(own.contains { $0.hasPrefix("glossary-") } || pair.hasSuffix("0850") || pair.hasSuffix("0921"))
        #expect(try places("Tests/Fixtures/vi-nb-plain.tbx") == own)
    }
}
