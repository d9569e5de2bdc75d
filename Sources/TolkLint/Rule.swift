import TolkText

/// A lint rule as data: its id, what it finds, why, how severe by default, and examples that must
/// (and must not) trigger it. The examples are run as tests.
public struct Rule: Sendable, Hashable {
    public let id: String
    public let summary: String
    public let rationale: String
    /// nil: off unless a configuration turns it on.
    public let defaultSeverity: Finding.Severity?
    /// Whether the rule needs the source article.
    public let needsSource: Bool
    /// Whether the rule needs a glossary.
    public let needsGlossary: Bool
    /// Norwegian text in which the rule fires, and text in which it must not.
    public let triggering: [String]
    public let nonTriggering: [String]
}

extension Rule {
    /// Every rule tolk knows, in the order `tolk rules` lists them.
    public static let all: [Rule] = [
        Rule(
            id: "glued-words", summary: "Two words run together, such as a site name doubled and glued to a date.",
            rationale:
                "Scrapers and machine translation glue tokens (`VietnamPlusVietnamPlus01/12/2025`, `hovedstadenHanoi`). Real names in CamelCase (`VietnamPlus`, `McDonald`, `iPhone`) are not flagged: only a doubled name, letters glued to digits and a lower-case word run into a capitalised one are.",
            defaultSeverity: .error, needsSource: false, needsGlossary: false,
            triggering: [
                "VietnamPlusVietnamPlus01/12/2025", "Skrevet av NTBNTB12.03.2024 i dag.",
                "Hanoi vokser. Han kom til hovedstadenHanoi i går.",
                "Møtet i Kuala Lumpur varte to dager; det fant sted iKuala Lumpur sentrum.",
            ],
            nonTriggering: [
                "VietnamPlus melder at McDonald åpner i Hanoi.", "CO2-frie 3D-motorer og MH17.",
                "Hun kjøpte en iPhone og solgte den på eBay; 5 kWh, pH 7 og mRNA-vaksiner.",
                "Det skriver avisen iTromsø torsdag. Ordføreren i Tromsø er fornøyd.",
                "Lytt til radiOrakel i kveld: en radiostasjon i Oslo.",
            ]),
        Rule(
            id: "invisible-character",
            summary: "An invisible character inside a word: a zero-width joiner, space or non-joiner, a bidirectional control.",
            rationale:
                "`GeneralsekretærLa\u{200D}ms` looks like one word but search, spell checking and the glossary see two, so the mangled name slips through; such characters come from copy-paste and from attempts to hide text.",
            defaultSeverity: .error, needsSource: false, needsGlossary: false,
            triggering: ["GeneralsekretærLa\u{200D}ms besøkte Laos.", "Statsminis\u{200B}ter Pham Minh Chinh kom."],
            nonTriggering: ["Familien 👨\u{200D}👩\u{200D}👧 reiste til Hanoi.", "Generalsekretær To Lam besøkte Laos."]),
        Rule(
            id: "mixed-script", summary: "A word that mixes Latin, Cyrillic or Greek letters.",
            rationale:
                "A Cyrillic `е` in `Gеneralsekretær` looks Latin but is another letter: the word matches nothing in the glossary or a search. Words wholly in one script (`Москва`, `Αθήνα`) pass.",
            defaultSeverity: .error, needsSource: false, needsGlossary: false,
            triggering: ["G\u{0435}neralsekretær To Lam besøkte Laos.", "Statsminister Pham Minh Chinh i Hаnoi."],
            nonTriggering: [
                "Moskva (Москва) og Athen (Αθήνα) er hovedsteder.", "Temperaturen var 20 °C og µ-verdien lav.",
                "Bruk av β-blokkere nevnes, og Kyiv/Київ også.",
            ]),
        Rule(
            id: "foreign-date-format", summary: "A date in d/m/yyyy form in Norwegian text.",
            rationale: "Norwegian writes `1. desember 2025`; `01/12/2025` is read as January by many readers.",
            defaultSeverity: .warning, needsSource: false, needsGlossary: false,
            triggering: ["Møtet var 01/12/2025 i Hanoi."],
            nonTriggering: ["Møtet var 1. desember 2025 i Hanoi.", "Forholdet var 3/4 av alle."]),
        Rule(
            id: "untranslated", summary: "Vietnamese or English text left in the Norwegian text.",
            rationale:
                "Two or more Vietnamese words in a row (letters Norwegian never uses: ă, ơ, ư, đ, tone marks), or a sentence of ten words or more mostly in English function words (a pivot translation not carried through), are text the translation skipped.",
            defaultSeverity: .error, needsSource: false, needsGlossary: false,
            triggering: [
                "Ifølge Bộ Nông nghiệp và Môi trường steg eksporten.", "Det har ført til jordskred og lũ quét i fjellkommunene.",
                "Bedriftene må knytte bånd til hợp tác xã og bøndene.",
                "Møtet endte i går. Speaking at the meeting, the minister proposed that ASEAN uphold the spirit of self-reliance and step up its integration.",
            ],
            nonTriggering: [
                "Ifølge departementet steg eksporten i Đắk-provinsen.", "Sangen «where do we go when we die?» ble spilt for de fremmøtte.",
                "Ministeren sa at landene vil styrke samarbeidet om handel, og at det er viktig for regionen.",
                "Flomrammede provinser i sør: An Giang, Dong Thap, Long An, Tien Giang, Nghe An, Can Tho, og det er alt.",
            ]),
        Rule(
            id: "genitive-apostrophe", summary: "A name ending in -s, -x or -z used as a genitive without an apostrophe.",
            rationale:
                "Norwegian writes `Paris' varaordfører`, `Laos' generalsekretær`; without the apostrophe the name reads as the subject. Found where the page also uses the name as itself and a noun for a person or body follows.",
            defaultSeverity: .warning, needsSource: false, needsGlossary: false,
            triggering: ["Paris er vertsby. Paris varaordfører for transport talte.", "Laos og Vietnam møttes. Laos generalsekretær kom."],
            nonTriggering: [
                "Høyre vant. Høyres leder talte.", "Paris er vertsby, og Paris støtter prosjektet.",
                "Paris er vertsby. Paris' varaordfører talte.",
            ]),
        Rule(
            id: "page-chrome",
            summary: "Page furniture (the site's name line, comment counters, related-article lists, `No data`) left in the page.",
            rationale:
                "The article reader recognises chrome by labels and by lines repeated across pages; published text must not carry it. One finding per run of chrome lines, spanning the run (its end line and column are the run's last).",
            defaultSeverity: .error, needsSource: false, needsGlossary: false,
            triggering: ["Overskrift\n\nIngress.\n\nBrødtekst med nok ord til å være et avsnitt her.\n\nKommentar (0)\n\nNo data\n"],
            nonTriggering: ["Overskrift\n\nIngress.\n\nBrødtekst som nevner data og kommentarer i en setning.\n"]),
        Rule(
            id: "image-filename", summary: "An image file name left as a line of text.",
            rationale:
                "Scraped pages keep image file names above captions; a published page must not carry them.",
            defaultSeverity: .warning, needsSource: false, needsGlossary: false,
            triggering: ["Overskrift\n\nIngress.\n\nBrødtekst med nok ord til å være et avsnitt her.\n\nttxvn-to-lam-1.jpg\nBildetekst.\n"],
            nonTriggering: ["Overskrift\n\nIngress.\n\nBrødtekst om bildet.jpg-formatet her.\n"]),
        Rule(
            id: "repeated-paragraph", summary: "A paragraph that repeats an earlier one (or the lede) almost word for word.",
            rationale: "Machine-translated pages repeat the standfirst in the body or duplicate a paragraph; readers notice.",
            defaultSeverity: .warning, needsSource: false, needsGlossary: false,
            triggering: [
                "Overskrift\n\nDe to landene ble enige om å styrke samarbeidet innen forsvar og sikkerhet.\n\nDe to landene ble enige om å styrke samarbeidet innen forsvar og sikkerhet.\n"
            ],
            nonTriggering: [
                "Overskrift\n\nDe to landene ble enige om å styrke samarbeidet innen forsvar.\n\nDe to landene ble også enige om å utvide handelen og turismen.\n"
            ]),
        Rule(
            id: "spacing", summary: "No space after a full stop, a space before a comma or full stop, or doubled spaces.",
            rationale: "Typing slips that machine translation and copy-paste leave behind.",
            defaultSeverity: .warning, needsSource: false, needsGlossary: false,
            triggering: ["Han kom i går.Hun kom i dag.", "Han kom , hun gikk.", "Han  kom."],
            nonTriggering: ["Les mer på Dagbladet.no i dag.", "Se f.eks. side 4, kl. 14.00.", "Washington D.C. er stor."]),
        Rule(
            id: "number-mismatch", summary: "A number or date in the translation that its aligned source paragraph does not have.",
            rationale:
                "Changed figures are the costliest translation error in news. Numbers are compared in one form: `1.500` = `1 500`, `2,3` = `2,3`, `1/12/2025` = `1. desember 2025`, `XIV` = `14.`.",
            defaultSeverity: .error, needsSource: true, needsGlossary: false, triggering: [], nonTriggering: []),
        Rule(
            id: "missing-translation", summary: "A source paragraph with no translation.",
            rationale: "The aligner finds source paragraphs that nothing in the translation renders (reported in the source file).",
            defaultSeverity: .error, needsSource: true, needsGlossary: false, triggering: [], nonTriggering: []),
        Rule(
            id: "extra-paragraph", summary: "A translated paragraph with no source.",
            rationale: "Text the source does not have: added commentary, a paragraph from another article.",
            defaultSeverity: .warning, needsSource: true, needsGlossary: false, triggering: [], nonTriggering: []),
        Rule(
            id: "source-url", summary: "The source URL line is missing or names another article.",
            rationale: "The `Kilde:` line is how readers and tolk trace a translation to its source.",
            defaultSeverity: .warning, needsSource: true, needsGlossary: false, triggering: [], nonTriggering: []),
        Rule(
            id: "glossary-forbidden", summary: "A rendering the glossary forbids.",
            rationale: "See Glossaries/vi-nb.tbx: every forbidden rendering has a note.",
            defaultSeverity: .error, needsSource: false, needsGlossary: true, triggering: [], nonTriggering: []),
        Rule(
            id: "glossary-mangled-name", summary: "A name glued to a title, cut after a title, or with one word changed.",
            rationale: "`GeneralsekretærLams`, `Generalsekretær for Lam`, `Pham Minh Kinh`.", defaultSeverity: .error, needsSource: false,
            needsGlossary: true, triggering: [], nonTriggering: []),
        Rule(
            id: "glossary-missing", summary: "A source term with no approved rendering in the translation.",
            rationale: "Reported at the source term.",
            defaultSeverity: .error, needsSource: true, needsGlossary: true, triggering: [], nonTriggering: []),
        Rule(
            id: "glossary-inconsistent", summary: "One concept rendered several ways in one article.", rationale: "Lists every place.",
            defaultSeverity: .warning, needsSource: false, needsGlossary: true, triggering: [], nonTriggering: []),
        Rule(
            id: "glossary-inconsistent-corpus", summary: "One concept rendered differently across articles.",
            rationale: "Lists every place.",
            defaultSeverity: .warning, needsSource: false, needsGlossary: true, triggering: [], nonTriggering: []),
        Rule(
            id: "glossary-case", summary: "A title capitalised mid-sentence, or a name in lower case.",
            rationale: "Norwegian press writes titles in lower case before a name: `generalsekretær To Lam`.", defaultSeverity: .warning,
            needsSource: false, needsGlossary: true, triggering: [], nonTriggering: []),
    ]

    /// The rule with `id`, if any.
    public static func named(_ id: String) -> Rule? { all.first { $0.id == id } }
}
