import LibvirtXML
import VirtsyncManifest

extension Planner {
    func createDomain(_ object: DesiredObject) -> PlanStep {
        var operations: [Operation] = [.define(xml: stamped(object.xml, object))]
        operations += powerOperations(
            want: object.policy.power,
            have: .shutoff,
            timeout: object.policy.shutdownTimeoutSeconds
        )
        if object.policy.autostart == true { operations.append(.setAutostart(true)) }
        return PlanStep(id: object.id, change: .create, operations: operations)
    }

    func updateDomain(_ object: DesiredObject, _ have: ObservedObject, adopting: Bool) -> PlanStep? {
        // The device lists this manifest names are owned for this domain alone.
        let comparator = self.comparator.owning(object.ownedLists)
        let merger = XMLMerger(comparator: comparator)
        if let uuid = uuidChange(object, have) { return replaceDomain(object, have, uuid, merger: merger) }
        let config = comparator.compare(want: object.xml, have: have.xml)
        var operations: [Operation] = []
        if !config.isEmpty || adopting {
            operations.append(.define(xml: stamped(merger.merge(want: object.xml, into: have.xml), object)))
        }
        var fields = config
        var restart: [FieldChange] = []
        if have.power == .running || have.power == .paused {
            let live = LiveNoise.filter(
                comparator.compare(want: object.xml, have: have.liveXML ?? have.xml),
                want: object.xml
            )
            let (liveOperations, needsRestart) = liveUpdates(live, want: object.xml)
            operations += liveOperations + balloon(config, want: object.xml)
            restart = needsRestart
            let known = Set(fields.map(\.path))
            fields += live.filter { !known.contains($0.path) }
        }
        let power = powerOperations(
            want: object.policy.power,
            have: have.power,
            timeout: object.policy.shutdownTimeoutSeconds
        )
        if !power.isEmpty {
            fields.append(FieldChange(path: "state", want: object.policy.power?.rawValue, have: have.power.rawValue))
        }
        if !restart.isEmpty && object.policy.restartPolicy == .graceful && object.policy.power != .shutoff
            && power.isEmpty
        {
            operations += [.shutdown(timeoutSeconds: object.policy.shutdownTimeoutSeconds), .start]
        }
        operations += power
        if let autostart = object.policy.autostart, autostart != have.autostart {
            operations.append(.setAutostart(autostart))
            fields.append(FieldChange(path: "autostart", want: "\(autostart)", have: "\(have.autostart)"))
        }
        guard !fields.isEmpty || !operations.isEmpty else { return nil }
        var step = PlanStep(
            id: object.id,
            change: restart.isEmpty ? .update : .pendingRestart,
            fields: fields,
            operations: operations
        )
        if !restart.isEmpty {
            step.notes.append(
                object.policy.restartPolicy == .graceful
                    ? "restarted gracefully to apply: " + restart.map(\.path).joined(separator: ", ")
                    : "needs a restart to apply: " + restart.map(\.path).joined(separator: ", ")
                        + " (restartPolicy: Never)"
            )
        }
        return step
    }

    /// Splits live differences into what libvirt changes on a running domain and what needs a restart.
    private func liveUpdates(_ live: [FieldChange], want: XElement) -> ([Operation], [FieldChange]) {
        let maxVcpuChanges = live.contains { $0.path == "vcpu" }
        var operations: [Operation] = []
        var restart: [FieldChange] = []
        for change in live {
            if change.path == "vcpu@current", !maxVcpuChanges, let count = change.want.flatMap({ Int($0) }) {
                operations.append(.setVcpusLive(count))
            } else if let device = Self.hotPluggable(change, want: want) {
                operations.append(.attachDeviceLive(xml: device.xmlString()))
            } else {
                restart.append(change)
            }
        }
        return (operations, restart)
    }

    /// The member a change adds whole to a device list declared `live` (`devices/rng[/dev/urandom]`, missing
    /// on the host): libvirt hot-plugs it. A member removed or changed waits for a restart: unplugging
    /// needs the guest's cooperation, which a plan cannot count on.
    static func hotPluggable(_ change: FieldChange, want: XElement) -> XElement? {
        let path = change.path
        guard change.have == nil, path.hasPrefix("devices/"), path.hasSuffix("]"), let open = path.firstIndex(of: "[")
        else { return nil }
        let element = String(path[path.index(path.startIndex, offsetBy: "devices/".count)..<open])
        let key = String(path[path.index(after: open)..<path.index(before: path.endIndex)])
        guard let list = DomainSpec.Devices.lists.first(where: { $0.element == element }), list.change == .live else {
            return nil
        }
        return want.child("devices")?.children(element).first { list.xmlKey($0) == key }
    }

    /// A new `currentMemory` within an unchanged maximum is also ballooned into the running domain.
    private func balloon(_ config: [FieldChange], want: XElement) -> [Operation] {
        guard config.contains(where: { $0.path == "currentMemory" }), !config.contains(where: { $0.path == "memory" }),
            let element = want.child("currentMemory"), let text = element.text,
            let bytes = ScaledUnit.bytes(text, unit: element[attribute: "unit"], element: "currentMemory")
        else { return [] }
        return [.setMemoryLive(kibibytes: bytes / 1024)]
    }

    private func replaceDomain(
        _ object: DesiredObject,
        _ have: ObservedObject,
        _ uuid: FieldChange,
        merger: XMLMerger
    ) -> PlanStep {
        let running = have.power == .running || have.power == .paused
        var operations: [Operation] = running ? [.shutdown(timeoutSeconds: object.policy.shutdownTimeoutSeconds)] : []
        operations += [.undefine, .define(xml: stamped(merger.merge(want: object.xml, into: have.xml), object))]
        let power = object.policy.power ?? (running ? .running : .shutoff)
        operations += powerOperations(want: power, have: .shutoff, timeout: object.policy.shutdownTimeoutSeconds)
        if let autostart = object.policy.autostart ?? (have.autostart ? true : nil), autostart {
            operations.append(.setAutostart(true))
        }
        return PlanStep(
            id: object.id,
            change: .replace,
            fields: [uuid],
            operations: operations,
            notes: ["libvirt cannot change a UUID in place: undefined and defined again (disks are kept)"]
        )
    }

    /// The writes that take a domain from one power state to another.
    func powerOperations(want: DomainSpec.PowerState?, have: ObservedObject.Power, timeout: Int) -> [Operation] {
        switch (want, have) {
        case (nil, _), (.running?, .running), (.paused?, .paused), (.shutoff?, .shutoff), (_, .other): []
        case (.running?, .shutoff): [.start]
        case (.running?, .paused): [.resume]
        case (.paused?, .running): [.suspend]
        case (.paused?, .shutoff): [.start, .suspend]
        case (.shutoff?, .running), (.shutoff?, .paused): [.shutdown(timeoutSeconds: timeout)]
        }
    }

    private func stamped(_ xml: XElement, _ object: DesiredObject) -> String {
        OwnershipMark.stamp(xml, manifest: object.manifest.location.file, revision: options.revision).xmlString()
    }
}
