import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// A manifest edit applied end to end: the plan it makes, what applying it did, and the plan after.
struct AppliedChange {
    var step: PlanStep?
    var report: ApplyReport
    var after: SyncSession.Planned

    /// The operations of the step, by their printed names (`define`, `set memory live to …`).
    var operations: [Operation] { step?.operations ?? [] }
    var fieldPaths: [String] { step?.fields.map(\.path) ?? [] }
}

extension DriverHost {
    /// Applies `before` (which must succeed), then plans and applies `after`, reporting the step for `id`.
    func change(_ id: ObjectID, from before: String, to after: String) throws -> AppliedChange {
        try applyCleanly(manifests(before))
        let desired = manifests(after)
        let (planned, report) = try apply(desired)
        return AppliedChange(step: step(planned, id), report: report, after: try plan(desired))
    }

    func domainID(_ base: String = "vm") -> ObjectID { ObjectID(.domain, name(base)) }
    func networkID(_ base: String = "net") -> ObjectID { ObjectID(.network, name(base)) }
    func poolID(_ base: String = "pool") -> ObjectID { ObjectID(.storagePool, name(base)) }
    func volumeID(_ base: String = "disk.qcow2", pool: String = "pool") -> ObjectID {
        ObjectID(.volume, name(base), pool: name(pool))
    }

    /// A pool, a volume on it and a domain using it, with the domain's YAML given.
    func stack(_ domain: String, volumes: [String] = []) -> String {
        ([poolYAML(), volumeYAML()] + volumes + [domain]).joined(separator: "\n---\n")
    }
}

extension Operation {
    var isDefine: Bool { if case .define = self { true } else { false } }
}
