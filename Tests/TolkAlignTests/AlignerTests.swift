import Foundation
import Testing
import TolkGlossary
import TolkTestSupport
import TolkText

@testable import TolkAlign

let repository = Fixtures.repository

func beads(_ source: [String], _ target: [String], granularity: Aligner.Granularity = .sentence) throws -> [String] {
    let aligner = try Aligner(sourceLanguage: "vi", targetLanguage: "nb")
    aligner.granularity = granularity
    return try aligner.align(source, target).map(\.vecalign)
}

/// The model the aligner's first pass builds for `source` (vi) and `target` (nb).
func model(_ source: [String], _ target: [String], unit: TokenUnit) throws -> AlignmentModel {
    let sourceExtractor = try FeatureExtractor(language: "vi", glossary: nil, dictionary: [:], unit: unit)
    let targetExtractor = try FeatureExtractor(language: "nb", glossary: nil, dictionary: [:], unit: unit)
    var space = FeatureSpace()
    let s = try source.map { space.intern(try sourceExtractor.extract($0)) }
    let t = try target.map { space.intern(try targetExtractor.extract($0)) }
    return AlignmentModel(source: s, target: t, featureCount: space.names.count, weight: 12, moves: Aligner.Granularity.sentence.moves)
}

/// Checks the vecalign contract: every segment of both sides exactly once, in order, no empty bead.
func coversInOrder(_ result: [Bead], _ n: Int, _ m: Int) -> Bool {
    let sources = result.flatMap { Array($0.source) }
    let targets = result.flatMap { Array($0.target) }
    return sources == Array(0..<n) && targets == Array(0..<m) && result.allSatisfy { !($0.source.isEmpty && $0.target.isEmpty) }
}

let vietnamese = [
    "Tổng Bí thư Tô Lâm thăm Lào từ ngày 1 đến 2/12/2025.",
    "Hai bên ký 12 văn kiện hợp tác quan trọng.",
    "Kim ngạch thương mại đạt 5 tỷ USD.",
    "Lào là đối tác chiến lược của Việt Nam trong ASEAN.",
    "Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Vivian Balakrishnan.",
]
let norwegian = [
    "Generalsekretær To Lam besøkte Laos fra 1. til 2. desember 2025.",
    "De to sidene undertegnet 12 viktige samarbeidsdokumenter.",
    "Handelen nådde 5 milliarder USD.",
    "Laos er Vietnams strategiske partner i ASEAN.",
    "Statsminister Pham Minh Chinh tok imot minister Vivian Balakrishnan.",
]

@Suite("Aligner")
struct AlignerTests {
    @Test func oneToOne() throws {
        #expect(try beads(vietnamese, norwegian) == ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]", "[4]:[4]"])
    }

    @Test func aTranslationSplitInTwo() throws {
        // The translator split sentence 1 into two.
        var source = vietnamese
        source[1] = "Hai bên ký 12 văn kiện hợp tác trong 3 lĩnh vực quan trọng là quốc phòng, y tế và giáo dục."
        let target = [
            norwegian[0], "De to sidene undertegnet 12 samarbeidsdokumenter.", "De gjelder 3 viktige områder: forsvar, helse og utdanning.",
            norwegian[2],
            norwegian[3], norwegian[4],
        ]
        #expect(try beads(source, target) == ["[0]:[0]", "[1]:[1, 2]", "[2]:[3]", "[3]:[4]", "[4]:[5]"])
    }

    @Test func twoSourceSentencesInOne() throws {
        let target = [
            norwegian[0], "De to sidene undertegnet 12 viktige samarbeidsdokumenter, og handelen nådde 5 milliarder USD.", norwegian[3],
            norwegian[4],
        ]
        #expect(try beads(vietnamese, target) == ["[0]:[0]", "[1, 2]:[1]", "[3]:[2]", "[4]:[3]"])
    }

    @Test func aMissingAndAnAddedParagraph() throws {
        // Paragraph 2 was not translated; an extra paragraph was added at the end.
        let target = [
            norwegian[0], norwegian[1], norwegian[3], norwegian[4],
            "Les også: Hanoi-jenter kler seg ut til jul og andre saker fra samme forfatter.",
        ]
        #expect(try beads(vietnamese, target, granularity: .paragraph) == ["[0]:[0]", "[1]:[1]", "[2]:[]", "[3]:[2]", "[4]:[3]", "[]:[4]"])
    }

    @Test func emptyInputs() throws {
        #expect(try beads([], []).isEmpty)
        #expect(try beads(vietnamese, []) == ["[0]:[]", "[1]:[]", "[2]:[]", "[3]:[]", "[4]:[]"])
        #expect(try beads([], ["a", "b"]) == ["[]:[0]", "[]:[1]"])
    }

    @Test func veryUnequalLengthsStillCoverEverything() throws {
        let source = Array(repeating: vietnamese, count: 20).flatMap { $0 }
        let aligner = try Aligner(sourceLanguage: "vi", targetLanguage: "nb")
        let result = try aligner.align(source, [norwegian[0], norwegian[4]])
        #expect(coversInOrder(result, source.count, 2))
        #expect(result.allSatisfy { (0...1).contains($0.score) })
    }

    @Test func glossaryPairsAreAnchors() throws {
        let glossary = try Fixtures.glossary()
        let aligner = try Aligner(sourceLanguage: "vi", targetLanguage: "nb", glossary: glossary)
        // Without shared numbers or names, only the glossary links "Biển Đông" to "Sør-Kinahavet".
        let result = try aligner.align(
            ["Tàu cá gặp bão lớn.", "Vấn đề Biển Đông được thảo luận kỹ lưỡng tại hội nghị."],
            ["Et fiskefartøy møtte en kraftig storm.", "Sør-Kinahavet ble grundig drøftet på konferansen."])
        #expect(result.map(\.vecalign) == ["[0]:[0]", "[1]:[1]"])
    }

    @Test func dictionaryWordsAreAnchors() throws {
        let aligner = try Aligner(sourceLanguage: "de", targetLanguage: "fr", dictionary: ["berg": ["montagne"], "gipfel": ["sommet"]])
        aligner.learnLexicon = false
        let result = try aligner.align(
            ["Der Berg ist hoch.", "Wir erreichten den Gipfel am Mittag."],
            ["Nous arrivâmes au sommet à midi.", "La montagne est haute."].reversed())
        #expect(result.map(\.vecalign) == ["[0]:[0]", "[1]:[1]"])
    }

    @Test func vecalignFormat() {
        #expect(Bead(source: 1..<3, target: 1..<2, score: 0.5).vecalign == "[1, 2]:[1]")
        #expect(Bead(source: 4..<5, target: 7..<7, score: 0.5).vecalign == "[4]:[]")
        #expect(Bead(source: 0..<0, target: 5..<6, score: 0.5).vecalign == "[]:[5]")
    }

    @Test func corpusGoldParagraphs() throws {
        // The seed pair, paragraph by paragraph, with the glossary: every gold bead.
        let glossary = try Fixtures.glossary()
        let gold =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: repository.appendingPathComponent("Corpora/vietnamplus-1080610/gold.json"))) as! [String: Any]
        func units(_ name: String) throws -> [String] {
            let document = try TextReader(path: repository.appendingPathComponent("Corpora/vietnamplus-1080610/\(name)").path)
                .readDocument()
            // headline, lede, paragraphs, captions: every block but the site line, byline, image, credit, source line and chrome
            let blocks = document.text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
                !$0.isEmpty
            }
            return blocks.dropFirst().filter {
                !$0.hasPrefix("VietnamPlus ") && !$0.hasPrefix("(TTXVN") && !$0.hasPrefix("Kilde:") && !$0.hasPrefix("Kommentar")
                    && !$0.hasPrefix("I samme") && !$0.hasPrefix("Risprisene")
            }
            .flatMap { block in block.split(separator: "\n").map(String.init).filter { !$0.hasSuffix(".jpg") } }
        }
        let aligner = try Aligner(sourceLanguage: "vi", targetLanguage: "nb", glossary: glossary)
        aligner.granularity = .paragraph
        let result = try aligner.align(try units("vi.txt"), try units("nb.txt"))
        #expect(result.map(\.vecalign) == gold["alignment"] as! [String])
    }

    @Test func aLongInputFinishesAndCoversEverything() throws {
        // 25,000 segments a side (coarse-to-fine search); no timing asserted here (see scripts/bench-align.sh).
        let source = (0..<25_000).map { "Dòng số \($0) nói về \(vietnamese[$0 % vietnamese.count])" }
        let target = (0..<25_000).map { "Linje nummer \($0) handler om \(norwegian[$0 % norwegian.count])" }
        let result = try Aligner(sourceLanguage: "vi", targetLanguage: "nb").align(source, target)
        #expect(coversInOrder(result, 25_000, 25_000))
        #expect(
            result.filter { $0.source.count == 1 && $0.target.count == 1 && $0.source.lowerBound == $0.target.lowerBound }.count > 24_000)
    }
}

@Suite("Aligner at scale")
struct AlignerScaleTests {
    /// Lines of two languages that share only their line number.
    static func lines(_ range: Range<Int>) -> ([String], [String]) {
        (
            range.map { "Dòng số \($0) nói về \(vietnamese[$0 % vietnamese.count])" },
            range.map { "Linje nummer \($0) handler om \(norwegian[$0 % norwegian.count])" }
        )
    }

    @Test func aLongGapFarFromTheDiagonalIsFound() throws {
        // 20,000 source lines; the translation lacks 2,000 of them in the middle, so the path runs
        // far off the diagonal: the coarse passes (two levels of blocks) must find it.
        let (source, allTargets) = Self.lines(0..<20_000)
        let target = Array(allTargets[0..<9_000] + allTargets[11_000...])
        let result = try Aligner(sourceLanguage: "vi", targetLanguage: "nb").align(source, target)
        #expect(coversInOrder(result, 20_000, 18_000))
        let oneToOne = result.filter { $0.source.count == 1 && $0.target.count == 1 }
        let right = oneToOne.filter {
            let i = $0.source.lowerBound
            return $0.target.lowerBound == (i < 9_000 ? i : i - 2_000)
        }
        #expect(right.count > 17_500)
        #expect(result.filter { $0.target.isEmpty && (9_000..<11_000).contains($0.source.lowerBound) }.count > 1_900)
    }

    @Test func theSameInputGivesTheSameBeads() throws {
        let (source, target) = Self.lines(0..<3_000)
        let first = try Aligner(sourceLanguage: "vi", targetLanguage: "nb").align(source, Array(target.dropFirst(7)))
        let second = try Aligner(sourceLanguage: "vi", targetLanguage: "nb").align(source, Array(target.dropFirst(7)))
        #expect(first == second)
    }

    @Test func featureIdsFollowTheOrderNamesAreMet() {
        var space = FeatureSpace()
        let segment = space.intern(FeatureExtractor.Named(length: 3, features: ["w:b", "w:a", "w:b"], wordPlaces: [2, 1]))
        #expect(space.names == ["w:b", "w:a"])
        #expect(segment.features == [0, 1])
        #expect(segment.words == [0, 1])
    }

    @Test func unionsAreSortedUniqueAndExactlyAsLong() {
        let lists: [[Int32]] = [[1, 4, 9], [], [0, 4, 10, 11], [9]]
        let union = AlignmentModel.union(lists)
        #expect(union == [0, 1, 4, 9, 10, 11])
        // Exactly as long (give or take the allocator's rounding), not as long as all the lists.
        let halves = AlignmentModel.union([Array(0..<1000), Array(0..<1000), Array(500..<1000)])
        #expect(halves == Array(0..<1000))
        #expect(halves.capacity < 1100)
        #expect(AlignmentModel.union([[3, 3, 2]]) == [2, 3])
        var visited: [Int32] = []
        forEachInSortedUnion([1, 4, 4, 9], [0, 4, 9, 9, 10]) { visited.append($0) }
        #expect(visited == [0, 1, 4, 9, 10])
        visited = []
        forEachInSortedUnion([], [2, 2, 3]) { visited.append($0) }
        forEachInSortedUnion([5], []) { visited.append($0) }
        forEachInSortedUnion([Int32](), []) { visited.append($0) }
        #expect(visited == [2, 3, 5])
    }

    @Test func runsShareTheUnionOfTheirSegmentsFeatures() {
        // Random sorted lists over 40 ids, some of IDF 0 (left out of the tables), some lists empty.
        var random = SplitMix64(seed: 6)
        let idf = (0..<40).map { $0 % 7 == 0 ? 0 : Double.random(in: 0.1...3, using: &random) }
        func side(_ count: Int) -> [SegmentFeatures] {
            (0..<count).map { _ in
                let features = Set((0..<Int.random(in: 0...9, using: &random)).map { _ in Int32.random(in: 0..<40, using: &random) })
                return SegmentFeatures(length: Double.random(in: 1...90, using: &random), features: features.sorted(), words: [])
            }
        }
        let (source, target) = (side(12), side(10))
        let (sourceRuns, targetRuns) = (RunTables(source, idf: idf), RunTables(target, idf: idf))
        func union(_ segments: [SegmentFeatures], _ run: Range<Int>) -> [Int32] {
            Set(run.flatMap { segments[$0].features }).filter { idf[Int($0)] > 0 }.sorted()
        }
        var scratch = RunTables.Scratch()
        for a in 1...3 {
            for b in 1...3 {
                for i in 0...(source.count - a) {
                    for j in 0...(target.count - b) {
                        let (s, t) = (i..<(i + a), j..<(j + b))
                        let shared = Set(union(target, t)).intersection(union(source, s)).sorted().reduce(0.0) { $0 + idf[Int($1)] }
                        #expect(sourceRuns.shared(s, with: targetRuns, t, idf: idf, scratch: &scratch) == shared)
                        #expect(sourceRuns.norm(s) == union(source, s).reduce(0.0) { $0 + idf[Int($1)] })
                        #expect(targetRuns.length(t) == t.reduce(0.0) { $0 + target[$1].length })
                    }
                }
            }
        }
        // A run cut short by the end has norm 0 and the length of what is left.
        #expect(sourceRuns.norm(11..<14) == 0)
        #expect(sourceRuns.length(11..<14) == source[11].length)
    }

    @Test func blocksKeepTheirRarestFeatures() {
        // Feature 0 is in every block, feature k (1...60) in block k - 1 only on the source side
        // and in every target block.
        let segments = (0..<64).map { k in SegmentFeatures(length: 10, features: [0, Int32(k + 1)], words: []) }
        let bounds = Array(stride(from: 0, through: 64, by: 8))
        let side = RunTables(segments, idf: [Double](repeating: 1, count: 200))
        var source = AlignmentModel.blocks(side, bounds)
        var target = AlignmentModel.blocks(side, bounds)
        #expect(source.count == 8)
        #expect(source[1].length == 80)
        #expect(source[1].features == [0] + (9...16).map { Int32($0) })
        // 60 features each: the block keeps the rarest 48, dropping feature 0 (in all 16 blocks).
        source = (0..<2).map { b in SegmentFeatures(length: 1, features: (0...60).map { Int32($0 + 100 * b) }, words: []) }
        target = [SegmentFeatures(length: 1, features: [0, 100], words: [])]
        AlignmentModel.keepRarest(&source, &target, featureCount: 200)
        #expect(source[0].features.count == AlignmentModel.blockFeatures)
        #expect(!source[0].features.contains(0))
        #expect(!source[1].features.contains(100))
        #expect(target[0].features == [0, 100])
    }

    @Test func skippedBeadsCouldNotHaveBeatenTheLimit() throws {
        let (source, target) = Self.lines(0..<40)
        let model = try model(source, target, unit: .word)
        var scratch = RunTables.Scratch()
        var skipped = 0
        for i in 0..<38 {
            for j in 0..<38 {
                for (a, b) in [(1, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3)] {
                    let exact = model.cost(sourceRange: i..<(i + a), targetRange: j..<(j + b), prior: 1, scratch: &scratch)!
                    for limit in [-5.0, 0, 5, 20] {
                        if let bounded = model.cost(
                            sourceRange: i..<(i + a), targetRange: j..<(j + b), prior: 1, below: limit, scratch: &scratch)
                        {
                            #expect(bounded == exact)
                        } else {
                            #expect(exact > limit)
                            skipped += 1
                        }
                    }
                }
            }
        }
        #expect(skipped > 0)
    }
}

@Suite("Vietnamese words in the aligner")
struct VietnameseWordFeatureTests {
    @Test func aWordOfSeveralSyllablesIsAlsoNamedJoined() throws {
        let text = "Thủ tướng thăm Việt Nam và Hà Nội."
        let words = try FeatureExtractor(language: "vi", glossary: nil, dictionary: [:], unit: .word).extract(text)
        #expect(words.words == ["w:thutuong", "w:tham", "w:vietnam", "w:va", "w:hanoi"])
        #expect(Set(["w:vietnam", "w:viet", "w:nam", "w:hanoi", "w:ha", "w:noi"]).isSubset(of: Set(words.features)))
        let syllables = try FeatureExtractor(language: "vi", glossary: nil, dictionary: [:], unit: .syllable).extract(text)
        #expect(syllables.words == ["w:thu", "w:tuong", "w:tham", "w:viet", "w:nam", "w:va", "w:ha", "w:noi"])
        #expect(!syllables.features.contains("w:vietnam"))
    }

    @Test func nfdTextGivesTheSameFeatures() throws {
        let extractor = try FeatureExtractor(language: "vi", glossary: nil, dictionary: [:], unit: .word)
        let text = "Thủ tướng Phạm Minh Chính thăm Hà Nội."
        let nfd = try extractor.extract(text.decomposedStringWithCanonicalMapping)
        let nfc = try extractor.extract(text)
        #expect(Set(nfd.features) == Set(nfc.features))
        #expect(nfd.length == nfc.length)
    }

    @Test func joinedNamesLinkSegments() throws {
        // Only "Việt Nam" / "Vietnam" links these two (no syllable, number or prefix in common).
        let source = ["Kim ngạch xuất khẩu của Việt Nam tăng mạnh."]
        let target = ["Eksporten fra Vietnam økte kraftig."]
        var scratch = RunTables.Scratch()
        let words = try model(source, target, unit: .word).cost(sourceRange: 0..<1, targetRange: 0..<1, prior: 0, scratch: &scratch)
        let syllables = try model(source, target, unit: .syllable).cost(sourceRange: 0..<1, targetRange: 0..<1, prior: 0, scratch: &scratch)
        #expect(try #require(words) < #require(syllables) - 1)
    }

    @Test func theGlossaryStillMatchesOnSyllables() throws {
        let glossary = try Fixtures.glossary()
        let extractor = try FeatureExtractor(language: "vi", glossary: glossary, dictionary: [:], unit: .word)
        let features = try extractor.extract("Vấn đề Biển Đông được thảo luận.").features
        #expect(features.contains { $0.hasPrefix("c:") })
    }
}

@Suite("Aligner reading a side once")
struct AlignmentSideTests {
    /// A corpus page's paragraphs as units, and the document.
    static func side(_ name: String, language: String, checker: GlossaryChecker, isSource: Bool) throws -> (AlignmentSide, [String]) {
        let document = try TextReader(path: repository.appendingPathComponent("Corpora/vietnamplus-1080610/\(name)").path).readDocument()
        let paragraphs = try Segmenter(languageCode: language).segment(document).paragraphs
        var units = paragraphs.map {
            AlignmentSide.Unit(range: $0.range, text: TextSlice(document.text($0.range), in: document, at: $0.range))
        }
        // A unit whose text is not its bytes (a page joining two lines) is read from its text.
        let multiline = try #require(units.firstIndex { $0.text.string.contains("\n") })
        units[multiline] = AlignmentSide.Unit(
            range: units[multiline].range, text: TextSlice(units[multiline].text.string.replacingOccurrences(of: "\n", with: " ")))
        let reading = isSource ? try checker.read(source: document) : try checker.read(translation: document)
        return (
            AlignmentSide(document: document, units: units, words: reading.segmentation, terms: reading.occurrences),
            units.map(\.text.string)
        )
    }

    @Test(arguments: [("vi.txt", "vi"), ("nb.txt", "nb")])
    func aSideGivesWhatItsTextsGive(name: String, language: String) throws {
        let glossary = try Fixtures.glossary()
        let checker = try GlossaryChecker(glossary: glossary)
        let (side, texts) = try Self.side(name, language: language, checker: checker, isSource: language == "vi")
        let extractor = try FeatureExtractor(language: language, glossary: glossary, dictionary: [:], unit: .word)
        func named(_ side: AlignmentSide) throws -> [FeatureExtractor.Named] {
            var all: [FeatureExtractor.Named] = []
            try extractor.extract(side) { all.append($0) }
            return all
        }
        let fromSide = try named(side)
        #expect(fromSide == (try texts.map { try extractor.extract($0) }))
        // A side that brings neither words nor terms, or words only: each paragraph segmented (or
        // joined from the words) and matched alone.
        #expect(try named(AlignmentSide(document: side.document, units: side.units)) == fromSide)
        #expect(try named(AlignmentSide(document: side.document, units: side.units, words: side.words)) == fromSide)
        #expect(fromSide.contains { $0.features.contains { $0.hasPrefix("c:") } })
        // The terms the side brings are the ones used: none brought, none found (but in the unit
        // read from its own text).
        let withoutTerms = try named(AlignmentSide(document: side.document, units: side.units, words: side.words, terms: []))
        let ownText = side.units.indices.filter { !side.units[$0].text.isSpelt(by: side.document.bytes[side.units[$0].range]) }
        #expect(ownText.count == 1)
        #expect(withoutTerms.indices.allSatisfy { ownText.contains($0) || !withoutTerms[$0].features.contains { $0.hasPrefix("c:") } })
    }

    @Test func linesAndTermsOverLineBreaksGiveWhatTheirTextsGive() throws {
        // Units that are lines of a paragraph (a caption under its image's line; a line whose first
        // words the word model joins only without the line before: `Động vật`), and a term that
        // runs over a blank line ("Bộ trưởng" + "Ngoại giao"): each unit as its text alone.
        let text = """
            Hà Nội đón khách

            ttxvn-tong-bi-thu-to-lam-gap-1.jpg
            Tổng Bí thư Tô Lâm tiếp Thủ tướng Lào tại Hà Nội.

            Tôi vẫn làm nhà hàng !
            Động vật rừng quí hiếm vẫn được âm thầm đưa về thành phố.

            Hai bên gặp Bộ trưởng

            Ngoại giao Singapore trong ngày 1/12/2025.

            """
        let document = Document(text)
        let reading = try Self.expectLinesGiveTheirTexts(document)
        #expect(reading.occurrences.contains { document.text($0.range).contains("\n") })
    }

    @Test(arguments: ["vietnamplus-1080302", "vietnamplus-1080415", "vietnamplus-1080610", "vietnamplus-1080921"])
    func everyLineOfAPageGivesWhatItsTextGives(pair: String) throws {
        // Lines as units: most share a paragraph with the line before or after them.
        try Self.expectLinesGiveTheirTexts(
            try TextReader(path: repository.appendingPathComponent("Corpora/\(pair)/vi.txt").path).readDocument())
    }

    /// Expects each line of a Vietnamese `document`, as a unit of a side read once, to give what
    /// its text alone gives; returns the glossary's reading of the document.
    @discardableResult
    static func expectLinesGiveTheirTexts(_ document: Document) throws -> GlossaryChecker.Reading {
        let glossary = try Fixtures.glossary()
        let text = document.text
        let lines = text.split(separator: "\n").map { line in
            let start = text.utf8.distance(from: text.utf8.startIndex, to: line.utf8.startIndex)
            return AlignmentSide.Unit(range: start..<(start + line.utf8.count), text: TextSlice(String(line)))
        }
        let reading = try GlossaryChecker(glossary: glossary).read(source: document)
        let side = AlignmentSide(document: document, units: lines, words: reading.segmentation, terms: reading.occurrences)
        let extractor = try FeatureExtractor(language: "vi", glossary: glossary, dictionary: [:], unit: .word)
        var fromSide: [FeatureExtractor.Named] = []
        try extractor.extract(side) { fromSide.append($0) }
        #expect(fromSide == (try lines.map { try extractor.extract($0.text.string) }))
        var bare: [FeatureExtractor.Named] = []
        try extractor.extract(AlignmentSide(document: document, units: lines)) { bare.append($0) }
        #expect(bare == fromSide)
        return reading
    }

    @Test func anyTextIsReadAsItIs() throws {
        // Not one paragraph (blank, padded, two paragraphs): read as it is, not handed on again.
        let extractor = try FeatureExtractor(language: "vi", glossary: try Fixtures.glossary(), dictionary: [:], unit: .word)
        #expect(try extractor.extract("").length == 0)
        #expect(try extractor.extract("  Hà Nội  ").words == ["w:hanoi"])
        #expect(try extractor.extract("Hà Nội\n\nLào").words == ["w:hanoi", "w:lao"])
    }

    @Test func sidesAlignAsTheirTexts() throws {
        let glossary = try Fixtures.glossary()
        let checker = try GlossaryChecker(glossary: glossary)
        let aligner = try Aligner(sourceLanguage: "vi", targetLanguage: "nb", glossary: glossary)
        aligner.granularity = .paragraph
        let (source, sourceTexts) = try Self.side("vi.txt", language: "vi", checker: checker, isSource: true)
        let (target, targetTexts) = try Self.side("nb.txt", language: "nb", checker: checker, isSource: false)
        let beads = try aligner.align(source, target)
        #expect(beads.map(\.vecalign) == (try aligner.align(sourceTexts, targetTexts).map(\.vecalign)))
        #expect(coversInOrder(beads, source.units.count, target.units.count))
    }
}

@Suite("Lexical model")
struct LexiconTests {
    /// IBM Model 1 as written plainly, with dictionaries: what `Lexicon.translations` must give.
    static func reference(_ pairs: [([Int32], [Int32])]) -> [Int32: Int32] {
        func key(_ e: Int32, _ f: Int32) -> UInt64 { UInt64(UInt32(bitPattern: e)) << 32 | UInt64(UInt32(bitPattern: f)) }
        var probability: [UInt64: Double] = [:]
        for (e, f) in pairs { for a in Set(e) { for b in Set(f) { probability[key(a, b)] = 1 } } }
        for _ in 0..<5 {
            var counts: [UInt64: Double] = [:]
            var totals: [Int32: Double] = [:]
            for (e, f) in pairs where !e.isEmpty {
                for b in f {
                    let normaliser = e.reduce(0) { $0 + (probability[key($1, b)] ?? 0) }
                    guard normaliser > 0 else { continue }
                    for a in e {
                        let share = (probability[key(a, b)] ?? 0) / normaliser
                        counts[key(a, b), default: 0] += share
                        totals[a, default: 0] += share
                    }
                }
            }
            probability = counts.reduce(into: [:]) { result, entry in
                result[entry.key] = entry.value / totals[Int32(bitPattern: UInt32(entry.key >> 32))]!
            }
        }
        var best: [Int32: (Int32, Double)] = [:]
        for (pair, p) in probability {
            let e = Int32(bitPattern: UInt32(pair >> 32))
            let f = Int32(bitPattern: UInt32(pair & 0xFFFF_FFFF))
            if let known = best[e], (known.1, -known.0) >= (p, -f) { continue }
            best[e] = (f, p)
        }
        var occurrences: [Int32: Int] = [:]
        for (e, _) in pairs { for a in Set(e) { occurrences[a, default: 0] += 1 } }
        return best.filter { $0.value.1 >= 0.3 && (occurrences[$0.key] ?? 0) >= 2 && $0.key != $0.value.0 }.mapValues(\.0)
    }

    @Test(arguments: [1, 2, 3])
    func theDenseModelIsThePlainOne(seed: UInt64) {
        // Pairs of word lists with repeats, empty lists, shared and unshared words, and a word its
        // own translation; few words, so links repeat across pairs.
        var random = SplitMix64(seed: seed)
        let pairs: [([Int32], [Int32])] = (0..<300).map { k in
            let e = (0..<Int.random(in: 0...12, using: &random)).map { _ in Int32.random(in: 0..<40, using: &random) }
            var f = e.map { $0 % 7 == 0 ? $0 : $0 + 1000 }.filter { _ in Bool.random(using: &random) }
            f += (0..<Int.random(in: 0...4, using: &random)).map { _ in Int32.random(in: 1000..<1060, using: &random) }
            return k % 50 == 0 ? (e, []) : (e, f.shuffled(using: &random))
        }
        let learned = Lexicon.translations(pairs)
        #expect(learned == Self.reference(pairs))
        #expect(learned.count > 10)
        #expect(learned.contains { $0.key == $0.value - 1000 })
    }

    @Test func aWordSeenWithManyWordsIsLearntAsWell() {
        // Source word 1 meets 70,000 target words: places in its row past two bytes' reach.
        var random = SplitMix64(seed: 4)
        let pairs: [([Int32], [Int32])] = [
            ([1], Array(Int32(0)..<70_000).shuffled(using: &random)), ([1, 2], [69_999, 5, 69_999]), ([2, 3], [5, 7]),
            ([3, 1], [7, 69_999]),
        ]
        let learned = Lexicon.translations(pairs)
        #expect(learned == Self.reference(pairs))
        #expect(learned[2] == 69_999)
    }

    @Test(arguments: [1, 7, 1 << 20])
    func linksAreTheSameWhateverTheBatches(batchSize: Int) {
        var random = SplitMix64(seed: 5)
        let pairs: [([Int32], [Int32])] = (0..<50).map { _ in
            (
                (0..<8).map { _ in Int32.random(in: 0..<30, using: &random) },
                (0..<8).map { _ in Int32.random(in: -5..<30, using: &random) }
            )
        }
        func numbered(_ links: Lexicon.Links) -> [[Int]] {
            links.pairs.map { pair in
                pair.source.flatMap { a in pair.target.map { b in links.link(pair, a, b) } }
            }
        }
        let batched = Lexicon.Links(pairs, batchSize: batchSize)
        let whole = Lexicon.Links(pairs, batchSize: .max)
        #expect(batched.count == whole.count)
        #expect(numbered(batched) == numbered(whole))
        #expect(Set(numbered(whole).joined()) == Set(0..<whole.count))
    }

    @Test func batchesOfKeysMergeSortedAndDistinct() {
        var keys: [UInt64] = []
        var batch: [UInt64] = [9, 3, 3, 7]
        Lexicon.Links.merge(&batch, into: &keys)
        #expect(keys == [3, 7, 9])
        #expect(batch.isEmpty)
        batch = [8, 1, 9, 9, 3, 12]
        Lexicon.Links.merge(&batch, into: &keys)
        #expect(keys == [1, 3, 7, 8, 9, 12])
        batch = []
        Lexicon.Links.merge(&batch, into: &keys)
        #expect(keys == [1, 3, 7, 8, 9, 12])
    }

    @Test func linksAreNumberedOnceWhateverTheirPairs() {
        let links = Lexicon.Links([([1, 2, 1], [7, 8]), ([2], [8, 8, 9]), ([], [7]), ([3], [])])
        // (1,7) (1,8) (2,7) (2,8) (2,9): five distinct links; 2 is in two pairs.
        #expect(links.count == 5)
        #expect(links.sourceWords == [1, 2, 3])
        #expect(links.occurrences == [1: 1, 2: 2, 3: 1])
        var seen: [Int: (Int32, Int32)] = [:]
        links.forEach { link, sourceWord, targetWord in
            let pair = (links.sourceWords[sourceWord], targetWord)
            if let known = seen[link] { #expect(known == pair) }
            seen[link] = pair
        }
        #expect(seen.count == 5)
        #expect(links.pairs[0].source == [0, 1, 0])
        #expect(links.pairs[1].target == [0, 0, 1])
        #expect(links.link(links.pairs[0], 1, 1) == links.link(links.pairs[1], 0, 0))
    }
}
