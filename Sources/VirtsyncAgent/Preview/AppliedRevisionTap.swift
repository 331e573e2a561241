import Synchronization
import VirtsyncReport

/// A reporter that only watches which revision of `source.ref` the reconcile has applied, for the
/// previews: they are planned against it, and planned again when it changes. Reading it never waits for
/// a reconcile in progress.
final class AppliedRevisionTap: Reporter {
    private let state = Mutex<(seen: Bool, revision: String?)>((false, nil))
    /// Called after the first reconcile and whenever the applied revision changes.
    private let onChange: @Sendable () -> Void

    init(onChange: @escaping @Sendable () -> Void) { self.onChange = onChange }

    var revision: String? { state.withLock { $0.revision } }

    func report(_ event: AgentEvent) {}

    func reconciled(_ status: AgentStatus, duration: Double) {
        let changed = state.withLock { state in
            defer { state = (true, status.lastAppliedRevision) }
            return !state.seen || state.revision != status.lastAppliedRevision
        }
        if changed { onChange() }
    }
}
