import Dispatch
import Synchronization

import class Foundation.Thread

/// A few threads taking items in turn, for work that blocks in libvirt calls: reading definitions,
/// creating domains. Threads of their own, because the dispatch pool limits itself to the number of
/// cores, which manifest loading and planning already use.
enum BlockingWorkers {
    /// `body` applied to every item on up to `width` threads, the results in the items' order; the first
    /// error (by item) is thrown once every item is done.
    static func map<T: Sendable, R: Sendable>(
        _ items: [T],
        width: Int,
        _ body: @escaping @Sendable (T) throws -> R
    ) throws -> [R] {
        let width = min(width, items.count)
        if width <= 1 { return try items.map(body) }
        let results = Mutex<[Int: Result<R, any Error>]>([:])
        let next = Atomic<Int>(0)
        let group = DispatchGroup()
        for _ in 0..<width {
            group.enter()
            Thread {
                while case let index = next.add(1, ordering: .relaxed).oldValue, index < items.count {
                    let result = Result { try body(items[index]) }
                    results.withLock { $0[index] = result }
                }
                group.leave()
            }.start()
        }
        group.wait()
        let all = results.withLock { $0 }
        return try items.indices.map { try all[$0]!.get() }
    }

    /// The same for work that cannot fail: its own failures are values (an apply step's outcome).
    static func map<T: Sendable, R: Sendable>(
        _ items: [T],
        width: Int,
        _ body: @escaping @Sendable (T) -> R
    ) -> [R] {
        // Nothing in this call can throw: the only errors `map` rethrows are `body`'s.
        try! map(items, width: width) { (item: T) throws -> R in body(item) }
    }
}
