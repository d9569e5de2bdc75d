extension LanguageData {
    /// Vietnamese: ICU gives syllables (the word model joins them); these are the titles and place prefixes that
    /// Vietnamese news text abbreviates with a dot.
    static let vietnamese = """
        [rules]
        syllable-words
        terminal-sentences
        hyphen-compounds          # GD-ĐT, 23-3, knock-out (UD VTB writes them as one token)
        slash-dates               # 5/10/2000

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
