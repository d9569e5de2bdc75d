import FuzzDriver
import TolkArticle
import TolkText

/// Any bytes as a scraped page: the reader either reads an article or says why not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? Document(bytes: bytes, name: "fuzz", lossy: true) else { return 0 }
    for markdown in [false, true] {
        if let article = try? ArticleReader().read(document, markdown: markdown) {
            for element in article.elements { precondition(element.range.upperBound <= document.bytes.count) }
            _ = try? SlugConsistency.check(article)
        }
    }
    return 0
}

/// SwiftPM names an executable's entry point `<target>_main`: libFuzzer's driver runs there.
@_cdecl("FuzzArticle_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
