extension LanguageData {
    /// Norwegian (Bokmål; also used for Nynorsk). Sources: Språkrådet's list of common
    /// abbreviations and the conventions of the UD Norwegian-Bokmaal treebank.
    static let norwegian = """
        [rules]
        hyphen-compounds
        ordinals
        genitive-apostrophe
        initials
        dialogue-dash
        colon-sentences
        space-thousands           # 1 500

        [abbreviations]           # never end a sentence
        bl.a.
        f.eks.
        ca.
        kl.
        nr.
        jf.
        pga.
        iht.
        prof.
        st.
        dr.
        hr.
        fr.
        dvs.
        mht.
        vha.
        ifm.
        iflg.
        ang.
        evt.
        inkl.
        ekskl.
        eks.
        kap.
        avd.
        adm.
        dir.
        tlf.
        anm.
        journ.
        red.
        str.
        gen.sekr.
        f.v.
        t.v.
        t.h.
        o.l.
        bl.annet
        sml.
        vs.
        ev.
        i.e.
        e.l.
        f.o.m.
        t.o.m.
        e.kr.
        f.kr.
        a.s.
        jr.
        sr.
        d.y.
        d.e.

        [final-abbreviations]     # may end a sentence
        kr.
        pst.
        mill.
        mrd.
        osv.
        mv.
        m.v.
        m.fl.
        m.m.
        etc.
        o.a.

        [months]
        januar
        februar
        mars
        april
        mai
        juni
        juli
        august
        september
        oktober
        november
        desember
        jan.
        feb.
        mar.
        apr.
        jun.
        jul.
        aug.
        sep.
        sept.
        okt.
        nov.
        des.

        [scale-words]             # word factor: `10 tusen` is 10 000 too
        tusen 1e3
        million 1e6
        millioner 1e6
        mill. 1e6
        milliard 1e9
        milliarder 1e9
        mrd. 1e9
        """
}
