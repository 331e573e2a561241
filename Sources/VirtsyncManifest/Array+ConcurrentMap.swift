import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` on every core, results in the elements' order: for work that is pure per element (parsing
    /// one file, planning one object), so a thousand manifests cost a fraction of the time on a host's cores.
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let results = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let value = transform(self[index])
            results.withLock { $0[index] = value }
        }
        return results.withLock { $0 }.map { $0! }
    }
}
