import FuzzDriver
import TolkText

// Built once: opening ICU iterators and transliterators per input would make the fuzzer crawl.
nonisolated(unsafe) let segmenters = ["nb", "vi", "und"].map { try! Segmenter(languageCode: $0) }
nonisolated(unsafe) let slugger = try! Slugger()

/// Any bytes: read as a document (invalid UTF-8 repaired; errors are fine), then segmented and normalised.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? Document(bytes: bytes, name: "fuzz", lossy: true) else { return 0 }
    for segmenter in segmenters {
        guard let segmentation = try? segmenter.segment(document) else { continue }
        for sentence in segmentation.sentences { precondition(sentence.range.upperBound <= document.bytes.count) }
    }
    let normalized = try? Normalizer(form: .nfd, toneStyle: .new, fixLookalikes: true, foldCase: true, foldDiacritics: true).normalize(
        document.text)
    if let normalized { _ = normalized.map.originalRange(0..<normalized.text.utf8.count) }
    _ = try? slugger.slug(document.text)
    return 0
}

/// SwiftPM names an executable's entry point `<target>_main`: libFuzzer's driver runs there.
@_cdecl("FuzzTokenizer_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
