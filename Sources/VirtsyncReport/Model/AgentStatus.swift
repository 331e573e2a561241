public import Foundation
import VirtsyncBuildInfo
public import VirtsyncManifest
public import VirtsyncPlan

/// The status file (`STATE_DIR/status.json`), written atomically after every reconcile; its JSON Schema
/// is `docs/status.schema.json`. `virtsync status` prints it.
public struct AgentStatus: Sendable, Hashable, Codable {
    public var schemaVersion: Int = 1
    public var host: String
    /// The virtsync that wrote the file (absent in files of versions before 0.6).
    public var virtsync: Build?
    /// `enforce` or `report`.
    public var mode: String
    public var source: Source
    public var lastAppliedRevision: String?
    public var lastAppliedAt: Date?
    public var lastAttemptedRevision: String?
    public var lastAttemptAt: Date?
    public var lastSuccessAt: Date?
    public var lastError: String?
    public var objects: [ObjectStatus]
    /// The most recent reconciles, newest first (at most `AgentStatus.historyLength`).
    public var reconciles: [ReconcileSummary]
    /// Image downloads in progress; absent when none runs.
    public var downloads: [DownloadStatus]?
    /// What each preview ref (`source.preview.refs`) would do on this host, sorted by ref; nil when
    /// previews are off.
    public var previews: [PreviewStatus]?

    public static let historyLength = 10

    /// A virtsync release and the git commit it was built from.
    public struct Build: Sendable, Hashable, Codable {
        public var version: String
        public var revision: String

        public init(version: String, revision: String) {
            self.version = version
            self.revision = revision
        }

        /// This process's own build.
        public static var current: Build { Build(version: BuildInfo.version, revision: BuildInfo.revision) }
    }

    /// Where the manifests come from.
    public struct Source: Sendable, Hashable, Codable {
        public var url: String
        public var ref: String
        public init(url: String, ref: String) {
            self.url = url
            self.ref = ref
        }
    }

    public init(
        host: String,
        mode: String,
        source: Source,
        objects: [ObjectStatus] = [],
        reconciles: [ReconcileSummary] = []
    ) {
        self.host = host
        self.virtsync = .current
        self.mode = mode
        self.source = source
        self.objects = objects
        self.reconciles = reconciles
    }

    /// Adds a reconcile to the history, dropping the oldest beyond `historyLength`.
    public mutating func record(_ reconcile: ReconcileSummary) {
        reconciles.insert(reconcile, at: 0)
        if reconciles.count > Self.historyLength { reconciles.removeLast(reconciles.count - Self.historyLength) }
    }
}

/// The state of one managed object after a reconcile.
public enum ObjectState: String, Sendable, Hashable, Codable, CaseIterable {
    case inSync = "in-sync"
    case drifted
    case pendingRestart = "pending-restart"
    case failed
    case pruned
    case suspended
}

/// One managed object in the status file: its state and, when drifted, what differs.
public struct ObjectStatus: Sendable, Hashable, Codable {
    public var id: ObjectID
    public var state: ObjectState
    public var drift: [FieldChange]
    public var error: String?
    public var manifest: String?
    /// A running domain's IP addresses (DHCP leases, guest agent); absent when none is known.
    public var addresses: [AddressStatus]?

    public init(
        id: ObjectID,
        state: ObjectState,
        drift: [FieldChange] = [],
        error: String? = nil,
        manifest: String? = nil
    ) {
        self.id = id
        self.state = state
        self.drift = drift
        self.error = error
        self.manifest = manifest
    }
}

/// One reconcile: when, why, at which revision, and how it ended.
public struct ReconcileSummary: Sendable, Hashable, Codable {
    /// How a reconcile ended.
    public enum Result: String, Sendable, Hashable, Codable, CaseIterable {
        case inSync = "in-sync"
        case applied
        case drifted
        case failed
        case refused
        case sourceFailed = "source-failed"
        /// A domain failed its health check and was put back; the revision is refused on this host.
        case rolledBack = "rolled-back"
    }

    public var startedAt: Date
    public var finishedAt: Date
    /// What started it: `start`, `interval`, `webhook`, `poll`, `event`.
    public var trigger: String
    public var revision: String?
    public var result: Result
    public var changes: Int
    public var failures: Int
    public var error: String?

    public init(
        startedAt: Date,
        finishedAt: Date,
        trigger: String,
        revision: String?,
        result: Result,
        changes: Int = 0,
        failures: Int = 0,
        error: String? = nil
    ) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.trigger = trigger
        self.revision = revision
        self.result = result
        self.changes = changes
        self.failures = failures
        self.error = error
    }
}
