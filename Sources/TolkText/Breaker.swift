import CICUShim

/// An ICU break iterator over one UTF-8 text at a time. Not thread-safe: one per task.
final class Breaker {
    enum Kind: Int32 {
        case character = 0, word = 1, line = 2, sentence = 3
    }

    /// A boundary and ICU's rule status for the segment that ends there.
    struct Boundary {
        var offset: Int
        var status: Int32
    }

    private let handle: OpaquePointer
    private var offsets = [Int32](repeating: 0, count: 1024)
    private var statuses = [Int32](repeating: 0, count: 1024)

    init(_ kind: Kind, locale: String) throws(ICUError) {
        var handle: OpaquePointer?
        try ICU.check(tolk_breaker_open(kind.rawValue, locale, &handle), "opening a \(kind) break iterator for '\(locale)'")
        self.handle = handle!
    }

    deinit { tolk_breaker_close(handle) }

    /// Gives the breaker `bytes` (well-formed UTF-8); with `softLineBreaks`, ICU sees line breaks
    /// as spaces. The shim copies the text, so `bytes` need not outlive the call.
    func setText(_ bytes: UnsafeBufferPointer<UInt8>, softLineBreaks: Bool) throws(ICUError) {
        let status = tolk_breaker_set_utf8(handle, bytes.baseAddress, Int32(bytes.count), softLineBreaks ? 1 : 0)
        try ICU.check(status, "setting break iterator text")
    }

    /// Gives the breaker the text `other` has.
    func setText(sameAs other: Breaker) throws(ICUError) {
        try ICU.check(tolk_breaker_copy_text(handle, other.handle), "copying break iterator text")
    }

    /// The boundaries of the text after offset 0, as offsets into it plus `base`.
    func boundaries(base: Int, into result: inout [Boundary]) throws(ICUError) {
        let capacity = Int32(offsets.count)
        try offsets.withUnsafeMutableBufferPointer { offsetBuffer throws(ICUError) in
            try statuses.withUnsafeMutableBufferPointer { statusBuffer throws(ICUError) in
                while true {
                    var count: Int32 = 0
                    let status = tolk_breaker_next(handle, offsetBuffer.baseAddress, statusBuffer.baseAddress, capacity, &count)
                    try ICU.check(status, "iterating breaks")
                    if count == 0 { return }
                    for k in 0..<Int(count) {
                        result.append(Boundary(offset: base + Int(offsetBuffer[k]), status: statusBuffer[k]))
                    }
                }
            }
        }
    }
}
