/// Why a reconcile runs; it decides whether the source is fetched first.
public enum ReconcileTrigger: String, Sendable, Hashable, Codable {
    /// The agent started.
    case start
    /// The poll interval elapsed.
    case interval
    /// A signed webhook said the repository moved.
    case webhook
    /// libvirt reported that an object was defined, undefined, started, stopped or changed.
    case event
    /// libvirtd came back after a restart.
    case reconnect
    /// `driftInterval` elapsed: the managed objects are observed again, without a fetch.
    case drift
    /// libvirtd rewrote a managed object's file (its persistent definition, an autostart link, a
    /// volume): the edits libvirt sends no event for.
    case file

    /// Events only re-check the host against the revision already fetched: a hand edit is found
    /// without a round trip to the git server.
    public var fetchesSource: Bool { self != .event && self != .drift && self != .file }
}
