public import Foundation
public import VirtsyncManifest
public import VirtsyncPlan

/// What one ref (a pull request's head) would do on this host, planned against the live host and never
/// applied: the status file's `previews`, `GET /previews`, and the rows of `virtsync preview`.
public struct PreviewStatus: Sendable, Hashable, Codable {
    /// The full ref name, e.g. `refs/pull/12/head`.
    public var ref: String
    /// The commit the ref led to when it was planned.
    public var revision: String
    /// The revision of `source.ref` applied on this host when it was planned (what the preview is a diff
    /// against, besides the host's live state); nil before the first apply.
    public var base: String?
    public var plannedAt: Date
    /// Every object the ref would change, with its change class and fields; empty when it changes
    /// nothing here or when `error` says it would be refused.
    public var steps: [PreviewStep]
    /// Objects of this host the ref leaves as they are.
    public var inSync: Int
    /// Why the ref would be refused on this host (invalid manifests, no manifests, too many destroys, an
    /// unsigned commit), or why it could not be planned.
    public var error: String?

    public init(
        ref: String,
        revision: String,
        base: String?,
        plannedAt: Date,
        steps: [PreviewStep],
        inSync: Int = 0,
        error: String? = nil
    ) {
        self.ref = ref
        self.revision = revision
        self.base = base
        self.plannedAt = plannedAt
        self.steps = steps
        self.inSync = inSync
        self.error = error
    }

    /// How many steps of each change class.
    public var counts: [ChangeClass: Int] {
        steps.reduce(into: [:]) { counts, step in counts[step.change, default: 0] += 1 }
    }

    /// Whether the ref would restart, replace or destroy something here: what a reviewer must see first.
    public var isDisruptive: Bool { steps.contains { $0.change.isDisruptive } }
}

/// One object's change in a preview (a `PlanStep` without its libvirt operations).
public struct PreviewStep: Sendable, Hashable, Codable {
    public var object: ObjectID
    public var change: ChangeClass
    public var fields: [FieldChange]
    /// Why a step is refused or pending, or what the reader should know.
    public var notes: [String]
    /// `FILE:LINE:COL` of the manifest in the ref's revision; nil for a removal.
    public var manifest: String?

    public init(
        object: ObjectID,
        change: ChangeClass,
        fields: [FieldChange] = [],
        notes: [String] = [],
        manifest: String? = nil
    ) {
        self.object = object
        self.change = change
        self.fields = fields
        self.notes = notes
        self.manifest = manifest
    }

    /// The step of a plan, as a preview shows it.
    public init(_ step: PlanStep) {
        self.init(object: step.id, change: step.change, fields: step.fields, notes: step.notes, manifest: step.manifest)
    }
}

extension ChangeClass {
    /// A restart (pending or done by `restartPolicy`), a replace or a destroy: a VM goes down or data goes.
    public var isDisruptive: Bool { self == .pendingRestart || self == .replace || self == .destroy }

    /// The order a preview table lists classes in: what takes a VM down or loses data first.
    public var previewRank: Int {
        switch self {
        case .pendingRestart: 0
        case .replace: 1
        case .destroy: 2
        case .refused: 3
        case .create: 4
        case .update: 5
        case .release: 6
        }
    }
}
