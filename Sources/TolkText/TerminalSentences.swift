extension SentenceRules {
    /// Indices of the first token of each sentence for languages with `terminalSentences`
    /// (Vietnamese): a sentence ends after `.`, `!`, `?`, `...` or `…`, the closing quotes and
    /// brackets that follow, unless the next token is a lower-case word, a comma, colon, semicolon
    /// or dash (`"... đây!" - tôi hỏi`), or the dot closes an initial (`ông H.`); abbreviations such
    /// as `TP.` are single tokens and never end one. A straight quote closes when it is attached to
    /// the word before it only, opens when attached to the word after it only, and otherwise
    /// alternates with the quotes before it in the sentence.
    /// - Complexity: O(n) in the paragraph's tokens.
    func terminalSentenceStarts() -> [Int] {
        var starts = [paragraphTokens.lowerBound]
        var quoteOpen = false
        var k = paragraphTokens.lowerBound
        let end = paragraphTokens.upperBound
        while k < end {
            let token = tokens[k]
            if isStraightQuote(token) { quoteOpen = !closes(quoteAt: k, quoteOpen: quoteOpen) }
            if k > starts.last!, opensDateline(at: k) {
                starts.append(k)
                quoteOpen = false
            }
            guard isTerminal(token) else {
                k += 1
                continue
            }
            var next = k + 1
            while next < end {
                let candidate = tokens[next]
                if isTerminal(candidate) {
                    next += 1
                } else if isStraightQuote(candidate) {
                    guard closes(quoteAt: next, quoteOpen: quoteOpen) else { break }
                    quoteOpen = false
                    next += 1
                } else if text.isClosingQuote(candidate) {
                    next += 1
                } else {
                    break
                }
            }
            if next < end, !isInitial(dotAt: k), !continues(at: next) {
                starts.append(next)
                quoteOpen = false
            }
            k = next
        }
        return starts
    }

    /// `... nhập viện (TPHCM) Đang chạy`: a news dateline (one to three upper-case words in brackets,
    /// then a capitalised word) after a word starts a sentence: the headline before it has no stop.
    private func opensDateline(at k: Int) -> Bool {
        guard text.isByte(tokens[k], UInt8(ascii: "(")), tokens[k - 1].kind == .word else { return false }
        var close = k + 1
        while close < paragraphTokens.upperBound, close <= k + 3, isUpperCaseWord(tokens[close]) { close += 1 }
        guard close > k + 1, close + 1 < paragraphTokens.upperBound, text.isByte(tokens[close], UInt8(ascii: ")")) else { return false }
        let next = tokens[close + 1]
        return next.kind == .word && text.startsUppercase(next)
    }

    private func isUpperCaseWord(_ token: Token) -> Bool {
        guard token.kind == .word, token.range.count > 1 else { return false }
        return !text.string(token).unicodeScalars.contains { $0.properties.isLowercase }
    }

    private func isTerminal(_ token: Token) -> Bool {
        guard token.kind == .punctuation else { return false }
        let bytes = text.bytes[token.range]
        if bytes.elementsEqual([0xE2, 0x80, 0xA6]) { return true }  // …
        return bytes.allSatisfy { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") }
    }

    private func isStraightQuote(_ token: Token) -> Bool { text.isByte(token, UInt8(ascii: "\"")) }

    /// Whether the straight quote at `k` closes a quotation: it is attached to the token before it
    /// only, or ends the paragraph, or comes before a sentence end, comma or dash; else whether a
    /// quotation is open in this sentence.
    private func closes(quoteAt k: Int, quoteOpen: Bool) -> Bool {
        let attachedBefore = k > paragraphTokens.lowerBound && adjacent(tokens[k - 1], tokens[k])
        let attachedAfter = k + 1 < paragraphTokens.upperBound && adjacent(tokens[k], tokens[k + 1])
        if attachedBefore != attachedAfter { return attachedBefore }
        guard k + 1 < paragraphTokens.upperBound else { return true }
        let next = tokens[k + 1]
        if isTerminal(next) || (next.kind == .punctuation && Self.continuations.contains(text.string(next))) { return true }
        return quoteOpen
    }

    /// `ông H. LBKT`: a dot right after one capital letter.
    private func isInitial(dotAt k: Int) -> Bool {
        guard k > paragraphTokens.lowerBound, text.isDot(tokens[k]) else { return false }
        let previous = tokens[k - 1]
        return adjacent(previous, tokens[k]) && text.isSingleUppercaseLetter(previous)
    }

    private static let continuations: Set<String> = [",", ";", ":", "-", "–", "—"]

    /// Whether the token after a sentence end carries the sentence on.
    private func continues(at k: Int) -> Bool {
        let token = tokens[k]
        if text.startsLowercase(token) { return true }
        return token.kind == .punctuation && token.range.count <= 3 && Self.continuations.contains(text.string(token))
    }
}
