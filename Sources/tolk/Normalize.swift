import ArgumentParser
import TolkText

/// `tolk normalize`: the input rewritten to a Unicode form, optionally with Vietnamese tone
/// placement, look-alike letters, case and diacritic folding. The input files are never changed.
struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize", abstract: "Write text in a Unicode normal form (and more) to standard output.")

    @Option(help: "Unicode normalisation form: nfc, nfd, nfkc or nfkd.")
    var form: Normalizer.Form = .nfc
    @Option(name: .customLong("vi-tones"), help: "Vietnamese tone placement in oa/oe/uy: old (hòa, thủy) or new (hoà, thuỷ).")
    var toneStyle: Normalizer.ToneStyle?
    @Flag(help: "Replace look-alikes of Vietnamese Đ/đ (Ð U+00D0, Ɖ U+0189, ð U+00F0).")
    var fixLookalikes = false
    @Flag(help: "Fold case (full Unicode case folding).")
    var foldCase = false
    @Flag(help: "Strip diacritics (Tổng Bí thư -> Tong Bi thu, đ -> d).")
    var foldDiacritics = false
    @OptionGroup var input: InputFiles

    func run() throws {
        let normalizer = Normalizer(
            form: form, toneStyle: toneStyle, fixLookalikes: fixLookalikes, foldCase: foldCase, foldDiacritics: foldDiacritics)
        let out = StandardOutput.shared
        for reader in input.readers {
            let bytes = try reader.forEachBlock { document in
                let normalized = try document.bytes.withUnsafeBufferPointer { try normalizer.normalize($0) }
                out.write(normalized.text)
            }
            InputFiles.noteEmpty(reader, bytes: bytes)
        }
        out.flush()
    }
}

extension Normalizer.Form: ExpressibleByArgument {}
extension Normalizer.ToneStyle: ExpressibleByArgument {}
