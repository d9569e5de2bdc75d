import FuzzDriver
import TolkLint
import TolkText

nonisolated(unsafe) let linter: Linter = {
    var configuration = LintConfiguration()
    for rule in Rule.all { configuration.rules[rule.id] = "warning" }
    return try! Linter(configuration: configuration, glossary: nil)
}()

/// Any bytes as a translated page, linted with every rule on.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? Document(bytes: bytes, name: "fuzz", lossy: true) else { return 0 }
    if let findings = try? linter.lint(translation: document).findings {
        for finding in findings { precondition(finding.line >= 1 && finding.column >= 1) }
    }
    return 0
}

/// SwiftPM names an executable's entry point `<target>_main`: libFuzzer's driver runs there.
@_cdecl("FuzzLint_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
