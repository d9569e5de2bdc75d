import Foundation

/// Work spread over the cores, each worker with its own state (ICU handles are not shared).
public enum Parallel {
    /// `body(worker, k)` for k in 0..<count, on up to `activeProcessorCount` threads; results in order.
    public static func map<Worker, Value>(
        _ count: Int, makeWorker: () throws -> Worker, _ body: (inout Worker, Int) throws -> Value
    ) -> [Result<Value, Error>] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, count))
        let slots = ResultSlots<Result<Value, Error>>(count: count)
        withoutActuallyEscaping(makeWorker) { makeWorker in
            withoutActuallyEscaping(body) { body in
                let shared = UncheckedBox((makeWorker, body))
                DispatchQueue.concurrentPerform(iterations: workers) { index in
                    let (makeWorker, body) = shared.value
                    do {
                        var worker = try makeWorker()
                        for k in stride(from: index, to: count, by: workers) { slots[k] = Result { try body(&worker, k) } }
                    } catch {
                        for k in stride(from: index, to: count, by: workers) where slots[k] == nil { slots[k] = .failure(error) }
                    }
                }
            }
        }
        return slots.values.map { $0! }
    }
}

extension Parallel {
    /// `body(worker, item)` for each item `produce` hands over, up to `width` items at once (each
    /// on its own worker, made only when a batch needs it: a one-item stream makes one); `consume`
    /// gets the values in order. Memory holds one batch of items.
    public static func stream<Worker, Item, Value>(
        width: Int, _ produce: ((Item) throws -> Void) throws -> Void, makeWorker: () throws -> Worker,
        _ body: (Worker, Item) throws -> Value, consume: (Value) throws -> Void
    ) throws {
        // `produce` calls back into the batch runner, which needs the other closures: they do not
        // outlive this call.
        try withoutActuallyEscaping(makeWorker) { makeWorker in
            try withoutActuallyEscaping(body) { body in
                try withoutActuallyEscaping(consume) { consume in
                    var workers: [Worker] = []
                    var batch: [Item] = []
                    func run() throws {
                        while workers.count < batch.count { workers.append(try makeWorker()) }
                        let slots = ResultSlots<Result<Value, Error>>(count: batch.count)
                        if batch.count == 1 {
                            slots[0] = Result { try body(workers[0], batch[0]) }
                        } else {
                            let shared = UncheckedBox((workers, batch, body))
                            DispatchQueue.concurrentPerform(iterations: batch.count) { k in
                                let (workers, batch, body) = shared.value
                                slots[k] = Result { try body(workers[k], batch[k]) }
                            }
                        }
                        batch.removeAll(keepingCapacity: true)
                        for slot in slots.values { try consume(try slot!.get()) }
                    }
                    try produce { item in
                        batch.append(item)
                        if batch.count >= max(1, width) { try run() }
                    }
                    if !batch.isEmpty { try run() }
                }
            }
        }
    }
}

/// Hands non-Sendable closures to `concurrentPerform`; each worker builds its own state from them.
private final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Fixed slots written from several threads, each slot by one thread.
final class ResultSlots<Value>: @unchecked Sendable {
    // Guarded by `lock`.
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var values: [Value?] { lock.withLock { slots } }
}
