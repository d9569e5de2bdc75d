extension LanguageData {
    /// Vietnamese: ICU gives syllables (the word model joins them); these are the titles and place prefixes that
    /// Vietnamese news text abbreviates with a dot.
    static let vietnamese = """
        [rules]
        syllable-words
        terminal-sentences
        hyphen-compounds          # GD-ĐT, 23-3, knock-out (UD VTB writes them as one token)
        slash-dates               # 5/10/2000
        dot-thousands             # 1.500

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

        [scale-words]             # word factor: `10 nghìn` is 10 000 too
        nghìn 1e3
        ngàn 1e3
        triệu 1e6
        tỷ 1e9
        tỉ 1e9

        [function-words]          # small words inside Vietnamese text (lint follows a run of it through them)
        và
        của
        các
        cho
        với
        là
        tại
        """
}
