public import VirtsyncManifest

/// Everything that would change on one host, as data: printed, serialised, tested, applied later.
public struct Plan: Sendable, Hashable, Codable {
    /// The steps in the order they apply: pools, volumes, networks, domains; then removals in reverse.
    public var steps: [PlanStep]
    /// Managed objects already as their manifests say.
    public var inSync: [ObjectID]
    /// Inventory objects whose manifests left; kept because prune is off.
    public var leftGit: [ObjectID]

    public init(steps: [PlanStep] = [], inSync: [ObjectID] = [], leftGit: [ObjectID] = []) {
        self.steps = steps
        self.inSync = inSync
        self.leftGit = leftGit
    }

    /// Steps that would write to libvirt (suspended objects are only reported).
    public var pending: [PlanStep] {
        steps.filter { step in
            !step.suspended && step.change != .refused && (!step.operations.isEmpty || step.change == .release)
        }
    }
    public var refused: [PlanStep] { steps.filter { $0.change == .refused } }
    public var isInSync: Bool { pending.isEmpty && refused.isEmpty }
}

/// One object's change: its class, the fields that differ (want vs have) and the writes that fix them.
public struct PlanStep: Sendable, Hashable, Codable {
    public var id: ObjectID
    public var change: ChangeClass
    public var fields: [FieldChange]
    public var operations: [Operation]
    /// Why a step is refused or pending, or what the reader should know.
    public var notes: [String]
    /// `FILE:LINE:COL` of the manifest, nil for a removal.
    public var manifest: String?
    /// `virtsync.io/suspend: "true"`: observed and reported, never changed.
    public var suspended: Bool

    public init(
        id: ObjectID,
        change: ChangeClass,
        fields: [FieldChange] = [],
        operations: [Operation] = [],
        notes: [String] = [],
        manifest: String? = nil,
        suspended: Bool = false
    ) {
        self.id = id
        self.change = change
        self.fields = fields
        self.operations = operations
        self.notes = notes
        self.manifest = manifest
        self.suspended = suspended
    }
}
