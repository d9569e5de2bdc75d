import Synchronization
import TolkReport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffered standard output: commands append bytes and the buffer goes out in 64 KiB writes.
final class StandardOutput: @unchecked Sendable {
    // Only the main thread writes; @unchecked because a class with a buffer cannot prove it.
    static let shared = StandardOutput()
    private var buffer: [UInt8] = []

    private init() { buffer.reserveCapacity(1 << 17) }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(_ bytes: ArraySlice<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes text with each line break (LF, CRLF, CR) as one space, for one-line output.
    func writeOnOneLine(_ bytes: ArraySlice<UInt8>) {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0A, previous == 0x0D {
                previous = byte
                continue
            }
            buffer.append(byte == 0x0A || byte == 0x0D ? 0x20 : byte)
            previous = byte
        }
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(byte: UInt8) {
        buffer.append(byte)
    }

    /// Writes the buffer out. A failed write (a full disk, a closed or read-only standard output)
    /// ends tolk with exit 2 and "write error"; a closed pipe ends it by SIGPIPE, quietly, as usual.
    func flush() {
        let written = buffer.withUnsafeBufferPointer { writeAll(STDOUT_FILENO, $0) }
        buffer.removeAll(keepingCapacity: true)
        if !written {
            FileHandleOutput.standardError.write("tolk: error: standard output: write error: \(String(cString: strerror(errno)))\n")
            #if canImport(Glibc)
                Glibc.exit(2)
            #else
                Darwin.exit(2)
            #endif
        }
    }
}

/// JSON string escaping for `tolk tokenize --format jsonl`, whose token lines are written by hand:
/// an encoder per token would cost more than the tokenising.
enum JSON {
    static func quoted(_ text: String) -> String {
        let escaped = text.replacingScalars { scalar in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case "\u{2028}": "\\u2028"
            case "\u{2029}": "\\u2029"
            case _ where scalar.value < 0x20:
                "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: nil
            }
        }
        return "\"" + escaped + "\""
    }
}
