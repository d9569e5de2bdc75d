import Synchronization

/// Temporary files and folders being written before they are renamed into place. Writers make
/// each change to them as one `step`; the command line's interrupt handler (SIGINT, SIGTERM) takes
/// the same lock, so it never runs inside a step: it removes what is there and ends the process,
/// and an interrupted run leaves no half-written output behind.
public enum ScratchPaths {
    private static let paths = Mutex<Set<String>>([])

    /// Runs `body`, one change to the scratch output at `path` (create it, write a file into it,
    /// rename it into place), with `path` registered; `done` forgets it afterwards (renamed or removed).
    public static func step<E: Error>(_ path: String, done: Bool = false, _ body: () throws(E) -> Void) throws(E) {
        try paths.withLock { paths throws(E) in
            paths.insert(path)
            defer { if done { paths.remove(path) } }
            try body()
        }
    }

    /// Calls `body` with the registered paths while holding the lock: no step starts or ends again.
    public static func interrupt(_ body: ([String]) -> Never) -> Never {
        paths.withLock { body(Array($0)) }
    }
}
