import FuzzDriver
import TolkAlign

nonisolated(unsafe) let aligner = try! Aligner(sourceLanguage: "vi", targetLanguage: "nb")

/// Any bytes as two lists of segments (split at NUL, then at newlines): the beads cover both, in order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let sides = text.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
    let source = sides[0].split(separator: "\n").map(String.init)
    let target = sides.count > 1 ? sides[1].split(separator: "\n").map(String.init) : []
    guard let beads = try? aligner.align(source, target) else { return 0 }
    precondition(beads.flatMap { Array($0.source) } == Array(source.indices))
    precondition(beads.flatMap { Array($0.target) } == Array(target.indices))
    return 0
}

/// SwiftPM names an executable's entry point `<target>_main`: libFuzzer's driver runs there.
@_cdecl("FuzzAlign_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
