import Foundation
import Testing

/// `tokenize`, `segment`, `normalize`, `slug`, `train-vi-words` and `--version`: output, messages
/// for bad input and usage errors, exit codes.
@Suite("Text commands")
struct TextCommandTests {
    static let vietnamese = "Đảng Cộng sản Việt Nam lãnh đạo.\n"

    static let cases: [CommandLineCase] = [
        .init("version names ICU", ["--version"], exit: 0, .stdout(#"^tolk [0-9.]+ \(ICU [0-9.]+\)$"#)),
        .init(
            "tokenize the seed", ["tokenize", "--lang", "nb", seedPage], exit: 0,
            .stdout(#"^GeneralsekretærLams statsbesøk til Laos er denne gangen hans første besøk som generalsekretær \.$"#)),
        .init("conllu has newpar", ["tokenize", "--lang", "nb", "--format", "conllu", seedPage], exit: 0, .stdout("^# newpar$")),
        .init(
            "conllu SpaceAfter", ["tokenize", "--lang", "nb", "--format", "conllu", seedPage], exit: 0,
            .stdout(#"^[0-9]+\tLaos'\t_\t_\t_\t_\t_\t_\t_\t_$"#)),
        .init(
            "conllu SpaceAfter=No", ["tokenize", "--lang", "nb", "--format", "conllu", seedPage], exit: 0,
            .stdout(#"^[0-9]+\thøyest\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No$"#)),
        .init(
            "jsonl offsets", ["tokenize", "--lang", "nb", "--format", "jsonl", seedPage], exit: 0,
            .stdout(#"^\{"text":"Nền","kind":"word","start":13,"end":18,"line":1,"column":14,"sentence":1,"paragraph":1\}$"#)),
        .init(
            "stdin with -", ["tokenize", "--lang", "nb", "-"], input: "Nord-Korea kl. 14.00 i dag.\n", exit: 0,
            .stdout(#"^Nord-Korea kl\. 14\.00 i dag \.$"#)),
        .init("stdin without file", ["tokenize", "--lang", "nb"], input: "Hei.\n", exit: 0, .stdout(#"^Hei \.$"#)),
        .init(
            "CRLF input", ["tokenize", "--lang", "nb", "--format", "jsonl", "crlf.txt"],
            files: ["crlf.txt": Data("Hei\r\n\r\nNord-Korea kl. 14.00 i dag.\r\n".utf8)], exit: 0,
            .stdout(#"^\{"text":"Nord-Korea","kind":"word","start":7,"end":17,"line":3,"column":1,"#)),
        .init(
            "segment", ["segment", "--lang", "nb", seedPage], exit: 0,
            .stdout("^Generalsekretær To Lam uttrykte sin glede over å gjenoppleve det vakre landet Laos ")),
        .init(
            "segment jsonl", ["segment", "--lang", "nb", "--format", "jsonl", seedPage], exit: 0,
            .stdout(
                #"^\{"column":1,"end":48,"line":1,"paragraph":1,"start":0,"text":"Vietnam\.vn - Nền tảng quảng bá Việt Nam","tokens":8\}$"#)
        ),
        .init(
            "invalid UTF-8 names file and offset", ["tokenize", "--lang", "nb", "bad.txt"],
            files: ["bad.txt": Data(Array("Laos ".utf8) + [0xC3, 0x28] + Array(" ok\n".utf8))], exit: 2,
            .stderr(#"^tolk: error: bad\.txt: invalid UTF-8 at byte offset 5$"#)),
        .init(
            "UTF-16 is reported", ["segment", "--lang", "nb", "utf16.txt"], files: ["utf16.txt": Data([0xFF, 0xFE, 0x48, 0x00])], exit: 2,
            .stderr(
                #"^tolk: error: utf16\.txt: the file is UTF-16; tolk reads UTF-8 \(convert it, e\.g\. with iconv -f UTF-16 -t UTF-8\)$"#)),
        .init("missing file", ["tokenize", "--lang", "nb", "nope.txt"], exit: 2, .stderr(#"^tolk: error: nope\.txt: no such file$"#)),
        .init(
            "directory", ["tokenize", "--lang", "nb", "Corpora"], exit: 2,
            .stderr(#"^tolk: error: Corpora: is a directory, expected a text file$"#)),
        .init(
            "empty file gives no output", ["tokenize", "--lang", "nb", "empty.txt"], files: ["empty.txt": Data()], exit: 0, .stdout(nothing)
        ),
        .init(
            "tokenize vi gives words", ["tokenize", "--lang", "vi", "--format", "conllu"], input: vietnamese, exit: 0,
            .stdout(#"^[0-9]+\tViệt Nam\t"#)),
        .init(
            "tokenize vi --unit syllable", ["tokenize", "--lang", "vi", "--unit", "syllable"], input: vietnamese, exit: 0,
            .stdout(#"^Đảng Cộng sản Việt Nam lãnh đạo \.$"#)),
        .init(
            "tokenize vi jsonl word offsets", ["tokenize", "--lang", "vi", "--format", "jsonl"], input: vietnamese, exit: 0,
            .stdout(#"^\{"text":"Việt Nam","kind":"word","start":21,"end":31,"line":1,"column":15,"#)),
        .init(
            "tokenize --unit foo is a usage error", ["tokenize", "--lang", "vi", "--unit", "foo"], input: vietnamese, exit: 2,
            .stderr(#"^Error: The value 'foo' is invalid for '--unit <unit>'\."#)),
        .init(
            "tokenize: a missing word model names the file", ["tokenize", "--lang", "vi", "--vi-model", "no-such.model"], input: vietnamese,
            exit: 2, .stderr(#"^tolk: error: no-such\.model: cannot read"#)),
        .init(
            "tokenize: a damaged word model names the file", ["tokenize", "--lang", "vi", "--vi-model", "bad.model"], input: vietnamese,
            files: ["bad.model": Data(Array("TOLKVW01".utf8) + [0x01, 0x00])], exit: 2,
            .stderr(#"^tolk: error: bad\.model: not a usable Vietnamese word model"#)),
        .init(
            "train-vi-words: a missing treebank names the file", ["train-vi-words", "--train", "nope.conllu", "--out", "m.bin"], files: [:],
            exit: 2, .stderr(#"^tolk: error: nope\.conllu: cannot read"#)),
        .init(
            "train-vi-words: not CoNLL-U", ["train-vi-words", "--train", "vi.txt", "--out", "m.bin"],
            files: ["vi.txt": Data(vietnamese.utf8)],
            exit: 2, .stderr(#"^tolk: error: vi\.txt:1: expected 10 tab-separated CoNLL-U columns, found 1$"#)),
        .init(
            "unknown option is a usage error", ["tokenize", "--lang", "nb", "--frobnicate", seedPage], exit: 2,
            .stderr("^Error: Unknown option '--frobnicate'$")),
        .init(
            "missing --lang is a usage error", ["tokenize", seedPage], exit: 2,
            .stderr("^Error: Missing expected argument '--lang <lang>'$")),
        .init("bad --lang", ["tokenize", "--lang", "n b", seedPage], exit: 2, .stderr("^Error: --lang 'n b' is not a locale id ")),
        .init(
            "unknown language uses root rules", ["tokenize", "--lang", "xx"], input: "Hello, world.\n", exit: 0,
            .stdout(#"^Hello , world \.$"#)),
        .init("normalize NFD", ["normalize", "--form", "nfd"], input: "T\u{1ED5}ng\n", exit: 0, .stdout(#"^To\u{302}\u{309}ng$"#)),
        .init(
            "normalize tones", ["normalize", "--vi-tones", "new"], input: "th\u{1EE7}y h\u{F2}a\n", exit: 0,
            .stdout(#"^thu\u{1EF7} ho\u{E0}$"#)),
        .init("slug", ["slug", "Tổng Bí thư Tô Lâm gặp TP.HCM"], exit: 0, .stdout("^tong-bi-thu-to-lam-gap-tphcm$")),
        .init(
            "slug --parse",
            [
                "slug", "--parse",
                "https://www.vietnamplus.vn/viet-nam-luon-danh-uu-tien-cao-nhat-cho-moi-quan-he-doan-ket-dac-biet-voi-lao-post1080302.vnp",
            ], exit: 0, .stdout(#""id":"1080302""#)),
        .init(
            "slug --parse without slug", ["slug", "--parse", "https://example.com/"], exit: 2,
            .stderr(#"^tolk: error: no slug found in 'https://example\.com/'$"#)),
    ]

    @Test(arguments: cases)
    func runs(_ check: CommandLineCase) throws {
        try check.verify()
    }
}
