import TolkArticle
import TolkText

// The rules that read the translated page alone (helpers in `TextRules`).

/// `glued-words`.
enum GluedWords: LintRule {
    static let rule = Rule(
        id: "glued-words", summary: "Two words run together, such as a site name doubled and glued to a date.",
        rationale:
            "Scrapers and machine translation glue tokens (`VietnamPlusVietnamPlus01/12/2025`, `hovedstadenHanoi`). Real names in CamelCase (`VietnamPlus`, `McDonald`, `iPhone`) are not flagged: only a doubled name, letters glued to digits and a lower-case word run into a capitalised one are.",
        defaultSeverity: .error, needsSource: false, needsGlossary: false,
        triggering: [
            "⟦VietnamPlusVietnamPlus01/12/2025⟧", "Skrevet av ⟦NTBNTB12.03.2024⟧ i dag.",
            "Hanoi vokser. Han kom til ⟦hovedstadenHanoi⟧ i går.",
            "Møtet i Kuala Lumpur varte to dager; det fant sted ⟦iKuala⟧ Lumpur sentrum.",
        ],
        nonTriggering: [
            "VietnamPlus melder at McDonald åpner i Hanoi.", "CO2-frie 3D-motorer og MH17.",
            "Hun kjøpte en iPhone og solgte den på eBay; 5 kWh, pH 7 og mRNA-vaksiner.",
            "Det skriver avisen iTromsø torsdag. Ordføreren i Tromsø er fornøyd.",
            "Lytt til radiOrakel i kveld: en radiostasjon i Oslo.",
        ])

    static func check(_ context: LintContext) throws {
        for element in context.written {
            for (range, message) in TextRules.gluedWords(context.words(element), names: { context.standaloneNames }) {
                context.report(range, message)
            }
        }
    }
}

/// `invisible-character`.
enum InvisibleCharacter: LintRule {
    static let rule = Rule(
        id: "invisible-character",
        summary: "An invisible character inside a word: a zero-width joiner, space or non-joiner, a bidirectional control.",
        rationale:
            "`GeneralsekretærLa\u{200D}ms` looks like one word but search, spell checking and the glossary see two, so the mangled name slips through; such characters come from copy-paste and from attempts to hide text.",
        defaultSeverity: .error, needsSource: false, needsGlossary: false,
        triggering: ["⟦GeneralsekretærLa\u{200D}ms⟧ besøkte Laos.", "⟦Statsminis\u{200B}ter⟧ Pham Minh Chinh kom."],
        nonTriggering: ["Familien 👨\u{200D}👩\u{200D}👧 reiste til Hanoi.", "Generalsekretær To Lam besøkte Laos."])

    static func check(_ context: LintContext) throws {
        for (rule, range, message) in context.disguisedWords where rule == Self.rule.id { context.report(range, message) }
    }
}

/// `mixed-script`.
enum MixedScript: LintRule {
    static let rule = Rule(
        id: "mixed-script", summary: "A word that mixes Latin, Cyrillic or Greek letters.",
        rationale:
            "A Cyrillic `е` in `Gеneralsekretær` looks Latin but is another letter: the word matches nothing in the glossary or a search. Words wholly in one script (`Москва`, `Αθήνα`) pass.",
        defaultSeverity: .error, needsSource: false, needsGlossary: false,
        triggering: ["⟦G\u{0435}neralsekretær⟧ To Lam besøkte Laos.", "Statsminister Pham Minh Chinh i ⟦H\u{0430}noi⟧."],
        nonTriggering: [
            "Moskva (Москва) og Athen (Αθήνα) er hovedsteder.", "Temperaturen var 20 °C og µ-verdien lav.",
            "Bruk av β-blokkere nevnes, og Kyiv/Київ også.",
        ])

    static func check(_ context: LintContext) throws {
        for (rule, range, message) in context.disguisedWords where rule == Self.rule.id { context.report(range, message) }
    }
}

/// `foreign-date-format`.
enum ForeignDateFormat: LintRule {
    static let rule = Rule(
        id: "foreign-date-format", summary: "A date in d/m/yyyy form in Norwegian text.",
        rationale: "Norwegian writes `1. desember 2025`; `01/12/2025` is read as January by many readers.",
        defaultSeverity: .warning, needsSource: false, needsGlossary: false,
        triggering: ["Møtet var ⟦01/12/2025⟧ i Hanoi."],
        nonTriggering: ["Møtet var 1. desember 2025 i Hanoi.", "Forholdet var 3/4 av alle."])

    static func check(_ context: LintContext) throws {
        for element in context.written {
            for (range, suggestion) in TextRules.foreignDates(in: context.translation, element.range) {
                context.report(range, "date in d/m/yyyy form; Norwegian writes day, month name and year", suggestion: suggestion)
            }
        }
    }
}

/// `untranslated`.
enum Untranslated: LintRule {
    static let rule = Rule(
        id: "untranslated", summary: "Vietnamese or English text left in the Norwegian text.",
        rationale:
            "Two or more Vietnamese words in a row (letters Norwegian never uses: ă, ơ, ư, đ, tone marks), or a sentence of ten words or more mostly in English function words (a pivot translation not carried through), are text the translation skipped.",
        defaultSeverity: .error, needsSource: false, needsGlossary: false,
        triggering: [
            "Ifølge ⟦Bộ Nông nghiệp và Môi trường⟧ steg eksporten.", "Det har ført til jordskred og ⟦lũ quét⟧ i fjellkommunene.",
            "Bedriftene må knytte bånd til ⟦hợp tác xã⟧ og bøndene.",
            "Møtet endte i går. ⟦Speaking at the meeting, the minister proposed that ASEAN uphold the spirit of self-reliance and step up its integration.⟧",
        ],
        nonTriggering: [
            "Ifølge departementet steg eksporten i Đắk-provinsen.", "Sangen «where do we go when we die?» ble spilt for de fremmøtte.",
            "Ministeren sa at landene vil styrke samarbeidet om handel, og at det er viktig for regionen.",
            "Flomrammede provinser i sør: An Giang, Dong Thap, Long An, Tien Giang, Nghe An, Can Tho, og det er alt.",
        ])

    static func check(_ context: LintContext) throws {
        for unit in context.page.units {
            let words = context.words(unit)
            for range in TextRules.vietnameseRuns(words) { context.report(range, "Vietnamese text left untranslated") }
            for range in TextRules.englishRuns(in: context.translation, unit.range, words: words) {
                context.report(range, "English text left untranslated")
            }
        }
    }
}

/// `genitive-apostrophe`.
enum GenitiveApostrophe: LintRule {
    static let rule = Rule(
        id: "genitive-apostrophe", summary: "A name ending in -s, -x or -z used as a genitive without an apostrophe.",
        rationale:
            "Norwegian writes `Paris' varaordfører`, `Laos' generalsekretær`; without the apostrophe the name reads as the subject. Found where the page also uses the name as itself and a noun for a person or body follows.",
        defaultSeverity: .warning, needsSource: false, needsGlossary: false,
        triggering: ["Paris er vertsby. ⟦Paris varaordfører⟧ for transport talte.", "Laos og Vietnam møttes. ⟦Laos generalsekretær⟧ kom."],
        nonTriggering: [
            "Høyre vant. Høyres leder talte.", "Paris er vertsby, og Paris støtter prosjektet.",
            "Paris er vertsby. Paris' varaordfører talte.",
        ])

    static func check(_ context: LintContext) throws {
        for unit in context.page.units {
            for (range, suggestion) in TextRules.genitivesWithoutApostrophe(context.words(unit), names: { context.namesEndingInS }) {
                context.report(range, "a name ending in -s, -x or -z takes an apostrophe in the genitive", suggestion: suggestion)
            }
        }
    }
}

/// `page-chrome`.
enum PageChrome: LintRule {
    static let rule = Rule(
        id: "page-chrome",
        summary: "Page furniture (the site's name line, comment counters, related-article lists, `No data`) left in the page.",
        rationale:
            "The article reader recognises chrome by labels and by lines repeated across pages; published text must not carry it. One finding per run of chrome lines, spanning the run (its end line and column are the run's last).",
        defaultSeverity: .error, needsSource: false, needsGlossary: false,
        triggering: ["Overskrift\n\nIngress.\n\nBrødtekst med nok ord til å være et avsnitt her.\n\n⟦Kommentar (0)\n\nNo data⟧\n"],
        nonTriggering: ["Overskrift\n\nIngress.\n\nBrødtekst som nevner data og kommentarer i en setning.\n"])

    static func check(_ context: LintContext) throws {
        for run in context.page.chromeRuns {
            // The finding spans the run, so an editor marks every line of it.
            let lines = run.last!.start.line - run.first!.start.line + 1
            context.report(
                run.first!.range.lowerBound..<run.last!.range.upperBound,
                run.first!.kind == .site
                    ? "the site's name line left at the top of the page"
                    : "page chrome left in the page (\(run.count) block\(run.count == 1 ? "" : "s") over \(lines) line\(lines == 1 ? "" : "s") from line \(run.first!.start.line))"
            )
        }
    }
}

/// `image-filename`.
enum ImageFilename: LintRule {
    static let rule = Rule(
        id: "image-filename", summary: "An image file name left as a line of text.",
        rationale:
            "Scraped pages keep image file names above captions; a published page must not carry them.",
        defaultSeverity: .warning, needsSource: false, needsGlossary: false,
        triggering: ["Overskrift\n\nIngress.\n\nBrødtekst med nok ord til å være et avsnitt her.\n\n⟦ttxvn-to-lam-1.jpg⟧\nBildetekst.\n"],
        nonTriggering: ["Overskrift\n\nIngress.\n\nBrødtekst om bildet.jpg-formatet her.\n"])

    static func check(_ context: LintContext) throws {
        for image in context.page.elements where image.kind == .image { context.report(image.range, "image file name left as text") }
    }
}

/// `repeated-paragraph`.
enum RepeatedParagraph: LintRule {
    static let rule = Rule(
        id: "repeated-paragraph", summary: "A paragraph that repeats an earlier one (or the lede) almost word for word.",
        rationale: "Machine-translated pages repeat the standfirst in the body or duplicate a paragraph; readers notice.",
        defaultSeverity: .warning, needsSource: false, needsGlossary: false,
        triggering: [
            "Overskrift\n\nDe to landene ble enige om å styrke samarbeidet innen forsvar og sikkerhet.\n\n⟦De to landene ble enige om å styrke samarbeidet innen forsvar og sikkerhet.⟧\n"
        ],
        nonTriggering: [
            "Overskrift\n\nDe to landene ble enige om å styrke samarbeidet innen forsvar.\n\nDe to landene ble også enige om å utvide handelen og turismen.\n"
        ])

    static func check(_ context: LintContext) throws {
        let units = context.page.units
        for (later, earlier) in context.repeatedUnits {
            context.report(units[later].range, "repeats the paragraph on line \(units[earlier].start.line)")
        }
    }
}

/// `spacing`.
enum Spacing: LintRule {
    static let rule = Rule(
        id: "spacing", summary: "No space after a full stop, a space before a comma or full stop, or doubled spaces.",
        rationale: "Typing slips that machine translation and copy-paste leave behind.",
        defaultSeverity: .warning, needsSource: false, needsGlossary: false,
        triggering: ["Han kom i g⟦år.Hun⟧ kom i dag.", "Han ko⟦m ,⟧ hun gikk.", "Ha⟦n  k⟧om."],
        nonTriggering: ["Les mer på Dagbladet.no i dag.", "Se f.eks. side 4, kl. 14.00.", "Washington D.C. er stor."])

    static func check(_ context: LintContext) throws {
        for unit in context.page.units {
            for (range, message) in TextRules.spacing(in: context.translation, unit.range) { context.report(range, message) }
        }
    }
}
