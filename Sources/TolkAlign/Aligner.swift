import Dispatch
import Foundation
import TolkGlossary
import TolkText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Aligns two sequences of segments (paragraphs or sentences) of a translation and its source into
/// monotone beads: 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0 and 0-1.
///
/// The cost of a bead adds a Gale-Church length cost (characters after NFC, the length ratio and its
/// variance estimated from the pair itself), a prior per bead type, and minus a similarity bonus:
/// IDF-weighted Dice overlap of features that survive translation (identical and cognate words,
/// numbers and dates, punctuation, glossary concepts, dictionary translations). A second pass adds a
/// lexical model learned from the confident 1-1 beads of the first (IBM Model 1): each source word
/// brings its most likely translation as a feature.
///
/// - Complexity: O(n) time and memory for n segments a side: short inputs are searched in a band
///   around the diagonal that widens while the best path touches its edge; long ones in a band of
///   fixed width around the path of a coarse alignment of blocks of segments, which is itself
///   coarse-to-fine (blocks of blocks) while it is long. The search keeps one byte per cell.
/// Not thread-safe: one per task.
public final class Aligner {
    /// What the segments are; it sets how likely each bead shape is.
    public enum Granularity: Sendable {
        /// Sentences: Gale and Church's bead probabilities (merges common, omissions rare).
        case sentence
        /// Paragraphs of news translations: omitted and added paragraphs are as likely as merged ones,
        /// 2-2 and 1-3 rare.
        case paragraph

        var moves: [AlignmentModel.Move] {
            switch self {
            case .sentence:
                [(1, 1, 0.89), (1, 0, 0.005), (0, 1, 0.005), (2, 1, 0.0445), (1, 2, 0.0445), (2, 2, 0.011), (3, 1, 0.002), (1, 3, 0.002)]
                    .map { AlignmentModel.Move(a: $0.0, b: $0.1, prior: -log($0.2)) }
            case .paragraph:
                [(1, 1, 0.9), (1, 0, 0.02), (0, 1, 0.02), (2, 1, 0.02), (1, 2, 0.02), (2, 2, 0.001), (3, 1, 0.0005), (1, 3, 0.0005)]
                    .map { AlignmentModel.Move(a: $0.0, b: $0.1, prior: -log($0.2)) }
            }
        }
    }

    /// What the segments are (set before aligning).
    public var granularity: Granularity = .sentence
    /// How strongly similarity counts against length (nats per unit of similarity).
    public var similarityWeight = 12.0
    /// Whether to learn a lexical model from a first pass and align again.
    public var learnLexicon = true

    private let source: FeatureExtractor
    private let target: FeatureExtractor

    /// An aligner for a language pair; `glossary` term pairs and `dictionary` (source word ->
    /// target words) become anchors. With `unit` `.word` (the default), Vietnamese is read in
    /// words (`Việt Nam`, with the built-in word model) rather than syllables: the lexical model
    /// learns word translations, and a word also counts as its syllables.
    public init(
        sourceLanguage: String, targetLanguage: String, glossary: Glossary? = nil, dictionary: [String: [String]] = [:],
        unit: TokenUnit = .word
    ) throws {
        let fold = Normalizer.foldedKey
        var folded: [String: [String]] = [:]
        for (word, translations) in dictionary {
            folded[try fold.normalize(word).text, default: []] += try translations.map { try fold.normalize($0).text }
        }
        source = try FeatureExtractor(language: sourceLanguage, glossary: glossary, dictionary: folded, unit: unit)
        target = try FeatureExtractor(language: targetLanguage, glossary: glossary, dictionary: [:], unit: unit)
    }

    /// One one-sided bead per segment: the alignment when one side has no segments.
    public static func unaligned(sourceCount: Int, targetCount: Int) -> [Bead] {
        (0..<sourceCount).map { Bead(source: $0..<($0 + 1), target: 0..<0, score: 1) }
            + (0..<targetCount).map { Bead(source: 0..<0, target: $0..<($0 + 1), score: 1) }
    }

    /// The beads aligning `sourceSegments` with `targetSegments`, in order, covering every segment
    /// of both exactly once.
    public func align(_ sourceSegments: [String], _ targetSegments: [String]) throws -> [Bead] {
        if sourceSegments.isEmpty || targetSegments.isEmpty {
            return Self.unaligned(sourceCount: sourceSegments.count, targetCount: targetSegments.count)
        }
        return try align(
            readBothSides(
                { extractor, add in for segment in sourceSegments { try add(try extractor.extract(segment)) } },
                { extractor, add in for segment in targetSegments { try add(try extractor.extract(segment)) } }))
    }

    /// The beads aligning the units of two documents read once by the caller (`AlignmentSide`):
    /// the same beads as `align(_:_:)` on the units' texts, without segmenting or matching terms again.
    public func align(_ sourceSide: AlignmentSide, _ targetSide: AlignmentSide) throws -> [Bead] {
        if sourceSide.units.isEmpty || targetSide.units.isEmpty {
            return Self.unaligned(sourceCount: sourceSide.units.count, targetCount: targetSide.units.count)
        }
        return try align(readBothSides({ try $0.extract(sourceSide, $1) }, { try $0.extract(targetSide, $1) }))
    }

    private func align(_ read: ([SegmentFeatures], [SegmentFeatures], Int)) -> [Bead] {
        var (sourceFeatures, targetFeatures, featureCount) = read
        var variance: Double? = nil
        var path: [Bead]
        do {
            let model = AlignmentModel(
                source: sourceFeatures, target: targetFeatures, featureCount: featureCount, weight: similarityWeight,
                moves: granularity.moves)
            path = model.bestPath()
            if learnLexicon { variance = model.estimatedVariance(path) }
        }
        guard let variance else { return path }
        let lexicon = Lexicon.learn(from: path, source: sourceFeatures, target: targetFeatures)
        if lexicon.isEmpty { return path }
        for k in sourceFeatures.indices {
            let translated = sourceFeatures[k].words.compactMap { lexicon[$0] }
            if !translated.isEmpty { sourceFeatures[k].features = AlignmentModel.union([sourceFeatures[k].features, translated.sorted()]) }
        }
        let model = AlignmentModel(
            source: sourceFeatures, target: targetFeatures, featureCount: featureCount, weight: similarityWeight, moves: granularity.moves,
            variance: variance)
        return model.bestPath(near: path)
    }
}

extension Aligner {
    /// Both sides' features, with ids in one space, and the number of ids.
    /// A side's reader: it hands each segment's named features, in order, to the function it is given.
    fileprivate typealias SideReader = (FeatureExtractor, (FeatureExtractor.Named) throws -> Void) throws -> Void

    /// Both sides are read at once, one extractor and feature space each, on its own thread; each
    /// segment's names are interned as they come, so a long side's names are never all held.
    fileprivate func readBothSides(_ readSource: SideReader, _ readTarget: SideReader) throws -> ([SegmentFeatures], [SegmentFeatures], Int)
    {
        let (source, target) = (self.source, self.target)
        func read(_ extractor: FeatureExtractor, _ reader: SideReader) throws -> ([SegmentFeatures], FeatureSpace) {
            var space = FeatureSpace()
            var features: [SegmentFeatures] = []
            try reader(extractor) { features.append(space.intern($0)) }
            return (features, space)
        }
        let (sourceResult, targetResult) = inParallel({ try read(source, readSource) }, { try read(target, readTarget) })
        let (sourceFeatures, sourceSpace) = try (consume sourceResult).get()
        var space = sourceSpace
        // The target's ids, renumbered into the source's space, in place (the result let go, so
        // the arrays are not shared and not copied).
        var (targets, targetSpace) = try (consume targetResult).get()
        let renumbered = targetSpace.names.map { space.id($0) }
        for k in targets.indices {
            for f in targets[k].features.indices { targets[k].features[f] = renumbered[Int(targets[k].features[f])] }
            targets[k].features.sort()
            for w in targets[k].words.indices { targets[k].words[w] = renumbered[Int(targets[k].words[w])] }
        }
        // A source feature the target never has can never be shared, in either pass (the lexicon
        // adds target words to the source): it is let go, which makes the source's lists short.
        var inTarget = [Bool](repeating: false, count: space.names.count)
        for segment in targets { for feature in segment.features { inTarget[Int(feature)] = true } }
        var sources = consume sourceFeatures
        for k in sources.indices where sources[k].features.contains(where: { !inTarget[Int($0)] }) {
            sources[k].features = sources[k].features.filter { inTarget[Int($0)] }
        }
        return (sources, targets, space.names.count)
    }
}

/// Runs two closures on two threads and returns both results. Each closure must own what it
/// mutates (here: one feature extractor or one half of the search each).
func inParallel<A, B>(_ first: () throws -> A, _ second: () throws -> B) -> (Result<A, Error>, Result<B, Error>) {
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            let box = TwoResults<A, B>(first, second)
            DispatchQueue.concurrentPerform(iterations: 2) { index in box.run(index) }
            return (box.first!, box.second!)
        }
    }
}

/// The closures and results of `inParallel`; each slot is written by one thread, read after both end.
private final class TwoResults<A, B>: @unchecked Sendable {
    private let makeFirst: () throws -> A
    private let makeSecond: () throws -> B
    var first: Result<A, Error>?
    var second: Result<B, Error>?

    init(_ makeFirst: @escaping () throws -> A, _ makeSecond: @escaping () throws -> B) {
        self.makeFirst = makeFirst
        self.makeSecond = makeSecond
    }

    func run(_ index: Int) {
        if index == 0 { first = Result(catching: makeFirst) } else { second = Result(catching: makeSecond) }
    }
}

/// The banded dynamic programme over one pair of segment sequences.
struct AlignmentModel {
    let weight: Double
    /// Target characters per source character.
    let ratio: Double
    /// Variance of the target length per source character (Gale-Church's s²).
    var variance: Double
    private let idf: [Double]
    /// Each side's features that can be shared, and its runs of 1, 2 and 3 segments, for the search.
    private let sourceRuns: RunTables
    private let targetRuns: RunTables

    /// A bead shape: `a` source and `b` target segments, with its prior cost (-log probability).
    struct Move {
        let a: Int
        let b: Int
        let prior: Double
    }

    let moves: [Move]
    /// A model of blocks of segments (it searches around the diagonal, never coarser).
    private(set) var isCoarse = false

    init(source: [SegmentFeatures], target: [SegmentFeatures], featureCount: Int, weight: Double, moves: [Move], variance: Double? = nil) {
        self.moves = moves
        self.weight = weight
        let sourceLength = source.reduce(0) { $0 + $1.length }
        let targetLength = target.reduce(0) { $0 + $1.length }
        ratio = sourceLength > 0 && targetLength > 0 ? targetLength / sourceLength : 1
        self.variance = variance ?? 6.8 * ratio
        var sourceFrequency = [Int](repeating: 0, count: featureCount)
        var targetFrequency = [Int](repeating: 0, count: featureCount)
        for segment in source { for feature in segment.features { sourceFrequency[Int(feature)] += 1 } }
        for segment in target { for feature in segment.features { targetFrequency[Int(feature)] += 1 } }
        let total = Double(source.count + target.count)
        // A feature seen on one side only can never be shared: it weighs nothing, so words of the
        // other language do not dilute the overlap of the names and numbers both sides have.
        let idf = zip(sourceFrequency, targetFrequency).map { s, t in s == 0 || t == 0 ? 0 : log(1 + total / Double(s + t)) }
        self.idf = idf
        sourceRuns = RunTables(source, idf: idf)
        targetRuns = RunTables(target, idf: idf)
    }

    /// A model of blocks of segments that keeps `model`'s ratio, variance, weights and moves.
    init(coarse source: [SegmentFeatures], _ target: [SegmentFeatures], like model: AlignmentModel) {
        self.init(
            source: source, target: target, featureCount: model.idf.count, weight: model.weight, moves: model.moves,
            variance: model.variance)
        isCoarse = true
    }

    /// Gale and Church's length cost: -log P(|δ|) with δ = (lt - c·ls) / sqrt(ls·s²) (ls taken as
    /// the mean of both lengths in source characters, so neither side is favoured).
    func lengthCost(_ sourceLength: Double, _ targetLength: Double) -> Double {
        let mean = (sourceLength + targetLength / ratio) / 2
        guard mean > 0 else { return 0 }
        let delta = abs(targetLength - sourceLength * ratio) / (mean * variance).squareRoot()
        let position = delta * Double(Self.tableResolution)
        let index = Int(position)
        guard index + 1 < Self.tailCosts.count else { return Self.tailCosts.last! }
        let fraction = position - Double(index)
        return Self.tailCosts[index] * (1 - fraction) + Self.tailCosts[index + 1] * fraction
    }

    /// -log(2·(1 - Φ(δ))) for δ = k / tableResolution, k up to 12 standard deviations.
    private static let tableResolution = 100
    private static let tailCosts: [Double] = (0...(12 * tableResolution)).map { k in
        -log(max(erfc(Double(k) / Double(tableResolution) / 2.0.squareRoot()), 1e-30))
    }

    /// The variance of target length per source character over the 1-1 beads of `path`.
    func estimatedVariance(_ path: [Bead]) -> Double {
        var sum = 0.0
        var count = 0.0
        for bead in path where bead.source.count == 1 && bead.target.count == 1 {
            let ls = sourceRuns.length(bead.source)
            let lt = targetRuns.length(bead.target)
            guard ls > 0 else { continue }
            sum += pow(lt - ratio * ls, 2) / ls
            count += 1
        }
        return count >= 5 ? max(sum / count, 0.5) : variance
    }

    /// The lowest-cost monotone path. The search runs in a band: around the diagonal for short
    /// inputs, around the path of a coarse alignment of blocks of segments for long ones (in two
    /// halves on two threads, except in the coarse passes, whose band widens while the best path
    /// touches its edge). With `previous` (a path of an earlier pass over the same segments), the
    /// band follows it.
    func bestPath(near previous: [Bead]? = nil) -> [Bead] {
        let n = sourceRuns.count
        let m = targetRuns.count
        let guide: [Int]
        var halfWidth: Int
        if let previous, n * m > Self.coarseThreshold {
            guide = Self.guide(following: previous, sourceCount: n)
            halfWidth = 16
        } else if n * m > Self.coarseThreshold, n >= 8 * Self.blockSize, m >= 8 * Self.blockSize {
            guide = coarseGuide()
            halfWidth = 2 * Self.blockSize + 24
        } else {
            let slope = Double(m) / Double(n)
            guide = (0...n).map { Int((Double($0) * slope).rounded()) }
            halfWidth = max(32, max(n, m) / 50)
        }
        if n * m > Self.coarseThreshold, !isCoarse {
            return bestPathInHalves(guide: guide, halfWidth: halfWidth)
        }
        // Around the diagonal, widen while the path touches the edge (at most twice).
        let attempts = 3
        for attempt in 0..<attempts {
            let (path, touchesEdge) = bestPath(from: (0, 0), to: (n, m), guide: guide, halfWidth: halfWidth)
            if !touchesEdge || halfWidth >= max(n, m) || attempt == attempts - 1 { return path }
            halfWidth *= 2
        }
        return []
    }

    /// Long inputs: the search is split where the guide passes the middle row, and both halves
    /// run on their own thread in a fixed band around the guide (the path is forced through that
    /// one cell; elsewhere it is the best within the band).
    private func bestPathInHalves(guide: [Int], halfWidth: Int) -> [Bead] {
        let n = sourceRuns.count
        let m = targetRuns.count
        let middle = n / 2
        let split = min(max(guide[middle], 0), m)
        let (a, b) = inParallel(
            { bestPath(from: (0, 0), to: (middle, split), guide: guide, halfWidth: halfWidth).0 },
            { bestPath(from: (middle, split), to: (n, m), guide: guide, halfWidth: halfWidth).0 })
        return ((try? a.get()) ?? []) + ((try? b.get()) ?? [])
    }

    /// Inputs with more cells than this are aligned coarse-to-fine.
    static let coarseThreshold = 2_000_000
    /// Segments per block in the coarse pass.
    static let blockSize = 8

    /// For each source position 0...n, the target position the coarse alignment of blocks of
    /// segments puts it at. Both sides are cut into the same number of blocks (about `blockSize`
    /// segments each on the shorter side), so blocks on the diagonal hold about the same text. The
    /// coarse alignment is itself coarse-to-fine when it is long: every level searches a band of
    /// bounded width, so the whole stays near linear.
    private func coarseGuide() -> [Int] {
        let n = sourceRuns.count
        let m = targetRuns.count
        let count = (min(n, m) + Self.blockSize - 1) / Self.blockSize
        let sourceBounds = (0...count).map { $0 * n / count }
        let targetBounds = (0...count).map { $0 * m / count }
        var (sourceBlocks, targetBlocks) = (Self.blocks(sourceRuns, sourceBounds), Self.blocks(targetRuns, targetBounds))
        Self.keepRarest(&sourceBlocks, &targetBlocks, featureCount: idf.count)
        // Blocks hold more text than segments, and their lengths differ by a share of it (where one
        // side has more or longer segments) rather than by noise that grows with its square root.
        var coarse = AlignmentModel(coarse: sourceBlocks, targetBlocks, like: self)
        coarse.variance = variance * Double(Self.blockSize)
        let scaled = coarse.bestPath().map { bead in
            Bead(
                source: sourceBounds[bead.source.lowerBound]..<sourceBounds[bead.source.upperBound],
                target: targetBounds[bead.target.lowerBound]..<targetBounds[bead.target.upperBound], score: bead.score)
        }
        return Self.guide(following: scaled, sourceCount: n)
    }

    /// Features a block keeps in the coarse pass.
    static let blockFeatures = 48

    /// The blocks of a side's segments between consecutive `bounds`: their lengths add up, their
    /// features are the union.
    static func blocks(_ side: RunTables, _ bounds: [Int]) -> [SegmentFeatures] {
        (1..<bounds.count).map { k in
            let range = bounds[k - 1]..<bounds[k]
            return SegmentFeatures(
                length: range.reduce(0) { $0 + side.length($1..<($1 + 1)) }, features: union(range.map { Array(side.features($0)) }),
                words: [])
        }
    }

    /// Each block keeps the `blockFeatures` features that the fewest blocks (of both sides) have:
    /// the ones that tell blocks apart, so comparing two blocks costs the same at every level.
    static func keepRarest(_ source: inout [SegmentFeatures], _ target: inout [SegmentFeatures], featureCount: Int) {
        var frequency = [Int32](repeating: 0, count: featureCount)
        for block in source { for feature in block.features { frequency[Int(feature)] += 1 } }
        for block in target { for feature in block.features { frequency[Int(feature)] += 1 } }
        func prune(_ blocks: inout [SegmentFeatures]) {
            for k in blocks.indices where blocks[k].features.count > blockFeatures {
                let rarest = blocks[k].features.sorted { (frequency[Int($0)], $0) < (frequency[Int($1)], $1) }.prefix(blockFeatures)
                blocks[k].features = rarest.sorted()
            }
        }
        prune(&source)
        prune(&target)
    }

    /// For each source position 0...n, the target position `path` passes it at (interpolated
    /// inside beads).
    static func guide(following path: [Bead], sourceCount n: Int) -> [Int] {
        var guide = [Int](repeating: 0, count: n + 1)
        var last = 0
        for bead in path {
            let (s0, s1, t0, t1) = (bead.source.lowerBound, bead.source.upperBound, bead.target.lowerBound, bead.target.upperBound)
            guard s1 <= n else { continue }
            for i in s0...s1 {
                guide[i] = s1 == s0 ? t1 : t0 + Int((Double(i - s0) / Double(s1 - s0) * Double(t1 - t0)).rounded())
            }
            last = t1
        }
        guide[n] = last
        return guide
    }

    /// The lowest-cost path from cell `start` to cell `end` (source and target positions) through
    /// the cells within `halfWidth` of `guide` (the target position at each source position), and
    /// whether it touches the band's edge. Only the move taken into each cell is kept for every
    /// cell (one byte); costs are kept for the last four rows.
    private func bestPath(from start: (Int, Int), to end: (Int, Int), guide: [Int], halfWidth: Int) -> ([Bead], Bool) {
        let (s0, t0) = start
        let n = end.0 - s0
        let m = end.1 - t0
        // Row i (source position s0 + i) keeps the cells j (target position t0 + j) in lower[i]...upper[i].
        var lower = [Int](repeating: 0, count: n + 1)
        var upper = [Int](repeating: 0, count: n + 1)
        for i in 0...n {
            let j = min(max(guide[s0 + i] - t0, 0), m)
            lower[i] = max(0, j - halfWidth)
            upper[i] = min(m, j + halfWidth)
        }
        // Every row must reach back to the previous one, and the corners must be inside.
        lower[0] = 0
        upper[n] = m
        for i in stride(from: 1, through: n, by: 1) { lower[i] = min(lower[i], upper[i - 1]) }
        for i in stride(from: n - 1, through: 0, by: -1) { upper[i] = max(upper[i], lower[i + 1] - 3) }
        var offsets = [Int](repeating: 0, count: n + 2)
        var width = 0
        for i in 0...n {
            offsets[i + 1] = offsets[i] + (upper[i] - lower[i] + 1)
            width = max(width, upper[i] - lower[i] + 1)
        }
        var move = [UInt8](repeating: 0, count: offsets[n + 1])
        // Row i's costs are at (i % 4) * width + j - lower[i].
        var cost = [Float](repeating: .infinity, count: 4 * width)
        cost[0] = 0
        var scratch = RunTables.Scratch()
        for i in 0...n {
            let row = (i & 3) * width
            if i > 0 { for k in 0...(upper[i] - lower[i]) { cost[row + k] = .infinity } }
            for j in lower[i]...upper[i] where i > 0 || j > 0 {
                var best = Float.infinity
                var bestMove = 0
                for index in moves.indices {
                    let shape = moves[index]
                    let (pi, pj) = (i - shape.a, j - shape.b)
                    guard pi >= 0, pj >= lower[pi], pj <= upper[pi] else { continue }
                    let previous = cost[(pi & 3) * width + pj - lower[pi]]
                    guard previous.isFinite else { continue }
                    // A bead that cannot beat the best so far is not scored (the margin covers rounding).
                    let limit = Double(best) - Double(previous) + 1e-3 + 1e-6 * Double(abs(best))
                    guard
                        let step = self.cost(
                            sourceRange: (s0 + pi)..<(s0 + i), targetRange: (t0 + pj)..<(t0 + j), prior: shape.prior, below: limit,
                            scratch: &scratch)
                    else { continue }
                    let total = previous + Float(step)
                    if total < best {
                        best = total
                        bestMove = index
                    }
                }
                cost[row + j - lower[i]] = best
                move[offsets[i] + j - lower[i]] = UInt8(bestMove)
            }
        }
        var beads: [Bead] = []
        var touchesEdge = false
        var i = n
        var j = m
        while i > 0 || j > 0 {
            if i < n, i > 0, (j == lower[i] && lower[i] > 0) || (j == upper[i] && upper[i] < m) { touchesEdge = true }
            let shape = moves[Int(move[offsets[i] + j - lower[i]])]
            let (sourceRange, targetRange) = ((s0 + i - shape.a)..<(s0 + i), (t0 + j - shape.b)..<(t0 + j))
            let step = Float(
                self.cost(sourceRange: sourceRange, targetRange: targetRange, prior: shape.prior, scratch: &scratch)!)
            beads.append(Bead(source: sourceRange, target: targetRange, score: exp(-max(Double(step), 0))))
            i -= shape.a
            j -= shape.b
        }
        return (beads.reversed(), touchesEdge)
    }

    /// The cost of aligning the source segments `sourceRange` with the target segments `targetRange`
    /// (one to three each, or none on one side). Several segments count as the union of their
    /// features: a name repeated in two paragraphs counts once. Nil when the cost is above `limit`
    /// even if the two sides shared all they could (then their features are not compared).
    /// `scratch` holds the unions of longer runs.
    func cost(
        sourceRange: Range<Int>, targetRange: Range<Int>, prior: Double, below limit: Double = .infinity,
        scratch: inout RunTables.Scratch
    ) -> Double? {
        if sourceRange.isEmpty || targetRange.isEmpty { return prior }
        let sourceNorm = sourceRuns.norm(sourceRange)
        let targetNorm = targetRuns.norm(targetRange)
        let normSum = sourceNorm + targetNorm
        let base = lengthCost(sourceRuns.length(sourceRange), targetRuns.length(targetRange)) + prior
        guard normSum > 0 else { return base }
        // The shared weight is at most the smaller norm.
        if base - weight * (2 * min(sourceNorm, targetNorm) / normSum) > limit { return nil }
        return base - weight * (2 * sourceRuns.shared(sourceRange, with: targetRuns, targetRange, idf: idf, scratch: &scratch) / normSum)
    }

    /// The sorted, unique ids of `lists` (each in any order, repeats allowed), in an array exactly that long.
    static func union(_ lists: [[Int32]]) -> [Int32] {
        var merged = lists.flatMap { $0 }
        merged.sort()
        let uniqueCount = merged.indices.count { $0 == 0 || merged[$0] != merged[$0 - 1] }
        // Exactly as long as it must be: a long text holds one of these for every segment.
        return [Int32](unsafeUninitializedCapacity: uniqueCount) { unique, count in
            for k in merged.indices where k == 0 || merged[k] != merged[k - 1] {
                unique[count] = merged[k]
                count += 1
            }
        }
    }
}

/// One side as the search reads it: each segment's features that can be shared (sorted, unique; a
/// feature of IDF 0 adds nothing) in one flat array, and the norm (summed IDF) and length of every run
/// of 1, 2 and 3 consecutive segments. A longer run's features, the union of its segments', are
/// merged when the search compares it, never stored: a long text would hold three times its features.
struct RunTables {
    /// Segment k's features are flat[starts[k]..<starts[k + 1]].
    private let flat: [Int32]
    private let starts: [Int]
    /// The norm and length of the run of r segments from k at (r - 1) * count + k; a run cut short
    /// by the end has norm 0 and the length of what is left.
    private var norms: [Double] = []
    private var lengths: [Double] = []
    let count: Int

    init(_ segments: [SegmentFeatures], idf: [Double]) {
        count = segments.count
        var total = 0
        for segment in segments { for feature in segment.features where idf[Int(feature)] > 0 { total += 1 } }
        var flat: [Int32] = []
        flat.reserveCapacity(total)
        var starts = [0]
        starts.reserveCapacity(count + 1)
        for segment in segments {
            for feature in segment.features where idf[Int(feature)] > 0 { flat.append(feature) }
            starts.append(flat.count)
        }
        self.flat = flat
        self.starts = starts
        norms.reserveCapacity(3 * count)
        lengths.reserveCapacity(3 * count)
        var scratch = Scratch()
        for runLength in 1...3 {
            for k in segments.indices {
                var norm = 0.0
                if k + runLength <= count {
                    for feature in features(k..<(k + runLength), in: &scratch.first, merged: &scratch.merged) { norm += idf[Int(feature)] }
                }
                norms.append(norm)
                lengths.append((k..<min(k + runLength, count)).reduce(0) { $0 + segments[$1].length })
            }
        }
    }

    /// Segment k's features that can be shared.
    func features(_ k: Int) -> ArraySlice<Int32> { flat[starts[k]..<starts[k + 1]] }
    /// The summed IDF of a run's features (one to three segments).
    func norm(_ run: Range<Int>) -> Double { norms[(run.count - 1) * count + run.lowerBound] }
    /// The length of a run (one to three segments).
    func length(_ run: Range<Int>) -> Double { lengths[(run.count - 1) * count + run.lowerBound] }

    /// Room for the unions of the runs one comparison reads (one per task).
    struct Scratch {
        var first: [Int32] = []
        var second: [Int32] = []
        var merged: [Int32] = []
    }

    /// The features of `run`: segment k's own list, or the union of the run's lists put in `buffer`
    /// (`merged` is room for a three-segment run's first two).
    private func features(_ run: Range<Int>, in buffer: inout [Int32], merged: inout [Int32]) -> ArraySlice<Int32> {
        let k = run.lowerBound
        guard run.count > 1 else { return features(k) }
        if run.count == 2 {
            Self.merge(features(k), features(k + 1), into: &buffer)
        } else {
            Self.merge(features(k), features(k + 1), into: &merged)
            Self.merge(merged[...], features(k + 2), into: &buffer)
        }
        return buffer[...]
    }

    /// The sorted, unique union of sorted `a` and `b`, in `result` (its room kept).
    private static func merge(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>, into result: inout [Int32]) {
        result.removeAll(keepingCapacity: true)
        forEachInSortedUnion(a, b) { result.append($0) }
    }

    /// The IDF weight run `run` here shares with run `otherRun` of `other`, summed in increasing
    /// order of feature id.
    func shared(_ run: Range<Int>, with other: RunTables, _ otherRun: Range<Int>, idf: [Double], scratch: inout Scratch) -> Double {
        let a = features(run, in: &scratch.first, merged: &scratch.merged)
        let b = other.features(otherRun, in: &scratch.second, merged: &scratch.merged)
        var i = a.startIndex
        var j = b.startIndex
        var total = 0.0
        while i < a.endIndex, j < b.endIndex {
            let x = a[i]
            let y = b[j]
            if x == y {
                total += idf[Int(x)]
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return total
    }
}

extension Dictionary where Value == Int32 {
    /// The value for `key`, after storing `next` there when there was none: a number given to each
    /// new key in turn, found or stored with one hash.
    mutating func value(for key: Key, insertingIfAbsent next: Int32) -> Int32 {
        // The defaulted subscript, accessed in place, stores the default when the key is absent.
        func read(_ slot: inout Int32) -> Int32 { slot }
        return read(&self[key, default: next])
    }
}

/// Calls `visit` with each distinct element of sorted `a` and `b` (repeats allowed), in increasing
/// order: the walk of every sorted union here.
func forEachInSortedUnion<C: RandomAccessCollection>(_ a: C, _ b: C, _ visit: (C.Element) -> Void) where C.Element: Comparable {
    var i = a.startIndex
    var j = b.startIndex
    while i < a.endIndex || j < b.endIndex {
        let next = j == b.endIndex || (i < a.endIndex && a[i] <= b[j]) ? a[i] : b[j]
        visit(next)
        while i < a.endIndex, a[i] == next { i = a.index(after: i) }
        while j < b.endIndex, b[j] == next { j = b.index(after: j) }
    }
}

/// Word translations learned from confident 1-1 beads with IBM Model 1 (a few EM iterations).
enum Lexicon {
    /// Source word id -> its most probable target word id, where that is clear.
    static func learn(from path: [Bead], source: [SegmentFeatures], target: [SegmentFeatures]) -> [Int32: Int32] {
        let oneToOne = path.filter { $0.source.count == 1 && $0.target.count == 1 }
        // Too few beads teach nothing reliable (and a short article does not need it).
        guard oneToOne.count >= 50 else { return [:] }
        // The more confident half, at most 2,000 pairs (enough for the frequent words).
        let confident = oneToOne.sorted { $0.score > $1.score }.prefix(min(2000, max(10, oneToOne.count / 2)))
        return translations(confident.map { (source[$0.source.lowerBound].words, target[$0.target.lowerBound].words) })
    }

    /// IBM Model 1 over `pairs` of word lists (source, target; in order, repeats counting): each source
    /// word's most probable translation (ties to the lower id) where its probability is at least 0.3,
    /// the word is in two pairs or more and is not its own translation.
    static func translations(_ pairs: [([Int32], [Int32])]) -> [Int32: Int32] {
        let links = Links(pairs)
        // t(b | a) for every link, uniform at first.
        var probability = [Double](repeating: 1, count: links.count)
        var counts = [Double](repeating: 0, count: links.count)
        for _ in 0..<5 {
            for k in counts.indices { counts[k] = 0 }
            var totals = [Double](repeating: 0, count: links.sourceWords.count)
            for pair in links.pairs where !pair.source.isEmpty {
                for b in pair.target {
                    var normaliser = 0.0
                    for a in pair.source { normaliser += probability[links.link(pair, a, b)] }
                    guard normaliser > 0 else { continue }
                    for a in pair.source {
                        let link = links.link(pair, a, b)
                        let share = probability[link] / normaliser
                        counts[link] += share
                        totals[links.sourceWord(pair, a)] += share
                    }
                }
            }
            links.forEach { link, a, _ in probability[link] = counts[link] / totals[a] }
        }
        var best: [Int32: (Int32, Double)] = [:]
        links.forEach { link, a, b in
            let (e, f, p) = (links.sourceWords[a], b, probability[link])
            // Ties go to the lower id.
            if let known = best[e], (known.1, -known.0) >= (p, -f) { return }
            best[e] = (f, p)
        }
        return best.filter { $0.value.1 >= 0.3 && links.occurrences[$0.key]! >= 2 && $0.key != $0.value.0 }.mapValues(\.0)
    }

    /// The word pairs (links) of the pairs of word lists, numbered densely: each pair's distinct
    /// source and target words, and the number of each of their combinations, so the EM iterations
    /// read and add in arrays (a long text's 2,000 pairs have millions of links: a dictionary of
    /// them took 240 MB). Links are numbered by their key (source word, target word) in order, so a
    /// source word's links are a row of consecutive numbers, and a pair holds each combination's
    /// place in its source word's row in two bytes.
    struct Links {
        /// One pair: its words as places among its distinct words, in order with repeats.
        struct Pair {
            let source: [Int32]
            let target: [Int32]
            /// Where its distinct source words start in `sourceWordIndex`, and how many there are.
            let sourceStart: Int
            let distinctSources: Int
            /// Where its distinct target words start in `targetWords`, and how many there are.
            let targetStart: Int
            let distinctTargets: Int
            /// Where its combinations start in `offsets`: `distinctTargets` per distinct source word.
            let linkStart: Int
        }

        let pairs: [Pair]
        /// Every distinct source word of all pairs.
        let sourceWords: [Int32]
        /// Each pair's distinct source words, as places in `sourceWords`.
        private let sourceWordIndex: [Int32]
        /// The first link of each pair's distinct source words (their rows).
        private let rowStarts: [Int32]
        /// Each pair's distinct target words.
        private let targetWords: [Int32]
        /// Each pair's combination's place in its source word's row; `UInt16.max`: in `overflow`.
        private let offsets: [UInt16]
        /// The places of `UInt16.max` and more, by their combination.
        private let overflow: [Int: Int32]
        /// How many pairs each source word is in.
        let occurrences: [Int32: Int]
        /// The number of distinct links.
        let count: Int

        /// The links of `wordPairs`; `batchSize` keys are gathered before they are merged.
        init(_ wordPairs: [([Int32], [Int32])], batchSize: Int = 1 << 20) {
            var pairs: [Pair] = []
            var sourceWords: [Int32] = []
            var sourceWordIndex: [Int32] = []
            var targetWords: [Int32] = []
            var occurrences: [Int32: Int] = [:]
            var sourcePlace: [Int32: Int32] = [:]
            // The distinct keys of all links, sorted; gathered a batch at a time so that a long text's
            // links, millions of them, many repeated, are never all held as keys.
            var keys: [UInt64] = []
            var batch: [UInt64] = []
            var linkCount = 0
            for (e, f) in wordPairs {
                let (sources, sourcePlaces) = Self.distinct(e)
                let (targets, targetPlaces) = Self.distinct(f)
                pairs.append(
                    Pair(
                        source: sourcePlaces, target: targetPlaces, sourceStart: sourceWordIndex.count, distinctSources: sources.count,
                        targetStart: targetWords.count, distinctTargets: targets.count, linkStart: linkCount))
                linkCount += sources.count * targets.count
                for a in sources {
                    occurrences[a, default: 0] += 1
                    let next = Int32(sourceWords.count)
                    let place = sourcePlace.value(for: a, insertingIfAbsent: next)
                    if place == next { sourceWords.append(a) }
                    sourceWordIndex.append(place)
                    for b in targets { batch.append(Self.key(a, b)) }
                }
                targetWords += targets
                if batch.count >= batchSize { Self.merge(&batch, into: &keys) }
            }
            Self.merge(&batch, into: &keys)
            // A link's number is its key's place among the distinct keys; a source word's row starts
            // at its first key.
            let rowStart = sourceWords.map { word in Int32(keys.partitioningIndex { $0 >= Self.key(word, 0) }) }
            let rowStarts = sourceWordIndex.map { rowStart[Int($0)] }
            var offsets: [UInt16] = []
            var overflow: [Int: Int32] = [:]
            offsets.reserveCapacity(linkCount)
            for pair in pairs {
                for a in 0..<pair.distinctSources {
                    let row = Int(rowStarts[pair.sourceStart + a])
                    let word = sourceWords[Int(sourceWordIndex[pair.sourceStart + a])]
                    for b in targetWords[pair.targetStart..<(pair.targetStart + pair.distinctTargets)] {
                        let key = Self.key(word, b)
                        let offset = keys[row...].partitioningIndex { $0 >= key } - row
                        if offset >= Int(UInt16.max) { overflow[offsets.count] = Int32(offset) }
                        offsets.append(UInt16(min(offset, Int(UInt16.max))))
                    }
                }
            }
            (self.pairs, self.sourceWords, self.sourceWordIndex, self.targetWords, self.occurrences) =
                (pairs, sourceWords, sourceWordIndex, targetWords, occurrences)
            (self.rowStarts, self.offsets, self.overflow, count) = (rowStarts, offsets, overflow, keys.count)
        }

        /// A link's key: the source word, then the target word (as unsigned), in one integer.
        private static func key(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b)) }

        /// Adds `batch`'s keys to the sorted, distinct `keys` (in an array exactly that long), and
        /// empties it (keeping its room).
        static func merge(_ batch: inout [UInt64], into keys: inout [UInt64]) {
            batch.sort()
            // Counted first, then written.
            var count = 0
            forEachInSortedUnion(keys, batch) { _ in count += 1 }
            keys = [UInt64](unsafeUninitializedCapacity: count) { merged, written in
                forEachInSortedUnion(keys, batch) { key in
                    merged[written] = key
                    written += 1
                }
            }
            batch.removeAll(keepingCapacity: true)
        }

        /// `words`' distinct words in order of appearance, and each word's place among them.
        private static func distinct(_ words: [Int32]) -> (distinct: [Int32], places: [Int32]) {
            var place: [Int32: Int32] = [:]
            var distinct: [Int32] = []
            let places = words.map { word in
                let next = Int32(distinct.count)
                let known = place.value(for: word, insertingIfAbsent: next)
                if known == next { distinct.append(word) }
                return known
            }
            return (distinct, places)
        }

        /// The link of the pair's `a`-th distinct source word and `b`-th distinct target word.
        func link(_ pair: Pair, _ a: Int32, _ b: Int32) -> Int {
            link(pair, Int(a), Int(b))
        }

        private func link(_ pair: Pair, _ a: Int, _ b: Int) -> Int {
            let combination = pair.linkStart + a * pair.distinctTargets + b
            let offset = offsets[combination]
            return Int(rowStarts[pair.sourceStart + a]) + (offset == .max ? Int(overflow[combination]!) : Int(offset))
        }

        /// The `a`-th distinct source word of `pair`, as a place in `sourceWords`.
        func sourceWord(_ pair: Pair, _ a: Int32) -> Int { Int(sourceWordIndex[pair.sourceStart + Int(a)]) }

        /// Calls `visit` with each pair's every link, its source word (a place in `sourceWords`) and
        /// its target word; a link several pairs have comes once for each.
        func forEach(_ visit: (_ link: Int, _ sourceWord: Int, _ targetWord: Int32) -> Void) {
            for pair in pairs {
                for a in 0..<pair.distinctSources {
                    for b in 0..<pair.distinctTargets {
                        visit(link(pair, a, b), Int(sourceWordIndex[pair.sourceStart + a]), targetWords[pair.targetStart + b])
                    }
                }
            }
        }
    }
}
