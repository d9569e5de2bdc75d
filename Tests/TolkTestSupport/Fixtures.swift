import Foundation
import TolkGlossary
import TolkText

/// Files the tests of every module share: the repository's corpus and glossary, and the shared
/// data beside the repository (as in CI).
public enum Fixtures {
    /// The repository root.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared/data` beside the repository (UD sets, check-dev, format samples), read-only.
    public static let sharedData = repository.deletingLastPathComponent().appendingPathComponent("shared/data")

    /// The seed page: the published Norwegian translation tolk started from.
    public static let seedPath = path("Corpora/vietnamplus-1080302/nb.txt")

    /// The absolute path of `relative` in the repository.
    public static func path(_ relative: String) -> String { repository.appendingPathComponent(relative).path }

    /// The file at `relative` in the repository, read as tolk reads files.
    public static func document(_ relative: String) throws -> Document { try TextReader(path: path(relative)).readDocument() }

    /// A glossary of `Glossaries/` (the shipped vi-nb.tbx by default).
    public static func glossary(_ name: String = "vi-nb.tbx") throws -> Glossary { try Glossary.read(try document("Glossaries/\(name)")) }
}
