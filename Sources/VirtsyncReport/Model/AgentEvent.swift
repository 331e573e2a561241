public import VirtsyncManifest
public import VirtsyncPlan

/// One thing the agent tells its operators, one journald entry each (`VIRTSYNC_EVENT`).
///
/// Drift (git did not change, the host did) is kept apart from intentional change (a new revision
/// applied), and a repair of drift apart from both, so alerts can tell "somebody edited a VM by hand".
public enum AgentEvent: Sendable, Hashable {
    /// A managed object differs from the last applied revision although git did not change.
    case drift(ObjectID, fields: [FieldChange], revision: String?)
    /// Drift undone in `enforce` mode.
    case driftRepaired(ObjectID, fields: [FieldChange], revision: String?)
    /// A change of a new revision applied to one object.
    case applied(ObjectID, change: ChangeClass, revision: String?)
    /// An object's step failed, was refused, or could not be rolled back; libvirt's code and domain
    /// stay in the failure, its text is what the reports show.
    case failed(ApplyFailure, revision: String?)
    /// The whole reconcile failed (libvirt unreachable, state unreadable); the message is libvirt's own.
    /// Reported like an object's failure (`VIRTSYNC_EVENT=failed`), with no object.
    case reconcileFailed(error: String, revision: String?)
    /// The definition is updated but the running object keeps its old configuration until restarted.
    case pendingRestart(ObjectID, fields: [FieldChange], revision: String?)
    /// The source moved to a new revision (`forced`: the new one does not descend from the old: a force-push).
    case sourceFetched(revision: String, previous: String?, forced: Bool)
    /// Fetching failed; the last good revision stays applied.
    case sourceFailed(error: String, lastGood: String?)
    /// A revision is refused whole (invalid manifests, no manifests, too many destroys).
    case revisionRefused(revision: String, reason: String)
    /// A domain the agent created, restarted or replaced failed its `spec.health` check.
    case healthFailed(ObjectID, reason: String, revision: String?)
    /// A domain that failed its health check was put back to its previous definition and power state
    /// (`previous`: the revision that definition came from); `revision` is now refused on this host.
    case rolledBack(ObjectID, previous: String?, revision: String?)
    /// A preview ref (a pull request's head) was planned against this host; nothing was applied.
    case previewPlanned(PreviewStatus)
    /// A preview ref disappeared (the pull request was closed): its preview is dropped.
    case previewDropped(ref: String, revision: String?)

    public var kind: AgentEventKind {
        switch self {
        case .drift: .drift
        case .driftRepaired: .driftRepaired
        case .applied: .applied
        case .failed, .reconcileFailed: .failed
        case .pendingRestart: .pendingRestart
        case .sourceFetched: .sourceFetched
        case .sourceFailed: .sourceFailed
        case .revisionRefused: .revisionRefused
        case .previewPlanned: .previewPlanned
        case .previewDropped: .previewDropped
        case .healthFailed: .healthFailed
        case .rolledBack: .rolledBack
        }
    }
}

/// The event types, each with its fixed journald `MESSAGE_ID` and priority.
public enum AgentEventKind: String, Sendable, Hashable, Codable, CaseIterable {
    case drift
    case driftRepaired = "drift-repaired"
    case applied
    case failed
    case pendingRestart = "pending-restart"
    case sourceFetched = "source-fetched"
    case sourceFailed = "source-failed"
    case revisionRefused = "revision-refused"
    case healthFailed = "health-failed"
    case rolledBack = "rolled-back"
    case previewPlanned = "preview-planned"
    case previewDropped = "preview-dropped"

    /// Fixed per type so `journalctl MESSAGE_ID=…` finds every entry of it (made once with `uuidgen`).
    public var messageID: String {
        switch self {
        case .drift: "6f1d2c3b4a5e4f60a7b8c9d0e1f2a3b4"
        case .driftRepaired: "7a2e3d4c5b6f40718293a4b5c6d7e8f9"
        case .applied: "8b3f4e5d6c7a41829304b5c6d7e8f90a"
        case .failed: "9c4a5f6e7d8b42939415c6d7e8f90a1b"
        case .pendingRestart: "ad5b6a7f8e9c43a4a526d7e8f90a1b2c"
        case .sourceFetched: "be6c7b8a9fad44b5b637e8f90a1b2c3d"
        case .sourceFailed: "cf7d8c9bab0e45c6c748f90a1b2c3d4e"
        case .revisionRefused: "d08e9dacbc1f46d7d8590a1b2c3d4e5f"
        case .healthFailed: "2e9c4d7a1b3f48a6c0d5e8f1a3b7c9d2"
        case .rolledBack: "3f0d5e8b2c4a49b7d1e6f9a2b4c8d0e3"
        case .previewPlanned: "4b0e7f9c2d1a46e8b3c5a7d9e1f30b62"
        case .previewDropped: "5c1f8a0d3e2b47f9c4d6b8e0f2a41c73"
        }
    }

    /// syslog priority: drift and refusals warn, failures are errors, the rest is information.
    public var priority: Int {
        switch self {
        case .failed, .sourceFailed, .healthFailed: 3
        case .drift, .revisionRefused, .pendingRestart, .rolledBack: 4
        case .driftRepaired, .applied, .sourceFetched, .previewPlanned, .previewDropped: 6
        }
    }
}
