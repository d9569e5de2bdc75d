/// Which tokens a segmenter gives for a language that writes a space between syllables
/// (Vietnamese); other languages get ICU's words either way.
public enum TokenUnit: String, Sendable, CaseIterable {
    /// Words: Vietnamese syllables joined by the trained word model (`Việt Nam` is one token).
    case word
    /// ICU's word breaks: one token per Vietnamese syllable.
    case syllable
}

/// A model file that is not a tolk Vietnamese word model, or is damaged.
public struct VietnameseWordModelError: Error, CustomStringConvertible, Sendable {
    /// The file (or "built-in model").
    public let source: String
    /// What is wrong with it.
    public let reason: String

    public var description: String { "\(source): not a usable Vietnamese word model: \(reason)" }
}

/// The Vietnamese word segmenter's model: weights of an averaged perceptron that decides, for each
/// space between two syllables, whether it is inside a word; the multi-syllable words of the
/// training set; and, per syllable, how often it starts or ends such a word. See
/// `docs/vietnamese-words.md` for the design, and `VietnameseWordTrainer` for the file format.
///
/// The built-in model (`builtIn`) is derived from UD Vietnamese-VTB (CC BY-SA 4.0) and is itself
/// under CC BY-SA 4.0.
public struct VietnameseWordModel: Sendable {
    let weights: HashTable<Int32>
    let words: HashTable<UInt8>
    let syllables: HashTable<UInt8>
    /// Weighted features in the model.
    public let featureCount: Int
    /// Multi-syllable words in its dictionary.
    public let wordCount: Int
    /// Syllables with a start or end class.
    public let syllableCount: Int

    static let magic = Array("TOLKVW01".utf8)

    /// Reads a model from its bytes; `source` names it in errors.
    /// - Complexity: O(n) in the model's entries.
    public init(bytes: [UInt8], source: String) throws(VietnameseWordModelError) {
        var reader = ModelReader(bytes: bytes)
        guard let head = reader.take(8), head.elementsEqual(Self.magic) else {
            throw VietnameseWordModelError(source: source, reason: "it does not start with TOLKVW01")
        }
        guard let features = reader.u32(), let words = reader.u32(), let syllables = reader.u32(),
            bytes.count == 20 + 12 * features + 8 * words + 9 * syllables
        else {
            throw VietnameseWordModelError(source: source, reason: "its length does not match its header (truncated or damaged)")
        }
        featureCount = features
        wordCount = words
        syllableCount = syllables
        var weightTable = HashTable<Int32>(capacity: features)
        var previous: UInt64? = nil
        func ascending(_ key: UInt64) -> Bool {
            defer { previous = key }
            return previous.map { $0 < key } ?? true
        }
        for _ in 0..<features {
            let key = reader.u64()!
            guard ascending(key) else { throw VietnameseWordModelError(source: source, reason: "its feature table is not sorted") }
            weightTable.insert(key, Int32(bitPattern: UInt32(reader.u32()!)))
        }
        previous = nil
        var wordTable = HashTable<UInt8>(capacity: words)
        for _ in 0..<words {
            let key = reader.u64()!
            guard ascending(key) else { throw VietnameseWordModelError(source: source, reason: "its word list is not sorted") }
            wordTable.insert(key, 1)
        }
        previous = nil
        var syllableTable = HashTable<UInt8>(capacity: syllables)
        for _ in 0..<syllables {
            let key = reader.u64()!
            guard ascending(key) else { throw VietnameseWordModelError(source: source, reason: "its syllable table is not sorted") }
            syllableTable.insert(key, reader.take(1)!.first!)
        }
        weights = weightTable
        self.words = wordTable
        self.syllables = syllableTable
    }

    /// The model shipped in tolk, decoded once per process on first use.
    public static func builtIn() throws(VietnameseWordModelError) -> VietnameseWordModel { try loadedBuiltIn.get() }

    private static let loadedBuiltIn: Result<VietnameseWordModel, VietnameseWordModelError> = {
        guard let bytes = builtInBytes else {
            return .failure(VietnameseWordModelError(source: "built-in model", reason: "its base64 text is damaged"))
        }
        return Result { () throws(VietnameseWordModelError) in try VietnameseWordModel(bytes: bytes, source: "built-in model") }
    }()

    /// The built-in model's bytes (nil when the embedded text is not base64).
    public static var builtInBytes: [UInt8]? { Base64.decode(VietnameseWordModelData.base64) }
}

/// Little-endian reads over model bytes.
struct ModelReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func u32() -> Int? {
        guard let slice = take(4) else { return nil }
        return slice.reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    mutating func u64() -> UInt64? {
        guard let slice = take(8) else { return nil }
        return slice.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}

/// An open-addressing table from 64-bit hashes to small values; the key 0 marks an empty slot
/// (a hash of 0 is stored as 1).
struct HashTable<Value: BitwiseCopyable & Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
    }

    mutating func insert(_ key: UInt64, _ value: Value) {
        let key = key == 0 ? 1 : key
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
    }

    @inline(__always)
    func value(_ key: UInt64) -> Value? {
        let key = key == 0 ? 1 : key
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}

/// Hashes for syllables, words and features: FNV-1a over UTF-8, and a SplitMix64 finaliser to
/// combine hashes in order.
enum WordHash {
    static let start: UInt64 = 0x5354_4152_5400_0001
    static let end: UInt64 = 0x454E_4400_0000_0002

    @inline(__always)
    static func fnv<S: Sequence<UInt8>>(_ bytes: S) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
    }

    @inline(__always)
    static func mix(_ h: UInt64, _ value: UInt64) -> UInt64 {
        var x = (h &* 0x9E37_79B9_7F4A_7C15) ^ value
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// The hash of the word made of syllables with these keys.
    static func word(_ keys: some Sequence<UInt64>) -> UInt64 { keys.reduce(0x574F_5244) { mix($0, $1) } }
}

/// What the model sees of a syllable: a key (hash of its NFC, lower-cased text with the tone on
/// the old-style vowel and ASCII digits as 0) and a shape.
struct SyllableInfo: Sendable {
    var key: UInt64
    var shape: UInt8

    enum Shape {
        static let lower: UInt8 = 0, capitalised: UInt8 = 1, upper: UInt8 = 2, number: UInt8 = 3, other: UInt8 = 4, edge: UInt8 = 5
    }

    /// The key and shape of `text` (any normalisation form, any case).
    init(_ text: String) {
        var normal = text.unicodeScalars.allSatisfy(\.isASCII) ? text : ((try? Normalizer.icuNormalize(text, form: .nfc)) ?? text)
        normal = normal.lowercased()
        if let placed = VietnameseLetters.placingTone(normal, style: .old) { normal = placed }
        key = WordHash.fnv(normal.utf8.lazy.map { $0 >= 0x30 && $0 <= 0x39 ? 0x30 : $0 })
        shape = Self.shape(of: text)
    }

    private static func shape(of text: String) -> UInt8 {
        guard let first = text.unicodeScalars.first else { return Shape.other }
        let properties = first.properties
        if properties.numericType != nil { return Shape.number }
        guard properties.isAlphabetic else { return Shape.other }
        guard properties.isUppercase || properties.generalCategory == .titlecaseLetter else { return Shape.lower }
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count > 1 && !letters.contains(where: { $0.properties.isLowercase }) ? Shape.upper : Shape.capitalised
    }
}

/// The features of the space before syllable `i`, shared by training and segmenting so both see
/// exactly the same hashes. `masks[p]` has bit L set when syllables `p..<p+L` (L in 2...4) are a
/// known word; `classes[p]` is the syllable's start class (bits 0-1) and end class (bits 2-3).
enum WordFeatures {
    static let longestWord = 4

    @inline(__always)
    static func forEach(
        gap i: Int, infos: UnsafeBufferPointer<SyllableInfo>, masks: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>,
        _ body: (UInt64) -> Void
    ) {
        let n = infos.count
        @inline(__always) func key(_ p: Int) -> UInt64 { p < 0 ? WordHash.start : (p >= n ? WordHash.end : infos[p].key) }
        @inline(__always) func shape(_ p: Int) -> UInt64 {
            UInt64(p < 0 || p >= n ? SyllableInfo.Shape.edge : infos[p].shape)
        }
        @inline(__always) func feature(_ template: UInt64) -> UInt64 { WordHash.mix(0x4645_4154, template) }
        @inline(__always) func feature1(_ template: UInt64, _ x: UInt64) -> UInt64 { WordHash.mix(feature(template), x) }
        @inline(__always) func feature2(_ template: UInt64, _ x: UInt64, _ y: UInt64) -> UInt64 {
            WordHash.mix(feature1(template, x), y)
        }
        @inline(__always) func feature3(_ template: UInt64, _ x: UInt64, _ y: UInt64, _ z: UInt64) -> UInt64 {
            WordHash.mix(feature2(template, x, y), z)
        }
        let (a, b, c, d) = (key(i - 2), key(i - 1), key(i), key(i + 1))
        body(feature(0))
        body(feature1(1, a))
        body(feature1(2, b))
        body(feature1(3, c))
        body(feature1(4, d))
        body(feature2(5, a, b))
        body(feature2(6, b, c))
        body(feature2(7, c, d))
        body(feature3(8, a, b, c))
        body(feature3(9, b, c, d))
        body(feature1(10, shape(i - 2) | shape(i - 1) << 3 | shape(i) << 6 | shape(i + 1) << 9))
        body(feature1(11, shape(i - 1) | shape(i) << 3))
        var cover: UInt64 = 0
        for p in max(0, i - longestWord + 1)..<i {
            for length in 2...longestWord where p + length > i && masks[p] & (1 << length) != 0 { cover = max(cover, UInt64(length)) }
        }
        var ending: UInt64 = 0
        for p in max(0, i - longestWord)..<max(0, i - 1) where masks[p] & (1 << (i - p)) != 0 { ending = max(ending, UInt64(i - p)) }
        var starting: UInt64 = 0
        for length in 2...longestWord where i < n && masks[i] & (1 << length) != 0 { starting = UInt64(length) }
        let pair: UInt64 = i > 0 && masks[i - 1] & (1 << 2) != 0 ? 1 : 0
        body(feature1(12, cover))
        body(feature1(13, ending))
        body(feature1(14, starting))
        body(feature1(15, cover | ending << 4 | starting << 8))
        body(feature1(16, pair))
        let positions = UInt64(i > 0 ? classes[i - 1] & 3 : 0) | UInt64(i < n ? classes[i] >> 2 & 3 : 0) << 2
        body(feature1(17, positions))
        body(feature1(18, positions | shape(i - 1) << 4 | shape(i) << 7))
    }

    /// Fills `masks` for syllables whose spaces `joinable[g]` (before syllable g) allow a word,
    /// looking words up with `isWord`.
    static func dictionaryMasks(
        infos: [SyllableInfo], joinable: [Bool], into masks: inout [UInt8], isWord: (UInt64) -> Bool
    ) {
        let n = infos.count
        masks.removeAll(keepingCapacity: true)
        masks.append(contentsOf: repeatElement(0, count: n))
        for p in 0..<n {
            var hash = WordHash.word(CollectionOfOne(infos[p].key))
            for length in 2...longestWord {
                let last = p + length - 1
                guard last < n, joinable[last] else { break }
                hash = WordHash.mix(hash, infos[last].key)
                if isWord(hash) { masks[p] |= 1 << length }
            }
        }
    }
}

/// Joins a paragraph's Vietnamese syllable tokens into words with a `VietnameseWordModel`. Keeps a
/// cache of syllable keys, so it is not thread-safe: one per segmenter.
struct VietnameseWordJoiner {
    let model: VietnameseWordModel
    private var cache: [UInt64: SyllableInfo] = [:]
    private var infos: [SyllableInfo] = []
    private var joinable: [Bool] = []
    private var masks: [UInt8] = []
    private var classes: [UInt8] = []

    init(model: VietnameseWordModel) { self.model = model }

    private mutating func info(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> SyllableInfo {
        let raw = WordHash.fnv(UnsafeBufferPointer(rebasing: bytes[range]))
        if let known = cache[raw] { return known }
        if cache.count >= 1 << 16 { cache.removeAll(keepingCapacity: true) }
        let info = SyllableInfo(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
        cache[raw] = info
        return info
    }

    /// Reads the keys, classes and joinable spaces of `tokens[range]` (one paragraph, or a window
    /// of one) into the scratch arrays, and the dictionary masks over them.
    private mutating func prepare(_ tokens: [Token], _ range: Range<Int>, bytes: UnsafeBufferPointer<UInt8>) {
        infos.removeAll(keepingCapacity: true)
        joinable.removeAll(keepingCapacity: true)
        classes.removeAll(keepingCapacity: true)
        for k in range {
            let token = tokens[k]
            let info = info(bytes, token.range)
            infos.append(info)
            classes.append(model.syllables.value(info.key) ?? 0)
            var canJoin = false
            if k > range.lowerBound, info.shape != SyllableInfo.Shape.other, infos[infos.count - 2].shape != SyllableInfo.Shape.other {
                let previous = tokens[k - 1].range.upperBound
                canJoin = token.range.lowerBound == previous + 1 && bytes[previous] == 0x20
            }
            joinable.append(canJoin)
        }
        let words = model.words
        WordFeatures.dictionaryMasks(infos: infos, joinable: joinable, into: &masks) { words.value($0) != nil }
    }

    /// The model's score for the space before syllable `i` of the prepared tokens (> 0: inside a word).
    private func score(gap i: Int) -> Int64 {
        guard joinable[i] else { return 0 }
        let weights = model.weights
        var score: Int64 = 0
        infos.withUnsafeBufferPointer { infos in
            masks.withUnsafeBufferPointer { masks in
                classes.withUnsafeBufferPointer { classes in
                    WordFeatures.forEach(gap: i, infos: infos, masks: masks, classes: classes) { score += Int64(weights.value($0) ?? 0) }
                }
            }
        }
        return score
    }

    /// Prepares what deciding the spaces before `tokens[k]`, k in `spaces`, reads: those tokens and
    /// the syllables at most four away (the features reach two syllables either side, the dictionary
    /// four), inside `paragraph` (the indices of their paragraph). Returns the window prepared; each
    /// space is then decided on its own, as `join` decides it (`joins(prepared:)`).
    /// - Complexity: O(m) in the spaces.
    mutating func prepare(spaces: Range<Int>, paragraph: Range<Int>, tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let reach = WordFeatures.longestWord
        let window = max(paragraph.lowerBound, spaces.lowerBound - reach)..<min(paragraph.upperBound, spaces.upperBound - 1 + reach)
        prepare(tokens, window, bytes: bytes)
        return window
    }

    /// Whether the space before token `i` of the prepared window is inside a word.
    func joins(prepared i: Int) -> Bool { i > 0 && i < infos.count && score(gap: i) > 0 }

    /// Whether the prepared tokens `range` (of the window) are one of the model's training words.
    func isKnownWord(prepared range: Range<Int>) -> Bool {
        range.count >= 2 && range.count <= WordFeatures.longestWord && model.words.value(WordHash.word(infos[range].lazy.map(\.key))) != nil
    }

    /// Joins `tokens[first...]` in place: neighbouring word or number tokens separated by one
    /// space become one word token when the model says the space is inside a word.
    /// - Complexity: O(n) in the tokens.
    mutating func join(_ tokens: inout [Token], from first: Int, bytes: UnsafeBufferPointer<UInt8>) {
        let n = tokens.count - first
        guard n > 1 else { return }
        prepare(tokens, first..<tokens.count, bytes: bytes)
        let weights = model.weights
        var written = first
        infos.withUnsafeBufferPointer { infos in
            masks.withUnsafeBufferPointer { masks in
                classes.withUnsafeBufferPointer { classes in
                    for i in 0..<n {
                        let token = tokens[first + i]
                        var score: Int64 = 0
                        if joinable[i] {
                            WordFeatures.forEach(gap: i, infos: infos, masks: masks, classes: classes) {
                                score += Int64(weights.value($0) ?? 0)
                            }
                        }
                        if score > 0, written > first {
                            let previous = tokens[written - 1]
                            let kind: Token.Kind = previous.kind == .number && token.kind == .number ? .number : .word
                            tokens[written - 1] = Token(range: previous.range.lowerBound..<token.range.upperBound, kind: kind)
                        } else {
                            tokens[written] = token
                            written += 1
                        }
                    }
                }
            }
        }
        tokens.removeSubrange(written...)
    }
}

/// The Vietnamese word segmenter's word boundaries in a syllable segmentation, asked space by space.
/// `Segmenter(languageCode: "vi", unit: .word)` joins syllables exactly where `joins(before:in:)`
/// says so; this is for a caller that needs the words at a few places only (a glossary term's
/// edges), and pays for those places, not for a pass over the document. Keeps a cache of syllable
/// keys, so it is not thread-safe: one per task.
public final class VietnameseWordBoundaries {
    public let model: VietnameseWordModel
    private var joiner: VietnameseWordJoiner

    public init(model: VietnameseWordModel) {
        self.model = model
        joiner = VietnameseWordJoiner(model: model)
    }

    /// The indices of the tokens in the paragraph of token `index`.
    private func paragraph(of index: Int, in segmentation: Segmentation) -> Range<Int> {
        let tokens = segmentation.tokens
        let offset = tokens[index].range.lowerBound
        let paragraphs = segmentation.paragraphs
        let p = paragraphs.partitioningIndex { $0.range.upperBound > offset }
        guard p < paragraphs.count else { return index..<(index + 1) }
        let range = paragraphs[p].range
        return tokens.partitioningIndex {
            $0.range.lowerBound >= range.lowerBound
        }..<tokens.partitioningIndex {
            $0.range.lowerBound >= range.upperBound
        }
    }

    /// Whether the space before token `index` of `segmentation` is inside a word. `segmentation`
    /// holds syllables, as `Segmenter(languageCode: "vi")` gives them.
    /// - Complexity: O(log n) in the tokens and paragraphs.
    public func joins(before index: Int, in segmentation: Segmentation) -> Bool {
        let tokens = segmentation.tokens
        guard index > 0, index < tokens.count else { return false }
        // Only tokens one space apart can join (the joiner asks the same, and more, later).
        let offset = tokens[index].range.lowerBound
        guard offset == tokens[index - 1].range.upperBound + 1, segmentation.document.bytes[offset - 1] == 0x20 else { return false }
        let paragraph = paragraph(of: index, in: segmentation)
        guard paragraph.contains(index - 1) else { return false }
        return segmentation.document.bytes.withUnsafeBufferPointer { bytes in
            let window = joiner.prepare(spaces: index..<(index + 1), paragraph: paragraph, tokens: tokens, bytes: bytes)
            return joiner.joins(prepared: index - window.lowerBound)
        }
    }

    /// The tokens of the word holding token `index` when it is one of the model's multi-syllable
    /// training words (`đảng viên`, `Việt Nam`), else nil: a word the model learnt is one it joins
    /// reliably, where a word it makes up (most often a name run into the capitalised words beside
    /// it: `Lào Thongloun Sisoulith`) is much less so.
    /// - Complexity: O(log n) in the tokens and paragraphs.
    public func knownWord(containing index: Int, in segmentation: Segmentation) -> Range<Int>? {
        let tokens = segmentation.tokens
        guard index >= 0, index < tokens.count else { return nil }
        let limit = WordFeatures.longestWord
        let paragraph = paragraph(of: index, in: segmentation)
        // The spaces that tell whether the word has `limit` syllables or more, either way.
        let spaces = max(paragraph.lowerBound + 1, index - limit + 1)..<min(paragraph.upperBound, index + limit + 1)
        guard !spaces.isEmpty else { return nil }
        return segmentation.document.bytes.withUnsafeBufferPointer { bytes in
            let window = joiner.prepare(spaces: spaces, paragraph: paragraph, tokens: tokens, bytes: bytes)
            let joined = { (k: Int) in spaces.contains(k) && self.joiner.joins(prepared: k - window.lowerBound) }
            var start = index
            while index - start < limit, joined(start) { start -= 1 }
            var end = index + 1
            while end - start <= limit, joined(end) { end += 1 }
            let word = start..<end
            return joiner.isKnownWord(prepared: (start - window.lowerBound)..<(end - window.lowerBound)) ? word : nil
        }
    }
}
