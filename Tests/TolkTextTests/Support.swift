import Foundation
import TolkText

/// The repository root, for reaching `Corpora/`.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The seed page: the published Norwegian translation tolk started from.
let seedPath = repositoryRoot.appendingPathComponent("Corpora/vietnamplus-1080302/nb.txt").path

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
