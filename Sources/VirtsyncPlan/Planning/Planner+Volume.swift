import LibvirtXML
import VirtsyncManifest

extension Planner {
    func createVolume(_ object: DesiredObject) -> PlanStep {
        let xml = object.xml.xmlString()
        if let seed = object.policy.seed {
            return PlanStep(
                id: object.id,
                change: .create,
                operations: [.writeSeed(xml: xml, seed: SeedOperation(seed: seed))]
            )
        }
        if let image = object.policy.image {
            return PlanStep(
                id: object.id,
                change: .create,
                operations: [.createVolumeFromImage(xml: xml, image: image)]
            )
        }
        return PlanStep(
            id: object.id,
            change: .create,
            operations: [.createVolume(xml: xml, copyFrom: object.policy.copyFrom)]
        )
    }

    /// A seed volume changes with its content, which the host cannot show: the digest the inventory
    /// recorded when it was written stands for it. cloud-init reads a seed once per instance-id, so a
    /// new seed for a domain that exists already only matters to it if the instance-id changed.
    func updateSeed(
        _ object: DesiredObject,
        _ seed: SeedSpec,
        inventory: Inventory,
        observed: ObservedState
    ) -> PlanStep? {
        let recorded = inventory.entry(object.id)
        guard let want = seed.cloudInit.digest, recorded?.seedDigest != want else { return nil }
        let operation = SeedOperation(seed: seed)
        var notes = ["cloud-init seed changed (\(operation.summary))"]
        if observed.present.contains(ObjectID(.domain, seed.domain)) {
            if let before = recorded?.seedInstanceID, before != seed.instanceID {
                notes.append(
                    "instance-id changed (\(before) → \(seed.instanceID)): cloud-init runs again on the domain's next boot"
                )
            } else {
                notes.append(
                    "first boot only: \(seed.domain) has booted with this instance-id, so cloud-init will not read the new seed"
                )
            }
        }
        return PlanStep(
            id: object.id,
            change: .update,
            operations: [.writeSeed(xml: object.xml.xmlString(), seed: operation)],
            notes: notes
        )
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
                id: entry.id,
                change: .destroy,
                operations: (running ? [.shutdown(timeoutSeconds: entry.shutdownTimeoutSeconds ?? 120)] : []) + [
                    .undefine
                ]
            )
        case .network, .storagePool:
            return PlanStep(id: entry.id, change: .destroy, operations: (active ? [.stop] : []) + [.undefine])
        case .volume where entry.deletionPolicy == .delete:
            return PlanStep(id: entry.id, change: .destroy, operations: [.deleteVolume])
        case .volume:
            return PlanStep(
                id: entry.id,
                change: .release,
                notes: ["kept on the host (deletionPolicy: Retain): only forgotten"]
            )
        }
    }
}
