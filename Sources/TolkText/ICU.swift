import CICUShim

/// Swift's view of the ICU shim: one error type, status checks and buffer retries.
enum ICU {
    /// The ICU version in use, e.g. "72.1".
    static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        tolk_icu_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Throws when a shim call failed (ICU warnings arrive as 0, success).
    static func check(_ status: Int32, _ operation: String) throws(ICUError) {
        if status != 0 { throw ICUError(status: status, operation: operation) }
    }

    /// Calls a shim function that fills a UTF-16 buffer, retrying with the length it asks for
    /// when the first buffer was too small.
    static func fillingUTF16(
        estimate: Int, _ operation: String,
        _ body: (UnsafeMutablePointer<UInt16>, Int32, UnsafeMutablePointer<Int32>) -> Int32
    ) throws(ICUError) -> [UInt16] {
        var capacity = max(estimate, 16)
        for _ in 0..<4 {
            var length: Int32 = 0
            var buffer = [UInt16](repeating: 0, count: capacity)
            let status = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity), &length) }
            if status == bufferOverflow, Int(length) > 0 {
                capacity = max(Int(length), capacity * 2)
                continue
            }
            try check(status, operation)
            buffer.removeSubrange(Int(length)...)
            return buffer
        }
        throw ICUError(status: bufferOverflow, operation: operation)
    }

    /// ICU's U_BUFFER_OVERFLOW_ERROR.
    static let bufferOverflow: Int32 = 15
}

/// A failed ICU call: the shim's status code and ICU's name for it.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    /// The status code (an ICU UErrorCode or one of the shim's TOLK_E_* values).
    public let status: Int32
    /// What tolk was doing.
    public let operation: String

    public var description: String {
        "ICU error in \(operation): \(String(cString: tolk_status_name(status))) (\(status))"
    }
}

/// Facts about the text library, for `tolk --version`.
public enum TextInfo {
    /// The ICU version tolk runs on, e.g. "72.1".
    public static var icuVersion: String { ICU.version }
}
