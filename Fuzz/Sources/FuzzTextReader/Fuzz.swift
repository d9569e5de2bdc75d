import FuzzDriver
import Foundation
import TolkText

/// The scratch file the reader reads (it reads paths and standard input only).
let scratch = "/dev/shm/tolk-fuzz-textreader-\(getpid()).txt"

/// The input's first three bytes choose a block size (16 bytes to 64 KiB, 16 KiB among them: four
/// blocks are then exactly one read), a repeat count (for runs far longer than a block)
/// and whether the input may come whole; the rest, repeated, is the text. The blocks must join to
/// exactly the text, stay bounded (four blocks past one 64 KiB read), come as one when the text is
/// short enough to come whole, and each must start on the line the text before it ends on.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 3 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let sizes = [16, 100, 1000, 4096, 1 << 14, 1 << 16]
    let blockSize = sizes[Int(bytes[0]) % sizes.count]
    // Up to 255 repeats, but at most about 300 KB of text: runs past four 64 KiB blocks, quickly.
    let repeats = max(1, min(Int(bytes[1]), 300_000 / (size - 3)))
    let wholeUpTo = bytes[2] & 1 == 1 ? blockSize * 3 : 0
    let text = Array(Array(repeating: bytes[3...], count: repeats).joined())
    guard FileManager.default.createFile(atPath: scratch, contents: Data(text)) else { return 0 }
    var joined: [UInt8] = []
    var line = 1
    var blocks = 0
    let whole = try? Document(bytes: text, name: "fuzz")
    do {
        try TextReader(path: scratch).forEachBlock(blockSize: blockSize, wholeUpTo: wholeUpTo) { block in
            precondition(block.bytes.count <= max(4 * blockSize, wholeUpTo, 1 << 16) + 4 * blockSize, "an unbounded block")
            precondition(block.origin.line == line, "a block starts on the wrong line")
            line += block.lineBreakCount
            joined += block.bytes
            blocks += 1
        }
    } catch {
        // Text that is no UTF-8 (or has NUL bytes) is an error for the blocks as for the whole.
        precondition(whole == nil, "a block failed on text that reads whole: \(error)")
        return 0
    }
    if let whole { precondition(joined == whole.bytes, "the blocks do not join to the text") }
    if text.count <= wholeUpTo { precondition(blocks == 1, "a short text did not come whole") }
    return 0
}

/// SwiftPM names an executable's entry point `<target>_main`: libFuzzer's driver runs there.
@_cdecl("FuzzTextReader_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
