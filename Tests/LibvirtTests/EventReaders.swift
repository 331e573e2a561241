import VirtsyncAgent

/// Where event readers run: one thread of their own, the reconciler's executor as their task executor.
/// Tests that run alongside call libvirt synchronously, and a qemu domain start blocks a cooperative
/// thread for seconds: with two cores that starves the pool, and a reader on it would record arrivals
/// seconds late (or, past a test's deadline, not at all).
enum EventReaders {
    static let executor = ReconcilerExecutor(name: "event-readers")
}
