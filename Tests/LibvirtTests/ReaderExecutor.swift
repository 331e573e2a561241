import Foundation

/// Runs event readers on one thread of their own. Tests that run alongside call libvirt
/// synchronously, and a qemu domain start blocks a cooperative thread for seconds: with two cores
/// that starves the pool, and a reader on it would record arrivals seconds late.
final class ReaderExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = ReaderExecutor()

    // @unchecked Sendable: `jobs` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init() {
        let thread = Thread { [self] in runForever() }
        thread.name = "event-readers"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
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
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
