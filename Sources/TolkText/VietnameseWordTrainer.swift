/// Trains a `VietnameseWordModel` from a CoNLL-U treebank with gold multi-syllable words (UD
/// Vietnamese-VTB): an averaged perceptron over the spaces between syllables, deterministic, so
/// the same file and settings give the same model bytes.
///
/// Model file (little-endian): `TOLKVW01`; three UInt32 counts (features, words, syllables);
/// features as (UInt64 hash, Int32 weight in 1/64 of an update) sorted by hash; multi-syllable
/// words (2 to 4 syllables) as UInt64 hashes, sorted; syllables as (UInt64 key, UInt8 classes),
/// sorted by key.
public enum VietnameseWordTrainer {
    /// Training settings; all are recorded in the manifest.
    public struct Settings: Sendable, Equatable {
        /// Passes over the training set.
        public var epochs: Int
        /// Folds for the dictionary features: each sentence sees the words of the other folds only,
        /// so the model learns how far to trust a dictionary that misses words, as it will on new text.
        public var folds: Int
        /// Features whose averaged weight is below this (in 1/64 of an update) are dropped.
        public var pruneBelow: Int

        /// The settings; the defaults are those of the shipped model.
        public init(epochs: Int = 12, folds: Int = 10, pruneBelow: Int = 1) {
            self.epochs = epochs
            self.folds = folds
            self.pruneBelow = pruneBelow
        }
    }

    /// Training input that is not usable CoNLL-U.
    public struct TrainingError: Error, CustomStringConvertible, Sendable {
        /// What is wrong, with the file and line.
        public let message: String
        public var description: String { message }
    }

    /// A trained model and what it was trained on.
    public struct Output: Sendable {
        /// The model file's bytes.
        public let model: [UInt8]
        /// Sentences read from the treebank.
        public let sentences: Int
        /// Syllables read from the treebank.
        public let syllables: Int
    }

    /// One sentence: its syllables and, per syllable, whether it continues the word before it.
    struct Sentence {
        var infos: [SyllableInfo] = []
        var joined: [Bool] = []
        var words: [[UInt64]] = []
    }

    /// Reads the sentences of a CoNLL-U text (multiword-token ranges and empty nodes skipped).
    static func sentences(conllu: String, name: String) throws(TrainingError) -> [Sentence] {
        var result: [Sentence] = []
        var current = Sentence()
        var lineNumber = 0
        for line in conllu.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            if line.isEmpty {
                if !current.infos.isEmpty { result.append(current) }
                current = Sentence()
                continue
            }
            if line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 10 else {
                throw TrainingError(message: "\(name):\(lineNumber): expected 10 tab-separated CoNLL-U columns, found \(columns.count)")
            }
            if columns[0].contains("-") || columns[0].contains(".") { continue }
            let syllables = columns[1].split(separator: " ")
            var keys: [UInt64] = []
            for (k, syllable) in syllables.enumerated() {
                let info = SyllableInfo(String(syllable))
                current.infos.append(info)
                current.joined.append(k > 0)
                keys.append(info.key)
            }
            current.words.append(keys)
        }
        if !current.infos.isEmpty { result.append(current) }
        guard !result.isEmpty else { throw TrainingError(message: "\(name): no CoNLL-U sentences") }
        return result
    }

    /// The words (2 to 4 syllables) and syllable classes of some sentences.
    struct Lexicon {
        var words: Set<UInt64> = []
        var classes: [UInt64: UInt8] = [:]

        init(_ sentences: some Sequence<Sentence>) {
            var counts: [UInt64: (start: Int, end: Int, single: Int)] = [:]
            for sentence in sentences {
                for word in sentence.words {
                    if word.count >= 2, word.count <= WordFeatures.longestWord { words.insert(WordHash.word(word)) }
                    for (k, key) in word.enumerated() {
                        var count = counts[key] ?? (0, 0, 0)
                        if word.count == 1 { count.single += 1 }
                        if word.count > 1, k < word.count - 1 { count.start += 1 }
                        if k > 0 { count.end += 1 }
                        counts[key] = count
                    }
                }
            }
            for (key, count) in counts {
                let start: UInt8 = count.start == 0 ? 0 : (count.start >= count.single ? 2 : 1)
                let end: UInt8 = count.end == 0 ? 0 : (count.end >= count.single ? 2 : 1)
                if start | end != 0 { classes[key] = start | end << 2 }
            }
        }
    }

    /// Trains on a CoNLL-U text; `name` names it in errors.
    /// - Complexity: O(epochs × syllables).
    public static func train(conllu: String, name: String, settings: Settings = Settings()) throws(TrainingError) -> Output {
        guard settings.epochs > 0, settings.folds > 1, settings.pruneBelow >= 0 else {
            throw TrainingError(message: "epochs must be positive, folds at least 2, the pruning threshold not negative")
        }
        let sentences = try sentences(conllu: conllu, name: name)
        let folds = (0..<settings.folds).map { fold in
            Lexicon(sentences.indices.lazy.filter { $0 % settings.folds != fold }.map { sentences[$0] })
        }

        // Every space's features, as dense indices, computed once.
        var index: [UInt64: Int32] = [:]
        var hashes: [UInt64] = []
        var gapFeatures: [[Int32]] = []
        var gapGold: [[Bool]] = []
        var masks: [UInt8] = []
        for (s, sentence) in sentences.enumerated() {
            let lexicon = folds[s % settings.folds]
            let joinable = sentence.infos.indices.map { g in
                g > 0 && sentence.infos[g].shape != SyllableInfo.Shape.other && sentence.infos[g - 1].shape != SyllableInfo.Shape.other
            }
            WordFeatures.dictionaryMasks(infos: sentence.infos, joinable: joinable, into: &masks) { lexicon.words.contains($0) }
            let classes = sentence.infos.map { lexicon.classes[$0.key] ?? 0 }
            var features: [Int32] = []
            var gold: [Bool] = []
            sentence.infos.withUnsafeBufferPointer { infos in
                masks.withUnsafeBufferPointer { masks in
                    classes.withUnsafeBufferPointer { classes in
                        for g in infos.indices where joinable[g] {
                            WordFeatures.forEach(gap: g, infos: infos, masks: masks, classes: classes) { hash in
                                if let known = index[hash] {
                                    features.append(known)
                                } else {
                                    index[hash] = Int32(hashes.count)
                                    features.append(Int32(hashes.count))
                                    hashes.append(hash)
                                }
                            }
                            gold.append(sentence.joined[g])
                        }
                    }
                }
            }
            gapFeatures.append(features)
            gapGold.append(gold)
        }

        // The averaged perceptron, in integers: `total` sums each weight over the steps it held.
        var weights = [Int64](repeating: 0, count: hashes.count)
        var totals = [Int64](repeating: 0, count: hashes.count)
        var stamps = [Int64](repeating: 0, count: hashes.count)
        var step: Int64 = 0
        var order = Array(sentences.indices)
        for epoch in 0..<settings.epochs {
            var random = SplitMix64(seed: UInt64(epoch) + 1)
            for k in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(k, Int(random.next() % UInt64(k + 1)))
            }
            for s in order {
                let features = gapFeatures[s]
                let count = features.count / max(1, gapGold[s].count)
                for (g, gold) in gapGold[s].enumerated() {
                    step += 1
                    let slice = features[g * count..<(g + 1) * count]
                    let score = slice.reduce(Int64(0)) { $0 + weights[Int($1)] }
                    guard (score > 0) != gold else { continue }
                    let delta: Int64 = gold ? 1 : -1
                    for f in slice.map(Int.init) {
                        totals[f] += (step - stamps[f]) * weights[f]
                        stamps[f] = step
                        weights[f] += delta
                    }
                }
            }
        }
        var kept: [(UInt64, Int32)] = []
        for f in hashes.indices {
            let total = totals[f] + (step - stamps[f]) * weights[f]
            let averaged = total * 64 / max(step, 1)
            if averaged != 0, abs(averaged) >= Int64(settings.pruneBelow) {
                kept.append((hashes[f], Int32(clamping: averaged)))
            }
        }
        kept.sort { $0.0 < $1.0 }
        let lexicon = Lexicon(sentences)
        var out = VietnameseWordModel.magic
        func put32(_ value: UInt32) { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(k)))) } }
        func put64(_ value: UInt64) { for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(k)))) } }
        let words = lexicon.words.sorted()
        let classes = lexicon.classes.keys.sorted()
        put32(UInt32(kept.count))
        put32(UInt32(words.count))
        put32(UInt32(classes.count))
        for (hash, weight) in kept {
            put64(hash)
            put32(UInt32(bitPattern: weight))
        }
        for word in words { put64(word) }
        for key in classes {
            put64(key)
            out.append(lexicon.classes[key]!)
        }
        return Output(model: out, sentences: sentences.count, syllables: sentences.reduce(0) { $0 + $1.infos.count })
    }

    /// The manifest that goes next to the model: checksums and settings, one `key = value` a line.
    public static func manifest(output: Output, trainName: String, trainBytes: [UInt8], settings: Settings) -> String {
        """
        # tolk's Vietnamese word model: written by `tolk train-vi-words` (make vi-model); do not edit.
        # Derived from UD Vietnamese-VTB (CC BY-SA 4.0), so the model is under CC BY-SA 4.0 too.
        format = TOLKVW01
        model_bytes = \(output.model.count)
        model_sha256 = \(SHA256.hex(output.model))
        train_file = \(trainName)
        train_sha256 = \(SHA256.hex(trainBytes))
        train_sentences = \(output.sentences)
        train_syllables = \(output.syllables)
        epochs = \(settings.epochs)
        folds = \(settings.folds)
        prune_below = \(settings.pruneBelow)

        """
    }

    /// Swift source that embeds the model in `TolkText` (base64, 100 characters a line).
    public static func swiftSource(model: [UInt8]) -> String {
        let lines = Base64.encode(model).split(separator: "\n").map { "        " + $0 }.joined(separator: "\n")
        return """
            // Written by `tolk train-vi-words` (make vi-model); do not edit. The Vietnamese word model,
            // derived from UD Vietnamese-VTB (CC BY-SA 4.0) and so itself under CC BY-SA 4.0: see
            // README.md and vi-words.manifest in this folder.

            /// The built-in Vietnamese word model's bytes, in base64.
            enum VietnameseWordModelData {
                static let base64 = \"\"\"
            \(lines)
                    \"\"\"
            }

            """
    }
}

/// SplitMix64: a small deterministic generator (the training order, seeded test texts).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
