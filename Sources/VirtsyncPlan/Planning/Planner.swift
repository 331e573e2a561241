import LibvirtXML
public import VirtsyncManifest

/// Works out the plan: (manifests, observed host, inventory) → `Plan`. Pure: no libvirt, no files.
public struct Planner: Sendable {
    public var options: PlanOptions
    let comparator: XMLComparator
    let merger: XMLMerger
    /// libvirt's spelling of desired documents (see `XMLCanonicalizer`); nil compares them as rendered.
    let canonicalizer: (any XMLCanonicalizer)?
    /// Verdicts of earlier plans (see `VerdictMemo`); nil compares every object.
    let memo: (any VerdictMemo)?

    public init(
        options: PlanOptions = PlanOptions(),
        comparator: XMLComparator = XMLComparator(),
        canonicalizer: (any XMLCanonicalizer)? = nil,
        memo: (any VerdictMemo)? = nil
    ) {
        self.options = options
        self.comparator = comparator
        self.merger = XMLMerger(comparator: comparator)
        self.canonicalizer = canonicalizer
        self.memo = memo
    }

    public func plan(_ manifests: [Manifest], observed: ObservedState, inventory: Inventory) -> Plan {
        let formats = Renderer.volumeFormats(of: manifests)
        // Within a kind by id, except that a volume cloned from a declared volume comes after the others,
        // so its base image (downloaded by the same apply) exists when it is created.
        let ordered = manifests.sorted { lhs, rhs in
            guard lhs.kind == rhs.kind, lhs.kind == .volume, Self.isClone(lhs) != Self.isClone(rhs) else {
                return lhs.id < rhs.id
            }
            return Self.isClone(rhs)
        }
        // Each object's step depends only on its manifest and what the host has of it.
        let steps = ordered.concurrentMap { manifest in
            step(for: DesiredObject(manifest, volumeFormats: formats), observed: observed, inventory: inventory)
        }
        var plan = Plan()
        for (manifest, step) in zip(ordered, steps) {
            if let step { plan.steps.append(step) } else { plan.inSync.append(manifest.id) }
        }
        let wanted = Set(ordered.map(\.id))
        let departed = inventory.entries.filter { !wanted.contains($0.id) }.sorted { $1.id < $0.id }
        for entry in departed {
            if options.prune {
                plan.steps.append(removal(of: entry, observed: observed))
            } else {
                plan.leftGit.append(entry.id)
            }
        }
        return plan
    }

    /// The step for one manifest, or nil when the object is already as it says.
    func step(for object: DesiredObject, observed: ObservedState, inventory: Inventory) -> PlanStep? {
        let location = object.manifest.location.description
        guard let have = observed.objects[object.id] else {
            if observed.present.contains(object.id) {
                return PlanStep(
                    id: object.id,
                    change: .refused,
                    notes: ["exists on the host but could not be read"],
                    manifest: location
                )
            }
            return finish(creation(of: object), object)
        }
        let managed = inventory.contains(object.id) || have.marked
        if !managed && !options.adopt {
            return PlanStep(
                id: object.id,
                change: .refused,
                notes: ["\(object.id) exists on the host but is not managed by virtsync; use --adopt to take it over"],
                manifest: location
            )
        }
        let adopting = !managed
        // Only managed objects: adopting one changes the inventory even when it matches. Not volumes:
        // their step depends on more than their own object (domains using them, their seed's inputs).
        let memo = object.id.kind == .volume || adopting ? nil : memo
        let lookup = memo?.lookUp(object, have)
        if lookup?.inSync == true { return nil }
        var object = object
        // As rendered first: most objects of a steady host match, and then the round trip through
        // libvirt's parser is not needed. Only a step found that way is worked out again in libvirt's spelling.
        var update = update(of: object, from: have, adopting: adopting, observed: observed, inventory: inventory)
        if update != nil, let canonical = canonicalized(object, against: have) {
            object = canonical
            update = self.update(of: object, from: have, adopting: adopting, observed: observed, inventory: inventory)
        }
        if update == nil, let lookup { memo?.noteInSync(lookup) }
        // Adopting an object that already matches still changes something: it joins the inventory.
        guard var step = update ?? (adopting ? PlanStep(id: object.id, change: .update) : nil) else { return nil }
        if adopting { step.notes.append("adopted: \(object.id) becomes managed") }
        return finish(step, object)
    }

    private func finish(_ step: PlanStep, _ object: DesiredObject) -> PlanStep {
        var step = step
        step.manifest = object.manifest.location.description
        step.suspended = object.manifest.metadata.isSuspended
        if step.suspended { step.notes.append("suspended (virtsync.io/suspend): reported, not changed") }
        return step
    }

    private func creation(of object: DesiredObject) -> PlanStep {
        switch object.id.kind {
        case .domain: createDomain(object)
        case .network: createNetwork(object)
        case .storagePool: createPool(object)
        case .volume: createVolume(object)
        }
    }

    private func update(
        of object: DesiredObject,
        from have: ObservedObject,
        adopting: Bool,
        observed: ObservedState,
        inventory: Inventory
    ) -> PlanStep? {
        switch object.id.kind {
        case .domain: updateDomain(object, have, adopting: adopting)
        case .network: updateNetwork(object, have)
        case .storagePool: updatePool(object, have)
        case .volume:
            if let seed = object.policy.seed {
                updateSeed(object, seed, inventory: inventory, observed: observed)
            } else {
                updateVolume(object, have, observed: observed)
            }
        }
    }

    static func isClone(_ manifest: Manifest) -> Bool {
        if case .volume(let spec) = manifest.spec { return spec.backingStore?.volume != nil }
        return false
    }

    /// A UUID the manifest fixes that differs from the host's: libvirt cannot change it in place.
    func uuidChange(_ object: DesiredObject, _ have: ObservedObject) -> FieldChange? {
        guard let want = object.xml.child("uuid")?.text, let current = have.xml.child("uuid")?.text,
            want.lowercased() != current.lowercased()
        else { return nil }
        return FieldChange(path: "uuid", want: want, have: current)
    }
}
