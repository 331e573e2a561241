/// Coalesces reconcile triggers: a burst of libvirt events (the agent's own writes produce several per
/// object) becomes one pass, and a webhook or interval among them makes that pass fetch first.
public actor TriggerQueue {
    var pending: [ReconcileTrigger] = []
    var waiter: CheckedContinuation<Void, Never>?
    /// How long to wait for more triggers after the first before starting a pass.
    let settle: Duration

    public init(settle: Duration = .milliseconds(150)) { self.settle = settle }

    public func post(_ trigger: ReconcileTrigger) {
        pending.append(trigger)
        waiter?.resume()
        waiter = nil
    }

    /// Waits for at least one trigger, lets a burst settle, and returns the one that covers them all
    /// (one that fetches wins over an event). Returns nil when the task is cancelled.
    public func next() async -> ReconcileTrigger? {
        while pending.isEmpty {
            if Task.isCancelled { return nil }
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in waiter = continuation }
            } onCancel: {
                Task { await self.wake() }
            }
        }
        try? await Task.sleep(for: settle)
        let batch = pending
        pending.removeAll()
        return batch.first { $0.fetchesSource } ?? batch.first
    }

    private func wake() {
        waiter?.resume()
        waiter = nil
    }
}
