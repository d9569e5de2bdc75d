import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Unbuffered writes to a file descriptor (stderr).
public struct FileHandleOutput: Sendable {
    public let descriptor: Int32
    public static let standardError = FileHandleOutput(descriptor: 2)

    public func write(_ text: String) {
        var text = text
        _ = text.withUTF8 { writeAll(descriptor, $0) }
    }

    /// Puts /dev/null on standard input, output or error when one is closed, so no file tolk
    /// opens takes its number. Standard output gets it read-only: writes fail and tolk reports
    /// the write error instead of losing its output silently.
    public static func occupyClosedStandardDescriptors() {
        for (descriptor, flags) in [(STDIN_FILENO, O_RDONLY), (STDOUT_FILENO, O_RDONLY), (STDERR_FILENO, O_WRONLY)]
        where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
            let opened = open("/dev/null", flags)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }
}

/// Writes every byte to `descriptor`, retrying short writes; false (with errno set) when a write fails.
public func writeAll(_ descriptor: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var done = 0
    while done < bytes.count {
        let written = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
        if written < 0 {
            if errno == EINTR { continue }
            return false
        }
        done += written
    }
    return true
}

/// Warnings on standard error, each given once per run (a page or folder is read by several steps).
public enum Warning {
    private static let given = Mutex<Set<String>>([])

    public static func once(_ text: String) {
        if given.withLock({ $0.insert(text).inserted }) { FileHandleOutput.standardError.write("tolk: warning: \(text)\n") }
    }
}

/// A progress line on standard error — done / total, rate, time left — shown only on a terminal
/// and only once a run takes more than 1.5 s; safe to advance from several threads.
public final class Progress: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let unit: String
    private let started = Date()
    private let isTerminal = isatty(2) != 0
    private let lock = NSLock()
    // Guarded by `lock`.
    private var completed = 0
    private var lastShown: Date? = nil

    public init(total: Int, label: String, unit: String = "") {
        self.total = total
        self.label = label
        self.unit = unit
    }

    public func advance() {
        lock.withLock {
            completed += 1
            let now = Date()
            guard isTerminal, now.timeIntervalSince(started) > 1.5, now.timeIntervalSince(lastShown ?? .distantPast) > 0.2 else { return }
            lastShown = now
            FileHandleOutput.standardError.write(
                "\r\u{1B}[K" + Self.line(label, unit, completed, total, elapsed: now.timeIntervalSince(started)))
        }
    }

    public func finish() {
        lock.withLock {
            if lastShown != nil {
                FileHandleOutput.standardError.write(
                    "\r\u{1B}[K\(label) \(completed)/\(total)\(unit.isEmpty ? "" : " " + unit), \(String(format: "%.1f", Date().timeIntervalSince(started))) s\n"
                )
            }
        }
    }

    /// `checking 412/1000 pairs, 230/s, 3 s left`.
    static func line(_ label: String, _ unit: String, _ completed: Int, _ total: Int, elapsed: Double) -> String {
        let rate = Double(completed) / max(elapsed, 0.001)
        let left = Int((Double(total - completed) / max(rate, 0.001)).rounded(.up))
        return "\(label) \(completed)/\(total)\(unit.isEmpty ? "" : " " + unit), \(Int(rate.rounded()))/s, \(left) s left"
    }
}
