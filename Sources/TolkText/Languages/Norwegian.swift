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
        inflected-terms           # generalsekretæren, To Lams, Østsjøspørsmålet match their terms

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

        [noun-endings]            # any common noun: regjeringen, regjeringer, regjeringene, regjeringens
        en
        ens
        er
        ers
        ene
        enes
        et
        ets
        a
        as
        s

        [noun-endings-after]      # stem end, then the endings a noun so ending takes too
        e n ns t ts r rs ne nes   # brikken, brikker, brikkene
        er e es ne nes            # halvledere, halvlederne, lærere

        [definite-endings]        # a term given definite (departementet) inflects from its stem
        en
        et

        [adjective-endings]       # before a definite noun: strategiske partnerskapet
        e

        [genitive-endings]        # names: To Lams, Laos'
        '
        ’
        s

        [derivational-suffixes]   # make a new word of a stem, not a compound: kommunistiske, provinsielle
        ist
        isk
        iell
        ikasjon
        isme
        itet
        ering
        ell
        iser

        [title-endings]           # a title glued to a name: generalsekretærenTo Lam
        en
        er
        ene

        [genitive-heads]          # nouns for people and bodies after a genitive (Laos' generalsekretær); no verb ends so
        fører
        leder
        sekretær
        minister
        president
        direktør
        sjef
        senter
        ambassadør
        selskap
        regjering
        representant
        talsperson
        delegasjon

        [function-words]          # frequent ones, for telling Norwegian text from English (lint)
        og
        på
        til
        det
        som
        en
        er
        av
        med
        den
        har
        de
        om
        et
        ikke
        fra
        var
        vil
        skal
        seg
        sin
        sine
        sitt
        også
        etter
        ved
        mot
        blir
        ble
        kan
        denne
        dette
        disse
        eller
        men
        mellom
        over
        hadde
        være
        vært
        han
        hun
        vi
        dem
        sa
        da
        når
        hvor
        hva
        så
        nå
        enn
        i
        at
        for
        """
}
