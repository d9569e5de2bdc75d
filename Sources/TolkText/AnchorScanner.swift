/// Finds anchors in text: numbers (`n:58.1`), dates (`d:12-01`, `y:2025`, month and year `m:12-2025`) and capitalised words
/// folded to ASCII lower case (`w:thongloun`), reading Vietnamese (`1.500`, `2,3`, `1/12/2025`) and
/// Norwegian (`1 500`, `2,3`, `1. desember 2025`) conventions (`Language.Rules.spaceThousands`,
/// `.dotThousands`). Month names and number words of every built-in language count in any text.
public enum AnchorScanner {
    /// Month numbers by the built-in languages' month names (`desember`: 12).
    private static let months: [String: Int] = Dictionary(
        Language.builtIn.flatMap { $0.monthNames.enumerated().map { ($1, $0 + 1) } }, uniquingKeysWith: { first, _ in first })
    /// Words that multiply the number before them, in the built-in languages (`nghìn`, `tusen`: 1000).
    private static let scales: [String: Double] = Dictionary(
        Language.builtIn.flatMap { $0.scaleWords.map { ($0.key, $0.value) } }, uniquingKeysWith: { first, _ in first })

    /// Adds the anchors of `text` (in `language`) to `anchors`; `fold` turns a capitalised word into
    /// its comparison key (callers cache it; the word is a slice of `text`, so a cache keeps a copy).
    /// With `scaling`, a number before a number word gets its scaled value too (`10 nghìn`: `n:10`
    /// and `n:10000`), for comparing numbers one by one; the aligner and pairing, which weigh every
    /// shared anchor, leave it off.
    public static func scan(
        _ text: String, language: String, into anchors: inout Set<String>, scaling: Bool = false,
        fold: (Substring) throws(ICUError) -> String
    ) throws(ICUError) {
        try scan(text, language: language, into: &anchors, scaling: scaling, keepingWords: true, fold: fold)
    }

    /// Adds the numbers and dates of `text` to `anchors` (Roman numerals included), not its words.
    public static func scanNumbers(_ text: String, language: String, into anchors: inout Set<String>, scaling: Bool = false) {
        // Without words to fold nothing can throw.
        try? scan(text, language: language, into: &anchors, scaling: scaling, keepingWords: false) { _ in "" }
    }

    private static func scan(
        _ text: String, language: String, into anchors: inout Set<String>, scaling: Bool, keepingWords: Bool,
        fold: (Substring) throws(ICUError) -> String
    ) throws(ICUError) {
        // Each scalar and, when words are kept, where it starts in the UTF-8 (a word is then cut
        // from the text, not built scalar by scalar).
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var copy = text
        copy.withUTF8 { bytes in
            scalars.reserveCapacity(bytes.count)
            if keepingWords { offsets.reserveCapacity(bytes.count + 1) }
            var offset = 0
            while offset < bytes.count {
                let (scalar, length) = UTF8Validation.decode(bytes, at: offset)
                scalars.append(scalar)
                if keepingWords { offsets.append(offset) }
                offset += length
            }
            if keepingWords { offsets.append(offset) }
        }
        let rules = Language.rules(forCode: language)
        var i = 0
        var previousName: String? = nil
        var previousNameEnd = -2
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar.isASCII, !(("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)) {
                // ASCII spaces and punctuation: nothing to look up.
                i += 1
            } else if ("0"..."9").contains(scalar) {
                // Only ASCII digits make numbers (`number` reads no others, so another decimal digit
                // such as N'Ko ߉ would never be consumed).
                i = number(scalars, from: i, rules: rules, scaling: scaling, into: &anchors)
            } else if scalar.isAlphabeticLetter {
                var end = i
                while end < scalars.count,
                    scalars[end].isAlphabeticLetter || (!scalars[end].isASCII && scalars[end].properties.generalCategory == .nonspacingMark)
                {
                    end += 1
                }
                // Capitalised words and acronyms survive translation (sentence starts are kept too:
                // IDF discounts them), and so do names written in syllables: "Hà Nội" ~ "Hanoi".
                if scalar.isUppercaseLetter {
                    // Roman numerals number congresses and terms: "Đại hội XIV" ~ "14. kongress".
                    if let value = romanValue(scalars[i..<end]) { anchors.insert("n:\(value)") }
                    guard keepingWords else {
                        i = end
                        continue
                    }
                    let start = text.utf8.index(text.utf8.startIndex, offsetBy: offsets[i])
                    let key = try fold(text[start..<text.utf8.index(start, offsetBy: offsets[end] - offsets[i])])
                    if end - i >= 3 { anchors.insert("w:" + key) }
                    if let previous = previousName, previousNameEnd == i - 1 { anchors.insert("w:" + previous + key) }
                    previousName = key
                    previousNameEnd = end
                } else {
                    previousName = nil
                }
                i = end
            } else {
                i += 1
            }
        }
    }

    /// The value of an upper-case Roman numeral of two or more letters up to 100 (`XIII` -> 13), or nil.
    static func romanValue(_ word: ArraySlice<Unicode.Scalar>) -> Int? {
        guard word.count >= 2, word.count <= 8 else { return nil }
        // A letter counts negative before a greater one (`IX`).
        var total = 0
        var previous = 0
        for letter in word {
            let value: Int
            switch letter {
            case "I": value = 1
            case "V": value = 5
            case "X": value = 10
            case "L": value = 50
            case "C": value = 100
            default: return nil
            }
            total += previous < value ? -previous : previous
            previous = value
        }
        total += previous
        // Only canonical spellings: converting back must give the same letters.
        guard total > 1, total <= 100, roman(total).unicodeScalars.elementsEqual(word) else { return nil }
        return total
    }

    private static func roman(_ number: Int) -> String {
        let table: [(Int, String)] = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = number
        var result = ""
        for (value, letters) in table {
            while rest >= value {
                result += letters
                rest -= value
            }
        }
        return result
    }

    /// The number of a month name of a built-in language in any case (`Desember` -> 12), or nil.
    public static func month(named name: Substring) -> Int? { months[name.lowercased()] }

    /// The month a month name just before `index` names (`desember 2025`), or nil.
    private static func monthName(before index: Int, in s: [Unicode.Scalar]) -> Int? {
        var end = index
        while end > 0, s[end - 1] == " " || s[end - 1] == "\u{00A0}" { end -= 1 }
        guard end < index else { return nil }
        var start = end
        while start > 0, s[start - 1].properties.isAlphabetic { start -= 1 }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: s[start..<end])
        return month(named: Substring(String(word)))
    }

    /// Reads the number starting at `start`, adds its anchor, returns the index after it.
    private static func number(
        _ s: [Unicode.Scalar], from start: Int, rules: Language.Rules, scaling: Bool, into anchors: inout Set<String>
    ) -> Int {
        func digit(_ k: Int) -> Bool { k < s.count && ("0"..."9").contains(s[k]) }
        var groups: [String] = []
        var separators: [Unicode.Scalar] = []
        var k = start
        while true {
            var group = ""
            while digit(k) {
                group.unicodeScalars.append(s[k])
                k += 1
            }
            groups.append(group)
            // A separator continues the number only when digits follow it.
            if k + 1 < s.count, [".", ",", "/", " ", "\u{00A0}"].contains(s[k]), digit(k + 1) {
                if s[k] == " " || s[k] == "\u{00A0}" {
                    // Thousands: exactly three digits after the space.
                    guard rules.contains(.spaceThousands) else { break }
                    var n = k + 1
                    while digit(n) { n += 1 }
                    if n - (k + 1) != 3 || group.count > 3 { break }
                }
                separators.append(s[k])
                k += 1
                continue
            }
            break
        }
        if separators.contains("/") {
            let parts = groups.compactMap { Int($0) }
            if parts.count >= 2, (1...31).contains(parts[0]), (1...12).contains(parts[1]) {
                anchors.insert("d:\(parts[1])-\(parts[0])")
                if parts.count == 3 {
                    anchors.insert("y:\(parts[2])")
                    anchors.insert("m:\(parts[1])-\(parts[2])")
                }
            } else if parts.count == 2, (1...12).contains(parts[0]), (1900...2100).contains(parts[1]) {
                // Month and year: `tháng 12/2025` ~ `desember 2025`.
                anchors.insert("m:\(parts[0])-\(parts[1])")
                anchors.insert("y:\(parts[1])")
            }
            return k
        }
        // `1. desember 2025`: an ordinal before a month name.
        if groups.count == 1, k < s.count, s[k] == ".", let day = Int(groups[0]), (1...31).contains(day) {
            var n = k + 1
            while n < s.count, s[n] == " " { n += 1 }
            var word = ""
            while n < s.count, s[n].properties.isAlphabetic {
                word.unicodeScalars.append(s[n])
                n += 1
            }
            if let month = months[word.lowercased()] {
                anchors.insert("d:\(month)-\(day)")
                return n
            }
        }
        var integer = groups[0]
        var fraction = ""
        for (index, separator) in separators.enumerated() {
            let group = groups[index + 1]
            let thousands =
                separator == " " || separator == "\u{00A0}" || (separator == "." && group.count == 3 && rules.contains(.dotThousands))
            if thousands && fraction.isEmpty {
                integer += group
            } else if fraction.isEmpty {
                fraction = group
            } else {
                break
            }
        }
        let value = fraction.isEmpty ? integer : integer + "." + fraction
        if let year = Int(value), (1900...2100).contains(year), fraction.isEmpty {
            anchors.insert("y:\(year)")
            if let month = monthName(before: start, in: s) { anchors.insert("m:\(month)-\(year)") }
        } else {
            anchors.insert("n:" + value)
        }
        // A number word after it scales it as well: `10 nghìn` ~ `10 000`, `2,4 tỷ` ~ `2,4 milliarder`.
        if scaling, let scale = scaleWord(after: k, in: s), let number = Double(value) {
            let scaled = (number * scale).rounded()
            if scaled < 1e15 { anchors.insert("n:\(Int64(scaled))") }
        }
        return k
    }

    /// The factor of a number word just after `index` (`nghìn` -> 1000), or nil; a full stop after
    /// the word (`tusen.`) does not hide it.
    private static func scaleWord(after index: Int, in s: [Unicode.Scalar]) -> Double? {
        var start = index
        while start < s.count, s[start] == " " || s[start] == "\u{00A0}" { start += 1 }
        guard start > index else { return nil }
        var end = start
        while end < s.count, s[end].properties.isAlphabetic || s[end] == "." { end += 1 }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: s[start..<end])
        let text = String(word).lowercased()
        return scales[text] ?? (text.hasSuffix(".") ? scales[String(text.dropLast())] : nil)
    }
}
