import LibvirtXML
import VirtsyncManifest

extension Planner {
    func createNetwork(_ object: DesiredObject) -> PlanStep {
        var operations: [Operation] = [.define(xml: object.xml.xmlString())]
        if object.policy.active != false { operations.append(.start) }
        if object.policy.autostart == true { operations.append(.setAutostart(true)) }
        return PlanStep(id: object.id, change: .create, operations: operations)
    }

    func updateNetwork(_ object: DesiredObject, _ have: ObservedObject) -> PlanStep? {
        if let uuid = uuidChange(object, have) { return replaceStartable(object, have, uuid) }
        let config = comparator.compare(want: object.xml, have: have.xml)
        var fields = config
        var operations: [Operation] = []
        let dhcpOnly = !config.isEmpty && config.allSatisfy(Self.isDHCPHost)
        if dhcpOnly {
            operations += DHCPHostDiff.operations(want: object.xml, have: have.xml, comparator: comparator)
        } else if !config.isEmpty {
            operations.append(.define(xml: merger.merge(want: object.xml, into: have.xml).xmlString()))
        }
        var restart: [FieldChange] = []
        if have.active {
            let live = comparator.compare(want: object.xml, have: have.liveXML ?? have.xml).filter {
                !Self.isDHCPHost($0)
            }
            restart = dhcpOnly ? live : Array(Set(live + config.filter { !Self.isDHCPHost($0) }))
            let known = Set(fields.map(\.path))
            fields += live.filter { !known.contains($0.path) }
        }
        operations += activation(want: object.policy.active, have: have.active, fields: &fields)
        operations += autostart(want: object.policy.autostart, have: have.autostart, fields: &fields)
        guard !fields.isEmpty || !operations.isEmpty else { return nil }
        var step = PlanStep(
            id: object.id,
            change: restart.isEmpty ? .update : .pendingRestart,
            fields: fields,
            operations: operations
        )
        if !restart.isEmpty {
            step.notes.append(
                "the running network keeps its old configuration until restarted (virsh net-destroy, net-start); guests on it lose their link until reattached"
            )
        }
        return step
    }

    static func isDHCPHost(_ change: FieldChange) -> Bool {
        XMLComparator.schemaPath(change.path).hasPrefix("ip/dhcp/host")
    }

    /// Start or stop a network or pool when the manifest says so.
    func activation(want: Bool?, have: Bool, fields: inout [FieldChange]) -> [Operation] {
        guard let want, want != have else { return [] }
        fields.append(FieldChange(path: "active", want: "\(want)", have: "\(have)"))
        return [want ? .start : .stop]
    }

    func autostart(want: Bool?, have: Bool, fields: inout [FieldChange]) -> [Operation] {
        guard let want, want != have else { return [] }
        fields.append(FieldChange(path: "autostart", want: "\(want)", have: "\(have)"))
        return [.setAutostart(want)]
    }

    /// Networks and pools whose UUID changed: stopped, undefined, defined again, started as before.
    func replaceStartable(_ object: DesiredObject, _ have: ObservedObject, _ uuid: FieldChange) -> PlanStep {
        var operations: [Operation] = have.active ? [.stop] : []
        operations += [.undefine, .define(xml: merger.merge(want: object.xml, into: have.xml).xmlString())]
        if object.policy.active ?? have.active { operations.append(.start) }
        if object.policy.autostart ?? have.autostart { operations.append(.setAutostart(true)) }
        return PlanStep(
            id: object.id,
            change: .replace,
            fields: [uuid],
            operations: operations,
            notes: ["libvirt cannot change a UUID in place: undefined and defined again"]
        )
    }
}
