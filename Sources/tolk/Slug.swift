import ArgumentParser
import TolkText

/// `tolk slug`: URL slugs from titles, or the parts of an article URL or image file name.
struct Slug: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slug",
        abstract: "Make URL slugs from titles, or parse article URLs and image file names (--parse).")

    @Option(help: "Punctuation inside numbers and abbreviations (3,5  TP.HCM): delete (35, tphcm) or split (3-5, tp-hcm).")
    var punct: Slugger.InnerPunctuation = .delete
    @Option(help: "æ ø å as plain (ae o a) or doubled (ae oe aa).")
    var nordic: Slugger.NordicLetters = .plain
    @Flag(help: "Parse each argument as an article URL or image file name: host, slug, words, id (JSON lines).")
    var parse = false
    @Argument(help: "Titles (one slug per argument), or URLs / file names with --parse.")
    var texts: [String] = []

    func validate() throws {
        if texts.isEmpty { throw ValidationError("give at least one title (or URL with --parse)") }
    }

    func run() throws {
        let out = StandardOutput.shared
        if parse {
            for text in texts {
                guard let parts = SlugParts.parse(text) else {
                    throw CommandFailure(message: "no slug found in '\(text)'")
                }
                out.write(
                    JSONLine.text(
                        ParsedSlug(
                            input: text, host: parts.host, slug: parts.slug, words: parts.words, id: parts.articleID,
                            imageIndex: parts.imageIndex)))
            }
        } else {
            let slugger = try Slugger(innerPunctuation: punct, nordicLetters: nordic)
            for text in texts { out.write(try slugger.slug(text) + "\n") }
        }
        out.flush()
    }
}

extension Slugger.InnerPunctuation: ExpressibleByArgument {}
extension Slugger.NordicLetters: ExpressibleByArgument {}

/// One line of `tolk slug --parse`; an absent part is `null`.
private struct ParsedSlug: Encodable {
    let input: String
    let host: String?
    let slug: String
    let words: [String]
    let id: String?
    let imageIndex: Int?

    enum CodingKeys: String, CodingKey {
        case input, host, slug, words, id, imageIndex
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(input, forKey: .input)
        try container.encode(host, forKey: .host)
        try container.encode(slug, forKey: .slug)
        try container.encode(words, forKey: .words)
        try container.encode(id, forKey: .id)
        try container.encode(imageIndex, forKey: .imageIndex)
    }
}
