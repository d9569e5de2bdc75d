import FuzzDriver
import TolkGlossary
import TolkText

/// Any bytes as TBX and as CSV: parsed or rejected with a position, never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for name in ["fuzz.tbx", "fuzz.csv"] {
        guard let document = try? Document(bytes: bytes, name: name, lossy: true), let glossary = try? Glossary.read(document) else { continue }
        _ = glossary.validate()
        _ = try? TBX.write(glossary)
        _ = GlossaryCSV.write(glossary)
    }
    return 0
}

/// SwiftPM names an executable's entry point `<target>_main`: libFuzzer's driver runs there.
@_cdecl("FuzzGlossary_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
