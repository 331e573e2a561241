import Foundation
import ServiceLifecycle

/// The preview loop as a service: a pass after each poll interval (jittered like the reconcile's), each
/// webhook, each new revision applied on this host, and when a ref held back by `minInterval` is due.
/// Triggers that arrive during a pass are coalesced into one more pass.
struct PreviewService: Service {
    let runner: PreviewRunner
    let queue: TriggerQueue
    let interval: Duration
    let base: AppliedRevisionTap

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { await tick() }
                while await queue.next() != nil {
                    if let due = await runner.pass(base: base.revision) {
                        group.addTask {
                            try? await Task.sleep(for: due)
                            await queue.post(.interval)
                        }
                    }
                }
                group.cancelAll()
            }
        }
    }

    private func tick() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval * Double.random(in: 0.9...1.1))
            await queue.post(.interval)
        }
    }
}
