extension LanguageData {
    /// Vietnamese: ICU already gives syllables; these are the titles and place prefixes that
    /// Vietnamese news text abbreviates with a dot.
    static let vietnamese = """
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
