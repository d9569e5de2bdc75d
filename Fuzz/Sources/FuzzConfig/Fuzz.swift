import FuzzDriver
import TolkLint

let paths = ["", "/", "a", "Corpora/vietnamplus-1080302/nb.txt", "drafts/2025/a.md", String(repeating: "a/", count: 60) + "b.txt"]

/// Any bytes as a .tolk.yml; when they parse, the ignore patterns are tried on a few paths.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let configuration = try? LintConfiguration.parse(text, origin: "fuzz.yml") else { return 0 }
    for path in paths { _ = configuration.ignores(path) }
    return 0
}

/// SwiftPM names an executable's entry point `<target>_main`: libFuzzer's driver runs there.
@_cdecl("FuzzConfig_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
