import Dispatch
import Foundation
import TolkReport
import TolkText

/// SIGINT and SIGTERM end tolk after removing what it was writing (`ScratchPaths`): an
/// interrupted run leaves the old output or none, never a half-written one. Exit code 128 + signal.
enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        // Past `ulimit -f` a write fails with EFBIG (reported, scratch removed) instead of a signal
        // that would end the process with its scratch output left behind.
        signal(SIGXFSZ, SIG_IGN)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                ScratchPaths.interrupt { paths in
                    for path in paths { try? FileManager.default.removeItem(atPath: path) }
                    FileHandleOutput.standardError.write("tolk: interrupted\n")
                    _exit(128 + signalNumber)
                }
            }
            source.resume()
            sources.append(source)
        }
    }
}
