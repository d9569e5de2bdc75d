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

/// Whether `part` (a segmentation of one paragraph) holds paragraph `index` of `whole` exactly:
/// its range, its tokens, and its sentences (token indices counted from the paragraph's first).
func holdsParagraph(_ part: Segmentation, _ index: Int, of whole: Segmentation) -> Bool {
    let paragraph = whole.paragraphs[index]
    let sentences = whole.sentences[paragraph.sentences]
    let tokens = (sentences.first?.tokens.lowerBound ?? 0)..<(sentences.last?.tokens.upperBound ?? 0)
    return part.paragraphs.map(\.range) == [paragraph.range] && part.tokens == Array(whole.tokens[tokens])
        && part.sentences.map(\.range) == sentences.map(\.range)
        && part.sentences.map(\.tokens)
            == sentences.map { ($0.tokens.lowerBound - tokens.lowerBound)..<($0.tokens.upperBound - tokens.lowerBound) }
}
