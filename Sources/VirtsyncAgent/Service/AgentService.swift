import Foundation
public import Logging
public import ServiceLifecycle
import Systemd
import VirtsyncReport

/// The reconcile loop as a service: a pass at start, then one per trigger (interval with jitter,
/// webhook, libvirt event), each coalesced by the `TriggerQueue`; systemd hears READY after the first
/// pass, a STATUS line after each, WATCHDOG pings while it runs and STOPPING on SIGTERM.
///
/// A SIGTERM lets the pass in progress finish (one object is never left half applied), then stops.
public struct AgentService: Service {
    let reconciler: Reconciler
    let queue: TriggerQueue
    let interval: Duration
    let driftInterval: Duration
    let notifier: Notifier
    let logger: Logger
    /// Stop after the first pass (`run --once`); its result is `lastSummary`.
    let once: Bool
    /// Called once, after the first pass (when systemd hears READY): start-up is over.
    let afterFirstPass: @Sendable () -> Void

    public init(
        reconciler: Reconciler,
        queue: TriggerQueue,
        interval: Duration,
        driftInterval: Duration = .seconds(30),
        once: Bool = false,
        logger: Logger,
        afterFirstPass: @escaping @Sendable () -> Void = {}
    ) {
        self.reconciler = reconciler
        self.queue = queue
        self.interval = interval
        self.driftInterval = driftInterval
        self.once = once
        self.afterFirstPass = afterFirstPass
        self.notifier = Notifier()
        self.logger = logger
    }

    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await withThrowingDiscardingTaskGroup { group in
                if !once {
                    group.addTask { await self.tick() }
                    group.addTask { await self.driftTick() }
                    group.addTask { await self.watchdog() }
                }
                await queue.post(.start)
                var ready = false
                while let trigger = await queue.next() {
                    let summary = await reconciler.reconcile(trigger)
                    logger.info(
                        "reconciled",
                        metadata: ["trigger": "\(trigger.rawValue)", "result": "\(summary.result.rawValue)"]
                    )
                    if !ready {
                        _ = try? notifier.ready()
                        ready = true
                        afterFirstPass()
                    }
                    _ = try? notifier.status(Self.statusLine(summary))
                    if once { break }
                }
                group.cancelAll()
            }
        }
        _ = try? notifier.stopping()
    }

    /// Posts `.interval` after each interval (±10 % jitter, so a fleet does not fetch in step); after a
    /// failed pass it retries sooner, doubling from 5 s up to the interval.
    private func tick() async {
        var failures = 0
        while !Task.isCancelled {
            let last = await reconciler.status.reconciles.first?.result
            failures = last == .failed || last == .sourceFailed ? failures + 1 : 0
            let base = failures == 0 ? interval : min(interval, .seconds(5 * (1 << min(failures - 1, 10))))
            let jitter = Double.random(in: 0.9...1.1)
            try? await Task.sleep(for: base * jitter)
            await queue.post(.interval)
        }
    }

    /// Posts `.drift` every `driftInterval`: a pass that reads the managed objects and fetches nothing.
    private func driftTick() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: driftInterval)
            await queue.post(.drift)
        }
    }

    private func watchdog() async {
        guard let period = try? notifier.watchdogInterval() else { return }
        while !Task.isCancelled {
            _ = try? notifier.watchdog()
            try? await Task.sleep(for: period / 2)
        }
    }

    static func statusLine(_ summary: ReconcileSummary) -> String {
        let revision = summary.revision.map { String($0.prefix(12)) } ?? "none"
        return "\(summary.result.rawValue) at \(revision): \(summary.changes) changes, \(summary.failures) failures"
    }
}
