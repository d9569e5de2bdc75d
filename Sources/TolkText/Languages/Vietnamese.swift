extension LanguageData {
    /// Vietnamese: ICU gives syllables (the word model joins them); these are the titles and place prefixes that
    /// Vietnamese news text abbreviates with a dot.
    static let vietnamese = """
        [rules]
        syllable-words
        terminal-sentences

        [abbreviations]           # never end a sentence
        tp.
        ts.
        ths.
        pgs.
        gs.
        bs.
        ks.
        ls.
        ncs.
        cn.
        nxb.
        ubnd.
        hđnd.

        [final-abbreviations]
        v.v.
        """
}
