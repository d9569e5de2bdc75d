/// Searches over UTF-8 bytes that look at eight bytes at a time, for the loops every document
/// goes through (validation, line starts, paragraphs): news text is long runs of ASCII letters and
/// spaces between the bytes those loops stop at.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The first index at or after `start` whose byte is not ASCII, or `bytes.count`.
    @inline(__always)
    static func asciiEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstIndex(bytes, from: start, wordMayMatch: { $0 & highBits != 0 }, where: { $0 >= 0x80 })
    }

    /// The first index at or after `start` holding a line feed or a carriage return, or
    /// `bytes.count`.
    @inline(__always)
    static func lineBreak(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        // A word holds a byte below n (n <= 128) exactly when (x - n·ones) & ~x & highBits != 0:
        // words without a byte below 0x0E hold no line break.
        firstIndex(bytes, from: start, wordMayMatch: { ($0 &- 0x0E &* ones) & ~$0 & highBits != 0 }, where: { $0 == 0x0A || $0 == 0x0D })
    }

    /// The scalars starting in `bytes[range]`, and those beyond U+FFFF (four-byte sequences), for
    /// a range whose length is a multiple of eight.
    static func scalarCounts(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> (scalars: Int, supplementary: Int) {
        precondition(range.count % 8 == 0 && range.upperBound <= bytes.count, "whole words inside the buffer")
        guard let base = bytes.baseAddress else { return (0, 0) }
        var continuations = 0
        var leadsOfFour = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // Bit 7 of each byte: set for 10xxxxxx (a continuation byte), and for 1111xxxx (the
            // lead byte of a four-byte sequence).
            continuations &+= (x & ~(x << 1) & highBits).nonzeroBitCount
            leadsOfFour &+= (x & (x << 1) & (x << 2) & (x << 3) & highBits).nonzeroBitCount
            i += 8
        }
        return (range.count - continuations, leadsOfFour)
    }

    /// The first index at or after `start` whose byte satisfies `matches`; `wordMayMatch` tells
    /// whether eight bytes read as one word may hold such a byte (never false when one does).
    @inline(__always)
    private static func firstIndex(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, wordMayMatch: (UInt64) -> Bool, where matches: (UInt8) -> Bool
    ) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let count = bytes.count
        var i = start
        while i < count {
            while i + 8 <= count, !wordMayMatch(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            let end = Swift.min(i + 8, count)
            while i < end {
                if matches(base[i]) { return i }
                i += 1
            }
        }
        return count
    }
}
