import TolkArticle
import TolkText

/// The rules that read the translation alone.
enum TextRules {
    /// Whitespace-separated chunks of `range` with their byte ranges.
    static func chunks(_ document: Document, _ range: Range<Int>) -> [(Range<Int>, String)] {
        var result: [(Range<Int>, String)] = []
        var start: Int? = nil
        let bytes = document.bytes
        for i in range.lowerBound...range.upperBound {
            let isSpace = i == range.upperBound || bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09
            if isSpace, let s = start {
                result.append((s..<i, document.text(s..<i)))
                start = nil
            } else if !isSpace, start == nil {
                start = i
            }
        }
        return result
    }

    /// `VietnamPlusVietnamPlus01/12/2025`: a doubled name, or letters glued to digits.
    /// `names` gives the capitalised words that stand alone somewhere in the document (asked only
    /// when a lower-case word runs into a capitalised one, which must be one of them).
    static func gluedWords(_ words: [(Range<Int>, String)], names: () -> Set<String>) -> [(Range<Int>, String)] {
        var found: [(Range<Int>, String)] = []
        for (index, (chunkRange, chunk)) in words.enumerated() {
            // Cheap test first: a glued chunk has a digit, or a capital letter after its first character.
            let utf8 = chunk.utf8
            guard utf8.count >= 5,
                utf8.dropFirst().contains(where: { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0xC3 }),
                chunk.unicodeScalars.dropFirst().contains(where: {
                    $0.isUppercaseLetter || ($0.value < 0x80 ? (0x30...0x39).contains($0.value) : $0.properties.numericType != nil)
                })
            else { continue }
            let letters = chunk.prefix { $0.isLetter }
            guard letters.count >= 4 else { continue }
            let rest = chunk.dropFirst(letters.count)
            let hasLowercase = letters.contains { $0.isLowercase }
            // A name written twice in a row: "VietnamPlusVietnamPlus".
            let half = letters.count / 2
            let doubled = letters.count.isMultiple(of: 2) && letters.prefix(half) == letters.suffix(half) && letters.first!.isUppercase
            // Letters run into digits: "VietnamPlus01/12/2025" (not "MH17", "CO2", "COVID19").
            let gluedToDigits = hasLowercase && rest.first?.isNumber == true && letters.last!.isLowercase
            let next = index + 1 < words.count ? words[index + 1].1 : nil
            let gluedToKnownName = gluedName(in: chunk, nextWord: next).map { names().contains($0) } ?? false
            if doubled || gluedToDigits || gluedToKnownName {
                found.append((chunkRange, "'\(chunk)' runs words together"))
            }
        }
        return found
    }

    /// The capitalised word a lower-case word runs into: `Hanoi` in `hovedstadenHanoi`, `Kuala` in
    /// `iKuala Lumpur` (a word of two letters or more before an upper-case letter and a lower-case
    /// one, or the preposition `i` before a name of several words: one-word `iTromsø`, `iPhone` are
    /// names themselves); nil for `eBay`, `kWh`, `pH`, `mRNA`.
    static func gluedName(in chunk: String, nextWord: String?) -> String? {
        let letters = Array(chunk.prefix { $0.isLetter || $0 == "-" })
        guard let first = letters.first, first.isLowercase else { return nil }
        var k = 1
        while k + 1 < letters.count {
            if letters[k - 1].isLowercase, letters[k].isUppercase, letters[k + 1].isLowercase {
                let before = String(letters[..<k])
                let name = String(letters[k...].prefix { $0.isLetter })
                if before.count >= 2, before.allSatisfy({ $0.isLowercase || $0 == "-" }) { return name }
                if before == "i", letters.count == chunk.count, nextWord?.first?.isUppercase == true { return name }
                return nil
            }
            k += 1
        }
        return nil
    }

    /// Capitalised words that stand alone among `words` (`Hanoi`, `Kuala`): the names a glued word
    /// may hide.
    static func standaloneNames(in words: some Sequence<String>) -> Set<String> {
        var names = Set<String>()
        for chunk in words {
            guard chunk.utf8.first.map({ $0 >= 0x80 || !(0x61...0x7A).contains($0) }) == true else { continue }
            let word = chunk.trimmed(",.;:()«»\"'!?")
            guard let first = word.first, first.isUppercase, word.dropFirst().allSatisfy(\.isLowercase) else { continue }
            names.insert(word)
        }
        return names
    }

    /// Words disguised by invisible characters (`GeneralsekretærLa\u{200D}ms`: a zero-width joiner,
    /// space or non-joiner, a word joiner, a byte order mark or a bidirectional control between two
    /// letters) or by letters of another script (`Gеneralsekretær` with a Cyrillic `е`): a reader
    /// sees a word that search, spell checking and the glossary do not.
    static func disguisedWords(_ words: [(Range<Int>, String)]) -> [(rule: String, range: Range<Int>, message: String)] {
        var found: [(String, Range<Int>, String)] = []
        // Both need a letter beyond Latin (Greek, Cyrillic: from U+0370) or an invisible character
        // (from U+061C); Vietnamese letters in U+1E00-U+1EFF are Latin.
        for (chunkRange, wholeChunk) in words
        where wholeChunk.utf8.contains(where: { $0 >= 0xCD })
            && wholeChunk.unicodeScalars.contains(where: { $0.value >= 0x370 && !(0x1E00...0x1EFF).contains($0.value) })
        {
            // The word without the punctuation around it (`Hаnoi.` is the word `Hаnoi`).
            let (chunk, lead, trail) = withoutEdgePunctuation(wholeChunk)
            guard !chunk.isEmpty else { continue }
            let chunkRange = (chunkRange.lowerBound + lead)..<(chunkRange.upperBound - trail)
            let scalars = Array(chunk.unicodeScalars)
            let isLetter = { (k: Int) in k >= 0 && k < scalars.count && (scalars[k].properties.isAlphabetic) }
            if let hidden = scalars.indices.first(where: { isInvisible(scalars[$0]) && isLetter($0 - 1) && isLetter($0 + 1) }) {
                let code = String(scalars[hidden].value, radix: 16, uppercase: true)
                found.append(("invisible-character", chunkRange, "an invisible character (U+\(code)) inside the word"))
            }
            // Per part between hyphens and slashes: `β-blokkere`, `Kyiv/Київ` are two words each.
            let mixed = chunk.split(whereSeparator: { $0 == "-" || $0 == "/" }).contains { part in
                Set(part.unicodeScalars.compactMap(Script.init)).count > 1
            }
            if mixed {
                let scripts = Set(scalars.compactMap(Script.init))
                let names = scripts.map(\.rawValue).sorted().joined(separator: " and ")
                found.append(("mixed-script", chunkRange, "'\(chunk)' mixes \(names) letters; one may be a look-alike"))
            }
        }
        return found
    }

    /// `text` without leading and trailing punctuation, with the bytes cut at each end.
    static func withoutEdgePunctuation(_ text: String) -> (String, lead: Int, trail: Int) {
        let isPunctuation = { (scalar: Unicode.Scalar) in
            switch scalar.properties.generalCategory {
            case .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation, .dashPunctuation: true
            default: false
            }
        }
        let scalars = text.unicodeScalars
        let lead = scalars.prefix(while: isPunctuation)
        let rest = scalars.dropFirst(lead.count)
        let trail = rest.reversed().prefix(while: isPunctuation)
        let word = String(String.UnicodeScalarView(rest.dropLast(trail.count)))
        return (word, lead.reduce(0) { $0 + String($1).utf8.count }, trail.reduce(0) { $0 + String($1).utf8.count })
    }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x2060, 0xFEFF, 0x061C, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The alphabets whose letters look alike.
    private enum Script: String {
        case latin = "Latin", cyrillic = "Cyrillic", greek = "Greek"

        init?(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF: self = .latin
            case 0x370...0x3FF, 0x1F00...0x1FFF: self = .greek
            case 0x400...0x52F: self = .cyrillic
            default: return nil
            }
        }
    }

    // The rules read Norwegian translations of Vietnamese: what they know of the languages, read once.
    private static let norwegianMonths = Language(code: "nb").monthNames
    private static let vietnameseFunctionWords = Language(code: "vi").functionWords
    private static let norwegianFunctionWords = Language(code: "nb").functionWords
    private static let englishFunctionWords = Language(code: "en").functionWords
    /// The function words of up to eight ASCII letters, packed (`packedLowercase`): looked up
    /// without building a string for every short word of a page.
    private static let packedEnglish = Set(englishFunctionWords.compactMap { packedLowercase($0.utf8) })
    private static let packedNorwegian = Set(norwegianFunctionWords.compactMap { packedLowercase($0.utf8) })

    /// Up to eight ASCII letters in lower case as one integer (a byte each), or nil for anything else.
    static func packedLowercase(_ letters: some Collection<UInt8>) -> UInt64? {
        guard letters.count <= 8 else { return nil }
        var packed: UInt64 = 0
        for byte in letters {
            guard isASCIILetter(byte) else { return nil }
            packed = packed << 8 | UInt64(byte | 0x20)
        }
        return packed
    }
    /// Endings of nouns for people and bodies that follow a genitive in news text; no verb ends so.
    private static let genitiveHeads = Language(code: "nb").genitiveHeads

    /// Dates like `01/12/2025`, with the Norwegian form as suggestion.
    static func foreignDates(in document: Document, _ range: Range<Int>) -> [(Range<Int>, String)] {
        let months = norwegianMonths
        var found: [(Range<Int>, String)] = []
        let bytes = document.bytes[range]
        guard bytes.contains(UInt8(ascii: "/")) else { return [] }
        let text = document.text(range)
        let base = range.lowerBound
        for match in text.matches(of: LintPatterns.slashDate) {
            // Not the tail of a longer number ("101/12/2025").
            if match.range.lowerBound > text.startIndex, let before = text[..<match.range.lowerBound].last, before.isNumber || before == "/"
            {
                continue
            }
            guard let day = Int(match.1), let month = Int(match.2), (1...31).contains(day), (1...12).contains(month) else { continue }
            let start = base + text.utf8.distance(from: text.utf8.startIndex, to: match.range.lowerBound)
            let end = base + text.utf8.distance(from: text.utf8.startIndex, to: match.range.upperBound)
            found.append((start..<end, "\(day). \(months[month - 1]) \(match.3)"))
        }
        return found
    }

    /// Letters Vietnamese uses and Norwegian never does.
    static func isVietnameseOnly(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0103, 0x0102, 0x01A1, 0x01A0, 0x01B0, 0x01AF, 0x0111, 0x0110: return true  // ă ơ ư đ
        case 0x00E3, 0x00C3, 0x00F5, 0x00D5, 0x0129, 0x0128, 0x0169, 0x0168, 0x00EC, 0x00CC: return true  // ã õ ĩ ũ ì
        case 0x1EA0...0x1EF9: return true  // precomposed letters with Vietnamese tone marks
        case 0x0300, 0x0301, 0x0303, 0x0309, 0x0323: return true  // combining tone marks (decomposed input)
        default: return false
        }
    }

    /// Runs of two or more words that start with a word in letters only Vietnamese uses (a single
    /// word is often a name: Đắk); words with â, ê, ô, á, é, ... and the small words `và`, `của`, ...
    /// continue a run (`lũ quét`, `hợp tác xã`).
    static func vietnameseRuns(_ words: [(Range<Int>, String)]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var current: [Range<Int>] = []
        var vietnameseWords = 0
        func close() {
            if vietnameseWords >= 1, current.count >= 2, let first = current.first, let last = current.last {
                runs.append(first.lowerBound..<last.upperBound)
            }
            current = []
            vietnameseWords = 0
        }
        let continuing: Set<Unicode.Scalar> = ["â", "ê", "ô", "Â", "Ê", "Ô", "à", "á", "é", "è", "í", "ò", "ó", "ù", "ú", "ý"]
        for (chunkRange, chunk) in words {
            // ASCII chunks end a run, except the small words that join one ("và" is not ASCII anyway).
            guard chunk.utf8.contains(where: { $0 >= 0x80 }) else {
                close()
                continue
            }
            // Trimming takes punctuation only, never a Vietnamese letter: the chunk tells.
            if chunk.unicodeScalars.contains(where: isVietnameseOnly) {
                current.append(chunkRange)
                vietnameseWords += 1
            } else if !current.isEmpty, case let word = chunk.trimmed(",.;:()«»\""), !word.isEmpty,
                word.unicodeScalars.contains(where: continuing.contains) || Self.vietnameseFunctionWords.contains(word)
            {
                current.append(chunkRange)
            } else {
                close()
                continue
            }
            if chunk.last.map({ ",.;:)»".contains($0) }) == true { close() }
        }
        close()
        return runs
    }

    /// Sentences left in English: ten words or more (a short quote may stay English), at least four of English's function words
    /// and more than twice as many of them as of Norwegian's (names and numbers count for neither).
    /// Consecutive English sentences are one range. The word lists are tolk's own (`Language.functionWords`).
    static func englishRuns(in document: Document, _ range: Range<Int>, words chunks: [(Range<Int>, String)]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var sentenceStart: Int? = nil
        var words = 0
        var english = 0
        var norwegian = 0
        func close(at end: Int) {
            if let start = sentenceStart, words >= 10, english >= 4, english > 2 * norwegian {
                if let last = runs.last, document.bytes[last.upperBound..<start].allSatisfy({ $0 == 0x20 }) {
                    runs[runs.count - 1] = last.lowerBound..<end
                } else {
                    runs.append(start..<end)
                }
            }
            sentenceStart = nil
            words = 0
            english = 0
            norwegian = 0
        }
        for (chunkRange, chunk) in chunks {
            if sentenceStart == nil { sentenceStart = chunkRange.lowerBound }
            words += 1
            // Function words are short ASCII words: anything else counts for neither language, and
            // neither do names (`Long An`, `Can Tho`: a capital after the first word).
            let utf8 = chunk.utf8
            var first = utf8.startIndex
            var end = utf8.endIndex
            while first < end, !Self.isASCIILetter(utf8[first]) { first = utf8.index(after: first) }
            while end > first, !Self.isASCIILetter(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
            let length = utf8.distance(from: first, to: end)
            if length > 0, length <= 7, words == 1 || !(0x41...0x5A).contains(utf8[first]), let word = packedLowercase(utf8[first..<end]) {
                if packedEnglish.contains(word) { english += 1 } else if packedNorwegian.contains(word) { norwegian += 1 }
            }
            if let last = utf8.last, last == 0x2E || last == 0x21 || last == 0x3F { close(at: chunkRange.upperBound) }
        }
        close(at: range.upperBound)
        return runs
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// A name ending in -s, -x or -z used as a genitive without the apostrophe Norwegian wants:
    /// `Paris varaordfører` for `Paris' varaordfører`, `Laos generalsekretær`. The name must stand as
    /// itself elsewhere on the page (before a function word, a comma, a full stop, or a hyphen:
    /// `Paris er`, `Renesas-konsernet`), so a genitive -s (`Høyres velgere`) is not taken for one;
    /// the word after it must end like a noun for a person or body (`-fører`, `-sekretær`,
    /// `-senter`, ...), never like a verb. Returns the two words' range and the suggestion.
    static func genitivesWithoutApostrophe(_ words: [(Range<Int>, String)], names: () -> Set<String>) -> [(Range<Int>, String)] {
        var found: [(Range<Int>, String)] = []
        for (index, (wordRange, word)) in words.enumerated().dropLast() {
            // Cheap test first: the last byte, then the first.
            guard let lastByte = word.utf8.last, lastByte == 0x73 || lastByte == 0x78 || lastByte == 0x7A, word.mayStartWithCapital,
                let last = word.last, "sxz".contains(last), word.count >= 4, word.first?.isUppercase == true,
                word.dropFirst().allSatisfy({ $0.isLowercase })
            else { continue }
            let (nextRange, next) = words[index + 1]
            guard next.first?.isLowercase == true, next.allSatisfy(\.isLetter),
                genitiveHeads.contains(where: { next.hasSuffix($0) && next.count >= $0.count }),
                names().contains(word)
            else { continue }
            found.append((wordRange.lowerBound..<nextRange.upperBound, "\(word)' \(next)"))
        }
        return found
    }

    /// Capitalised words ending in -s, -x or -z that stand as themselves somewhere in `words`:
    /// before a function word, punctuation or a hyphen (`Paris er`, `Laos,`, `Renesas-konsernet`).
    static func namesEndingInS(in words: some Sequence<String>) -> Set<String> {
        var names = Set<String>()
        func consider(_ chunk: String, before following: String?) {
            guard chunk.mayStartWithCapital, chunk.utf8.contains(where: { $0 == 0x73 || $0 == 0x78 || $0 == 0x7A }) else { return }
            let bare = chunk.prefix { $0.isLetter }
            guard let last = bare.last, "sxz".contains(last), bare.first?.isUppercase == true else { return }
            let rest = chunk.dropFirst(bare.count)
            if rest.first.map({ ",.;:!?-".contains($0) }) == true
                || (rest.isEmpty && norwegianFunctionWords.contains(following?.lowercased() ?? ""))
            {
                names.insert(String(bare))
            }
        }
        var previous: String? = nil
        for word in words {
            if let previous { consider(previous, before: word) }
            previous = word
        }
        if let previous { consider(previous, before: nil) }
        return names
    }

    /// Spacing slips: no space after a full stop, a space before a comma or full stop, doubled spaces.
    /// - Complexity: one pass over the scalars (this runs on every paragraph).
    static func spacing(in document: Document, _ range: Range<Int>) -> [(Range<Int>, String)] {
        var found: [(Range<Int>, String)] = []
        // Offsets and scalars of the range.
        var offsets: [Int] = []
        var scalars: [Unicode.Scalar] = []
        var offset = range.lowerBound
        for scalar in document.text(range).unicodeScalars {
            offsets.append(offset)
            scalars.append(scalar)
            offset += scalar.utf8.count
        }
        offsets.append(range.upperBound)
        let count = scalars.count
        func isLower(_ k: Int) -> Bool { k >= 0 && k < count && scalars[k].properties.isLowercase }
        func isUpper(_ k: Int) -> Bool { k >= 0 && k < count && scalars[k].properties.isUppercase }
        func isLetter(_ k: Int) -> Bool { k >= 0 && k < count && scalars[k].properties.isAlphabetic }
        func isSpace(_ k: Int) -> Bool { k >= count || scalars[k] == " " || scalars[k] == "\n" || scalars[k] == "\r" || scalars[k] == "\t" }
        for k in 0..<count {
            switch scalars[k] {
            case ".":
                // "dag.Han": two lower-case letters, a full stop, a capitalised word ("Dagbladet.no", "D.C" pass).
                if isLower(k - 1), isLower(k - 2), isUpper(k + 1), isLower(k + 2) {
                    var end = k + 1
                    while end < count, isLetter(end) { end += 1 }
                    found.append((offsets[k - 2]..<offsets[end], "no space after the full stop"))
                }
                fallthrough
            case ",":
                if k >= 2, scalars[k - 1] == " ", isLetter(k - 2), isSpace(k + 1) {
                    found.append((offsets[k - 2]..<offsets[k + 1], "space before a punctuation mark"))
                }
            case " ":
                if k >= 1, k + 2 < count, scalars[k + 1] == " ", !isSpace(k - 1) {
                    var end = k + 1
                    while end < count, scalars[end] == " " { end += 1 }
                    if end < count, !isSpace(end) { found.append((offsets[k - 1]..<offsets[end + 1], "doubled space")) }
                }
            default:
                break
            }
        }
        return found
    }

    /// Pairs (later, earlier) of units whose word pairs overlap by 80 % or more of the smaller
    /// (lede and body paragraphs of eight words or more; headlines and captions may echo the text).
    /// Earlier units are found through an index from word pair to the units holding it, so a long
    /// text costs time in proportion to its length; a word pair remembers its first
    /// `holdersPerPair` units only.
    static func repeatedParagraphs(_ units: [ArticleElement]) -> [(Int, Int)] {
        let holdersPerPair = 16
        var sizes: [Int] = []
        // The units holding each word pair, at most `holdersPerPair`: the first apart (most pairs
        // occur once, and need no array of their own), the others after it.
        var firstHolder: [Int: Int] = [:]
        var laterHolders: [Int: [Int]] = [:]
        var pairs: [(Int, Int)] = []
        for (index, unit) in units.enumerated() {
            guard unit.kind == .lede || unit.kind == .paragraph else {
                sizes.append(0)
                continue
            }
            // Words hashed straight from the lower-cased bytes (runs of ASCII letters and digits, and
            // of non-ASCII bytes), then consecutive pairs: no strings are built.
            var wordHashes: [UInt64] = []
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var inWord = false
            func add(_ byte: UInt8) {
                if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80 {
                    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                    inWord = true
                } else if inWord {
                    wordHashes.append(hash)
                    hash = 0xcbf2_9ce4_8422_2325
                    inWord = false
                }
            }
            // Lower case without building the lower-cased text: ASCII from the value, other capitals by their mapping.
            for scalar in unit.text.unicodeScalars {
                if scalar.value < 0x80 {
                    add(UInt8(scalar.value) | ((0x41...0x5A).contains(scalar.value) ? 0x20 : 0))
                } else if scalar.properties.isUppercase {
                    for byte in scalar.properties.lowercaseMapping.utf8 { add(byte) }
                } else {
                    for byte in scalar.utf8 { add(byte) }
                }
            }
            if inWord { wordHashes.append(hash) }
            let set: Set<Int> =
                wordHashes.count >= 8 ? Set(zip(wordHashes, wordHashes.dropFirst()).map { Int(truncatingIfNeeded: $0 &* 31 &+ $1) }) : []
            var shared: [Int: Int] = [:]
            // A unit's pairs are distinct, so each pair counts the earlier units and then takes
            // this one in.
            for pair in set {
                guard let first = firstHolder[pair] else {
                    firstHolder[pair] = index
                    continue
                }
                shared[first, default: 0] += 1
                var holders = 1
                if let later = laterHolders[pair] {
                    for earlier in later { shared[earlier, default: 0] += 1 }
                    holders += later.count
                }
                if holders < holdersPerPair { laterHolders[pair, default: []].append(index) }
            }
            let earliest = shared.filter { Double($0.value) / Double(min(sizes[$0.key], set.count)) >= 0.8 }.keys.min()
            if let earliest { pairs.append((index, earliest)) }
            sizes.append(set.count)
        }
        return pairs
    }
}

/// Numbers and dates with their places, read in each language's conventions.
enum NumberRules {
    static func anchors(_ text: String, language: String) -> Set<String> {
        var anchors = Set<String>()
        AnchorScanner.scanNumbers(text, language: language, into: &anchors, scaling: true)
        return anchors
    }

    /// Whether a number of the translation is absent from the source: a date by its day and month
    /// or its month and year (the year alone does not save `2. desember 2025` against `1/12/2025`,
    /// nor `august 2025` against `tháng 9/2025`), anything else by any form.
    static func differs(_ anchors: Set<String>, from source: Set<String>) -> Bool {
        let days = anchors.filter { $0.hasPrefix("d:") }
        if !days.isEmpty { return days.isDisjoint(with: source) }
        let months = anchors.filter { $0.hasPrefix("m:") }
        return months.isEmpty ? anchors.isDisjoint(with: source) : months.isDisjoint(with: source)
    }

    /// Each number written with digits in `range` (a date with its month name and year), with its anchors.
    static func numbers(in document: Document, _ range: Range<Int>, language: String) throws -> [(Range<Int>, Set<String>)] {
        let text = document.text(range)
        // Only text with a digit holds a number: most paragraphs are passed without running the
        // pattern. Its `\d` is `Character.isNumber`, the numeric type of a character's first scalar,
        // so a search of the scalars finds every such character (ASCII: the digits only).
        let hasDigit = text.unicodeScalars.contains { $0.isASCII ? (0x30...0x39).contains($0.value) : $0.properties.numericType != nil }
        guard hasDigit else { return [] }
        var result: [(Range<Int>, Set<String>)] = []
        let base = range.lowerBound
        for match in text.matches(of: LintPatterns.number) {
            // A month name before a year belongs to it: `august 2025` (read backwards by hand: a
            // pattern search of the text before each number was quadratic in a long paragraph).
            var lower = match.range.lowerBound
            var wordEnd = lower
            while wordEnd > text.startIndex, [" ", "\u{00A0}"].contains(text[text.index(before: wordEnd)]) {
                wordEnd = text.index(before: wordEnd)
            }
            var wordStart = wordEnd
            while wordStart > text.startIndex, text[text.index(before: wordStart)].isLetter,
                text.distance(from: wordStart, to: wordEnd) < 12
            {
                wordStart = text.index(before: wordStart)
            }
            if wordEnd < lower, wordStart < wordEnd, AnchorScanner.month(named: text[wordStart..<wordEnd]) != nil { lower = wordStart }
            let range = lower..<match.range.upperBound
            var anchors = self.anchors(String(text[range]), language: language)
            // A trailing ordinal without a month stays a plain number.
            if anchors.isEmpty { continue }
            anchors.subtract(["n:0"])
            let start = base + text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
            let end = base + text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound)
            result.append((start..<end, anchors))
        }
        return result
    }
}

/// Regular expressions, compiled once (a literal in a function is parsed again on every call).
enum LintPatterns {
    // Regex values are immutable once built; `nonisolated(unsafe)` because Regex is not Sendable.
    nonisolated(unsafe) static let slashDate = /(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d\/])/
    nonisolated(unsafe) static let number = /\d+(?:[.,\/\u{00A0} ]\d+)*(?:\.\s+\p{L}+(?:\s+\d{4})?)?/
}
