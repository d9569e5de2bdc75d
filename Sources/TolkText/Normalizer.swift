import CICUShim

/// Rewrites text for matching (Unicode forms, Vietnamese tone placement, look-alike letters, case
/// and diacritic folding) without losing the way back: the result carries an `OffsetMap` to the
/// original, so a match in normalised text can be reported where the user wrote it.
public struct Normalizer: Sendable {
    /// A Unicode normalisation form.
    public enum Form: String, Sendable, CaseIterable {
        case nfc, nfd, nfkc, nfkd

        var icuValue: Int32 {
            switch self {
            case .nfc: Int32(TOLK_FORM_NFC)
            case .nfd: Int32(TOLK_FORM_NFD)
            case .nfkc: Int32(TOLK_FORM_NFKC)
            case .nfkd: Int32(TOLK_FORM_NFKD)
            }
        }
    }

    /// Where Vietnamese puts the tone mark in the open syllables `oa`, `oe`, `uy`.
    public enum ToneStyle: String, Sendable, CaseIterable {
        /// On the first vowel: `hòa`, `khỏe`, `thủy`.
        case old
        /// On the second vowel: `hoà`, `khoẻ`, `thuỷ`.
        case new
    }

    public var form: Form?
    public var toneStyle: ToneStyle?
    /// Replace letters that only look Vietnamese (`Ð` U+00D0 eth, `Ɖ` U+0189) with `Đ`/`đ`.
    public var fixLookalikes: Bool
    /// Full Unicode case folding.
    public var foldCase: Bool
    /// Strip diacritics (`Tổng Bí thư` -> `Tong Bi thu`; `đ` -> `d`, `ø` -> `o`).
    public var foldDiacritics: Bool

    public init(
        form: Form? = .nfc, toneStyle: ToneStyle? = nil, fixLookalikes: Bool = false, foldCase: Bool = false, foldDiacritics: Bool = false
    ) {
        self.form = form
        self.toneStyle = toneStyle
        self.fixLookalikes = fixLookalikes
        self.foldCase = foldCase
        self.foldDiacritics = foldDiacritics
    }

    /// The matching key Vietnamese terms are compared by: NFC, new tone style, look-alikes fixed,
    /// case folded.
    public static let vietnameseKey = Normalizer(form: .nfc, toneStyle: .new, fixLookalikes: true, foldCase: true)

    /// The loose key any language is compared by where accents may be missing: NFC, case and
    /// diacritics folded.
    public static let foldedKey = Normalizer(form: .nfc, foldCase: true, foldDiacritics: true)

    /// Normalises `text`.
    /// - Complexity: O(n); ASCII words without case folding are copied as they are.
    public func normalize(_ text: String) throws(ICUError) -> NormalizedText {
        try Array(text.utf8).withUnsafeBufferPointer { bytes throws(ICUError) in try normalize(bytes) }
    }

    /// Normalises well-formed UTF-8 bytes.
    public func normalize(_ bytes: UnsafeBufferPointer<UInt8>) throws(ICUError) -> NormalizedText {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var edits: [OffsetMap.Edit] = []
        var i = 0
        while i < bytes.count {
            let end = Self.pieceEnd(bytes, from: i)
            let piece = UnsafeBufferPointer(rebasing: bytes[i..<end])
            let isASCII = piece.allSatisfy { $0 < 0x80 }
            if isASCII && !foldCase {
                output.append(contentsOf: piece)
            } else {
                let original = String(decoding: piece, as: UTF8.self)
                let rewritten = try rewrite(original, isASCII: isASCII)
                if rewritten.utf8.elementsEqual(original.utf8) {  // String == would ignore NFC vs NFD
                    output.append(contentsOf: piece)
                } else {
                    let start = output.count
                    output.append(contentsOf: rewritten.utf8)
                    edits.append(OffsetMap.Edit(original: i..<end, rewritten: start..<output.count))
                }
            }
            i = end
        }
        return NormalizedText(text: String(decoding: output, as: UTF8.self), map: OffsetMap(edits: edits))
    }

    /// One word (letters and marks) or one other scalar.
    private static func pieceEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let (first, length) = UTF8Validation.decode(bytes, at: start)
        guard isWordScalar(first) else { return start + length }
        var end = start + length
        while end < bytes.count {
            let (scalar, length) = UTF8Validation.decode(bytes, at: end)
            guard isWordScalar(scalar) else { break }
            end += length
        }
        return end
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }

    private func rewrite(_ piece: String, isASCII: Bool) throws(ICUError) -> String {
        if isASCII { return piece.lowercased() }  // only reached when folding case
        var text = piece
        if let form { text = try Self.icuNormalize(text, form: form) }
        if fixLookalikes { text = VietnameseLetters.fixingLookalikes(text) }
        if let toneStyle {
            // Tone placement works on precomposed letters; decomposed forms are restored after.
            let composed = form == .nfc || form == .nfkc ? text : try Self.icuNormalize(text, form: .nfc)
            if let placed = VietnameseLetters.placingTone(composed, style: toneStyle) {
                text = form == .nfd || form == .nfkd ? try Self.icuNormalize(placed, form: form!) : placed
            }
        }
        if foldCase { text = try Self.foldCase(text) }
        if foldDiacritics { text = try Self.stripDiacritics(text, recomposeAs: form == .nfd || form == .nfkd ? form! : .nfc) }
        return text
    }

    /// The length of `text` in Unicode scalars once `Normalizer(form: .nfc)` has normalised it:
    /// counted as it is when the text is NFC already (no scalar that could change, or ICU's check of
    /// the whole text says so: then each of its words is too), else after that normalisation.
    public static func nfcScalarCount(_ text: String) throws(ICUError) -> Int {
        // Below U+0300 (the first combining mark) every scalar is NFC whatever surrounds it.
        if text.utf8.allSatisfy({ $0 < 0xCC }) { return text.unicodeScalars.count }
        let source = Array(text.utf16)
        var normalized: Int32 = 0
        try ICU.check(tolk_is_normalized(Form.nfc.icuValue, source, Int32(source.count), &normalized), "checking NFC")
        return normalized == 1 ? text.unicodeScalars.count : try Normalizer(form: .nfc).normalize(text).text.unicodeScalars.count
    }

    /// Unicode normalisation of a whole string through ICU.
    static func icuNormalize(_ text: String, form: Form) throws(ICUError) -> String {
        let source = Array(text.utf16)
        let result = try ICU.fillingUTF16(estimate: source.count * 2 + 4, "normalising to \(form.rawValue.uppercased())") {
            buffer, capacity, length in
            tolk_normalize(form.icuValue, source, Int32(source.count), buffer, capacity, length)
        }
        return String(decoding: result, as: UTF16.self)
    }

    static func foldCase(_ text: String) throws(ICUError) -> String {
        let source = Array(text.utf16)
        let result = try ICU.fillingUTF16(estimate: source.count + 8, "folding case") { buffer, capacity, length in
            tolk_fold_case(source, Int32(source.count), buffer, capacity, length)
        }
        return String(decoding: result, as: UTF16.self)
    }

    private static let strokeLetters: [Unicode.Scalar: String] = [
        "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ħ": "h", "Ħ": "H",
    ]

    static func stripDiacritics(_ text: String, recomposeAs form: Form) throws(ICUError) -> String {
        var stripped = String.UnicodeScalarView()
        for scalar in try icuNormalize(text, form: .nfd).unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if let plain = strokeLetters[scalar] { stripped.append(contentsOf: plain.unicodeScalars) } else { stripped.append(scalar) }
        }
        return try icuNormalize(String(stripped), form: form)
    }
}

/// A normalised text and the way back to the original.
public struct NormalizedText: Sendable {
    public let text: String
    public let map: OffsetMap
}

/// Maps UTF-8 offsets of a rewritten text back to the original. Rewrites are recorded per word:
/// an offset inside a rewritten word maps to that word's start (or, for the end of a range, its end).
public struct OffsetMap: Sendable {
    /// One rewritten piece: `original` bytes became `rewritten` bytes.
    public struct Edit: Sendable, Hashable {
        public let original: Range<Int>
        public let rewritten: Range<Int>
    }

    /// The rewritten pieces, in order.
    public let edits: [Edit]

    /// The original offset of rewritten offset `offset`; inside an edit, its start.
    public func originalOffset(_ offset: Int) -> Int { map(offset, roundingUp: false) }

    /// The original range a rewritten range came from, widened to whole edits.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        map(range.lowerBound, roundingUp: false)..<map(range.upperBound, roundingUp: true)
    }

    private func map(_ offset: Int, roundingUp: Bool) -> Int {
        // The last edit that starts at or before `offset`.
        let low = edits.partitioningIndex { $0.rewritten.lowerBound > offset }
        guard low > 0 else { return offset }
        let edit = edits[low - 1]
        if offset >= edit.rewritten.upperBound { return edit.original.upperBound + (offset - edit.rewritten.upperBound) }
        if offset == edit.rewritten.lowerBound { return edit.original.lowerBound }
        return roundingUp ? edit.original.upperBound : edit.original.lowerBound
    }
}
