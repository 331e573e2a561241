import LibvirtXML
import VirtsyncManifest

extension Planner {
    func createVolume(_ object: DesiredObject) -> PlanStep {
        PlanStep(id: object.id, change: .create, operations: [.createVolume(xml: object.xml.xmlString(), copyFrom: object.policy.copyFrom)])
    }

    /// A volume only grows in place (online when a running domain uses it); a shrink or a new format is refused.
    func updateVolume(_ object: DesiredObject, _ have: ObservedObject, observed: ObservedState) -> PlanStep? {
        let fields = comparator.compare(want: object.xml, have: have.xml)
        guard !fields.isEmpty else { return nil }
        var notes: [String] = []
        var operations: [Operation] = []
        for field in fields {
            guard field.path == "capacity", let want = capacity(object.xml), let current = capacity(have.xml) else {
                notes.append("\(field.path) cannot change in place: recreating the volume would lose its data")
                continue
            }
            if want < current {
                notes.append("shrinking a volume is refused (want \(want) bytes, have \(current) bytes)")
            } else {
                let user = have.xml.descendant("target/path")?.text.flatMap { observed.runningDisks[$0] }
                operations.append(.growVolume(bytes: want, domain: user?.domain, target: user?.target))
            }
        }
        if !notes.isEmpty { return PlanStep(id: object.id, change: .refused, fields: fields, notes: notes) }
        return PlanStep(id: object.id, change: .update, fields: fields, operations: operations)
    }

    private func capacity(_ volume: XElement) -> UInt64? {
        guard let element = volume.child("capacity"), let text = element.text else { return nil }
        return ScaledUnit.bytes(text, unit: element[attribute: "unit"], element: "capacity")
    }

    /// Prune: what happens to an inventory object whose manifest left git.
    func removal(of entry: Inventory.Entry, observed: ObservedState) -> PlanStep {
        guard observed.present.contains(entry.id) else {
            return PlanStep(id: entry.id, change: .release, notes: ["already gone from the host: forgotten"])
        }
        let have = observed.objects[entry.id]
        let active = have?.active ?? false
        switch entry.id.kind {
        case .domain:
            let running = have.map { $0.power == .running || $0.power == .paused } ?? false
            return PlanStep(
                id: entry.id, change: .destroy,
                operations: (running ? [.shutdown(timeoutSeconds: entry.shutdownTimeoutSeconds ?? 120)] : []) + [.undefine])
        case .network, .storagePool:
            return PlanStep(id: entry.id, change: .destroy, operations: (active ? [.stop] : []) + [.undefine])
        case .volume where entry.deletionPolicy == .delete:
            return PlanStep(id: entry.id, change: .destroy, operations: [.deleteVolume])
        case .volume:
            return PlanStep(id: entry.id, change: .release, notes: ["kept on the host (deletionPolicy: Retain): only forgotten"])
        }
    }
}
