import LibvirtXML

extension Planner {
    func createPool(_ object: DesiredObject) -> PlanStep {
        var operations: [Operation] = [.define(xml: object.xml.xmlString())]
        if object.policy.build { operations.append(.build) }
        if object.policy.active != false { operations.append(.start) }
        if object.policy.autostart == true { operations.append(.setAutostart(true)) }
        return PlanStep(id: object.id, change: .create, operations: operations)
    }

    /// A changed pool is redefined and, when active, restarted: volumes and the guests using them are untouched.
    func updatePool(_ object: DesiredObject, _ have: ObservedObject) -> PlanStep? {
        if let uuid = uuidChange(object, have) { return replaceStartable(object, have, uuid) }
        var fields = comparator.compare(want: object.xml, have: have.xml)
        var operations: [Operation] = []
        var activation = activation(want: object.policy.active, have: have.active, fields: &fields)
        if fields.contains(where: { !Self.isActivity($0) }) {
            operations.append(.define(xml: merger.merge(want: object.xml, into: have.xml).xmlString()))
            // libvirt refuses to build an active pool, and a redefined one takes effect on restart.
            if have.active { operations.append(.stop) }
            if object.policy.build { operations.append(.build) }
            if have.active && object.policy.active != false { operations.append(.start) }
            if have.active { activation.removeAll { $0 == .stop } }
        }
        operations += activation
        operations += autostart(want: object.policy.autostart, have: have.autostart, fields: &fields)
        guard !fields.isEmpty || !operations.isEmpty else { return nil }
        return PlanStep(id: object.id, change: .update, fields: fields, operations: operations)
    }

    private static func isActivity(_ change: FieldChange) -> Bool { change.path == "active" }
}
