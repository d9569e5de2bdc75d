/// Byte-level questions about tokens of one text, shared by the token and sentence rules.
struct TokenText {
    let bytes: UnsafeBufferPointer<UInt8>

    func string(_ token: Token) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]), as: UTF8.self) }
    func lowercased(_ token: Token) -> String { string(token).lowercased() }

    func isByte(_ token: Token, _ byte: UInt8) -> Bool { token.range.count == 1 && bytes[token.range.lowerBound] == byte }
    func isDot(_ token: Token) -> Bool { isByte(token, UInt8(ascii: ".")) }
    func isHyphen(_ token: Token) -> Bool { isByte(token, UInt8(ascii: "-")) }

    func firstScalar(_ token: Token) -> Unicode.Scalar { UTF8Validation.decode(bytes, at: token.range.lowerBound).0 }
    func startsLowercase(_ token: Token) -> Bool { token.kind == .word && firstScalar(token).properties.isLowercase }
    func startsUppercase(_ token: Token) -> Bool {
        let properties = firstScalar(token).properties
        return properties.isUppercase || properties.generalCategory == .titlecaseLetter
    }

    /// Whether the token is a closing quotation mark or bracket (`»`, `”`, `)`).
    func isClosingQuote(_ token: Token) -> Bool {
        guard token.kind == .punctuation else { return false }
        let category = firstScalar(token).properties.generalCategory
        return category == .finalPunctuation || category == .closePunctuation
    }

    /// Whether the token is ASCII digits only.
    func isDigits(_ token: Token) -> Bool {
        bytes[token.range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Whether the token is one upper-case letter.
    func isSingleUppercaseLetter(_ token: Token) -> Bool {
        let (scalar, length) = UTF8Validation.decode(bytes, at: token.range.lowerBound)
        return length == token.range.count && scalar.properties.isUppercase
    }

    /// The scalar right after the token, if any.
    func scalar(after token: Token) -> Unicode.Scalar? {
        token.range.upperBound < bytes.count ? UTF8Validation.decode(bytes, at: token.range.upperBound).0 : nil
    }
}

@inline(__always)
func adjacent(_ a: Token, _ b: Token) -> Bool { a.range.upperBound == b.range.lowerBound }

/// Joins ICU's word pieces into the tokens a language expects (see `Language.Rule`).
struct TokenMerger {
    let text: TokenText
    let language: Language

    init(bytes: UnsafeBufferPointer<UInt8>, language: Language) {
        text = TokenText(bytes: bytes)
        self.language = language
    }

    private static let coordinators: Set<String> = ["og", "eller", "samt", "and", "or", "và", "hoặc", ","]

    /// Merges `tokens[first...]` in place.
    func merge(_ tokens: inout [Token], from first: Int) {
        // Merging only shrinks, so the result is written over the input as it is read.
        var written = first
        let rules = language.rules
        var i = first
        while i < tokens.count {
            var token = tokens[i]
            var next = i + 1
            func take(_ count: Int, kind: Token.Kind? = nil) {
                let last = tokens[next + count - 1]
                token = Token(range: token.range.lowerBound..<last.range.upperBound, kind: kind ?? token.kind)
                next += count
            }
            func follows(_ offset: Int, where predicate: (Token) -> Bool) -> Bool {
                next + offset < tokens.count && predicate(tokens[next + offset])
            }
            if text.isDot(token) {
                while follows(0, where: { text.isDot($0) && adjacent(token, $0) }) { take(1) }
            } else if token.kind == .word || token.kind == .number {
                if rules.contains(.slashDates), token.kind == .number {
                    while follows(0, where: { text.isByte($0, UInt8(ascii: "/")) && adjacent(token, $0) }),
                        follows(1, where: { $0.kind == .number && adjacent(tokens[next], $0) })
                    {
                        take(2)
                    }
                }
                if rules.contains(.hyphenCompounds) {
                    while follows(0, where: { text.isHyphen($0) && adjacent(token, $0) }),
                        follows(1, where: { ($0.kind == .word || $0.kind == .number) && adjacent(tokens[next], $0) })
                    {
                        let kind: Token.Kind = token.kind == .number && tokens[next + 1].kind == .number ? .number : .word
                        take(2, kind: kind)
                    }
                    // `skatte- og avgiftspolitikk`
                    if follows(0, where: { text.isHyphen($0) && adjacent(token, $0) }),
                        follows(1, where: { !adjacent(tokens[next], $0) && Self.coordinators.contains(text.lowercased($0)) })
                    {
                        take(1, kind: .word)
                    }
                }
                if follows(0, where: { text.isDot($0) && adjacent(token, $0) }) {
                    let dotted = text.lowercased(token) + "."
                    if token.kind == .word, language.isAbbreviation(dotted) {
                        take(1)
                    } else if rules.contains(.ordinals), token.kind == .number, text.isDigits(token),
                        follows(
                            1,
                            where: {
                                !adjacent(tokens[next], $0) && (text.startsLowercase($0) || language.months.contains(text.lowercased($0)))
                            })
                    {
                        take(1)
                    } else if rules.contains(.initials), token.kind == .word, text.isSingleUppercaseLetter(token),
                        follows(1, where: { !adjacent(tokens[next], $0) && $0.kind == .word && text.startsUppercase($0) })
                    {
                        take(1)
                    }
                } else if rules.contains(.genitiveApostrophe), token.kind == .word,
                    let last = token.range.last.map({ text.bytes[$0] | 0x20 }),
                    last == UInt8(ascii: "s") || last == UInt8(ascii: "x") || last == UInt8(ascii: "z"),
                    follows(0, where: { adjacent(token, $0) && (text.isByte($0, UInt8(ascii: "'")) || text.string($0) == "’") })
                {
                    let after = text.scalar(after: tokens[next])
                    if after == nil || !(after!.properties.isAlphabetic || after!.properties.numericType != nil) { take(1) }
                }
            } else if rules.contains(.hyphenCompounds), text.isHyphen(token), written > first, case let previous = tokens[written - 1],
                !adjacent(previous, token), Self.coordinators.contains(text.lowercased(previous)),
                follows(0, where: { $0.kind == .word && adjacent(token, $0) })
            {
                // `data- og -spill`
                take(1, kind: .word)
            }
            tokens[written] = token
            written += 1
            i = next
        }
        tokens.removeSubrange(written...)
    }
}

/// Decides where sentences start inside one paragraph, from ICU's sentence boundaries and the
/// language's rules.
struct SentenceRules {
    let text: TokenText
    let language: Language
    let tokens: [Token]
    let paragraphTokens: Range<Int>

    init(bytes: UnsafeBufferPointer<UInt8>, language: Language, tokens: [Token], paragraphTokens: Range<Int>) {
        text = TokenText(bytes: bytes)
        self.language = language
        self.tokens = tokens
        self.paragraphTokens = paragraphTokens
    }

    /// Indices of the first token of each sentence, in order; the first is the paragraph's first token.
    func sentenceStarts(icuBoundaries: [Breaker.Boundary]) -> [Int] {
        var starts = [paragraphTokens.lowerBound]
        var k = paragraphTokens.lowerBound
        for boundary in icuBoundaries.lazy.map(\.offset) {
            while k < paragraphTokens.upperBound, tokens[k].range.lowerBound < boundary { k += 1 }
            guard k < paragraphTokens.upperBound else { break }
            if k == starts.last! || tokens[k - 1].range.upperBound > boundary { continue }  // inside a merged token
            // Closing quotes stay with the sentence they close.
            var start = k
            while start < paragraphTokens.upperBound, adjacent(tokens[start - 1], tokens[start]), text.isClosingQuote(tokens[start]) {
                start += 1
            }
            guard start < paragraphTokens.upperBound else { break }
            // After an abbreviation, ordinal or initial, or before a lower-case word, the sentence goes on.
            if continuesSentence(after: tokens[start - 1]) || text.startsLowercase(tokens[start]) { continue }
            starts.append(start)
        }
        let rules = language.rules
        if rules.contains(.dialogueDash) || rules.contains(.colonSentences) {
            let bytes = text.bytes
            for k in paragraphTokens.dropFirst() {
                // Cheap byte checks first: only a token after a colon or a dash token can qualify.
                let afterColon = bytes[tokens[k - 1].range.lowerBound] == UInt8(ascii: ":")
                let lead = bytes[tokens[k].range.lowerBound]
                let isDash = lead == UInt8(ascii: "-") || lead == 0xE2
                guard afterColon || isDash else { continue }
                guard
                    (rules.contains(.dialogueDash) && isDash && opensReply(at: k))
                        || (rules.contains(.colonSentences) && afterColon && followsColon(k))
                else { continue }
                if !starts.contains(k) { starts.append(k) }
            }
            starts.sort()
        }
        return starts
    }

    private func continuesSentence(after token: Token) -> Bool {
        guard token.range.count > 1, text.bytes[token.range.upperBound - 1] == UInt8(ascii: ".") else { return false }
        let lowered = text.lowercased(token)
        if language.abbreviations.contains(lowered) { return true }
        let body = Token(range: token.range.lowerBound..<token.range.upperBound - 1, kind: token.kind)
        if language.rules.contains(.ordinals), token.kind == .number, text.isDigits(body) { return true }
        if language.rules.contains(.initials), text.isSingleUppercaseLetter(body) { return true }
        return false
    }

    private static let dashes: Set<String> = ["-", "–", "—"]
    private static let openers: Set<String> = ["-", "–", "—", "«", "\"", "\u{201C}", "\u{201E}"]

    /// `jeg spør: Er det ...`: a colon, a space, then a capitalised word or an opening quote or dash.
    private func followsColon(_ k: Int) -> Bool {
        let previous = tokens[k - 1]
        let token = tokens[k]
        guard text.isByte(previous, UInt8(ascii: ":")), !adjacent(previous, token) else { return false }
        return (token.kind == .word && text.startsUppercase(token))
            || (token.kind == .punctuation && Self.openers.contains(text.string(token)))
    }
    private static let terminals: Set<String> = [".", "!", "?", "…", "...", "»", "\u{201D}", "\""]

    /// `onsdag. - Vi ...`: a dash after a sentence end, followed by a capitalised word.
    private func opensReply(at k: Int) -> Bool {
        let dash = tokens[k]
        guard dash.kind == .punctuation, Self.dashes.contains(text.string(dash)) else { return false }
        let previous = tokens[k - 1]
        guard !adjacent(previous, dash), Self.terminals.contains(text.string(previous)) else { return false }
        guard k + 1 < paragraphTokens.upperBound else { return false }
        let next = tokens[k + 1]
        return !adjacent(dash, next) && next.kind == .word && text.startsUppercase(next)
    }
}
