import Foundation

/// A serial executor on a thread of its own, for the reconciler.
///
/// A pass makes blocking libvirt and libgit2 calls (a domain start can take seconds). On the shared
/// cooperative pool, with two cores, that starves whatever else waits there, the libvirt event reader
/// first, and a hand edit would be seen seconds late. On its own thread the pass blocks only itself.
/// `package`, and a task executor too: the tests' libvirt event readers prefer one of their own for the
/// same reason.
package final class ReconcilerExecutor: SerialExecutor, TaskExecutor, @unchecked Sendable {
    // @unchecked Sendable: `jobs` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    package init(name: String) {
        let thread = Thread { [self] in runForever() }
        thread.name = name
        thread.start()
    }

    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func runForever() -> Never {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            // An executor that is both runs every job this way: an actor's job isolated to it, and a task
            // that prefers it on it (its preference is not changed).
            job.runSynchronously(isolatedTo: asUnownedSerialExecutor(), taskExecutor: asUnownedTaskExecutor())
        }
    }
}
