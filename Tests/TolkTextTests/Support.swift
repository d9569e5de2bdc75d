import Foundation
import TolkTestSupport
import TolkText

/// The repository root, for reaching `Corpora/`.
let repositoryRoot = Fixtures.repository

/// The seed page: the published Norwegian translation tolk started from.
let seedPath = Fixtures.seedPath

func segment(_ text: String, _ lang: String) throws -> Segmentation {
    try Segmenter(languageCode: lang).segment(Document(text))
}

func tokenTexts(_ text: String, _ lang: String) throws -> [String] {
    let segmentation = try segment(text, lang)
    return segmentation.tokens.map { segmentation.text($0.range) }
}

func sentenceTexts(_ text: String, _ lang: String) throws -> [String] {
    let segmentation = try segment(text, lang)
    return segmentation.sentences.map { segmentation.text($0.range) }
}

/// Unicode scalars of a string, so tests compare exact spelling (Swift's == ignores NFC vs NFD).
func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
