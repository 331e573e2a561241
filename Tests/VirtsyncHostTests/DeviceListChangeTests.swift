import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// Each declared device list, added to a running domain's manifest, is planned as its declared change
/// class, applies, and leaves the definition in sync; leaving a newer list out never becomes drift.
@Suite("device list changes")
struct DeviceListChangeTests {
    /// The `devices` lines that add one member of each list (four-space indent, under `devices:`).
    static func lines(_ key: String, host: DriverHost) -> String {
        switch key {
        case "consoles": "    serials:\n      - {type: pty}\n    consoles:\n      - {target: serial}\n"
        case "filesystems": "    filesystems:\n      - {source: \(host.path("share")), target: share}\n"
        case "hostdevs": "    hostdevs:\n      - {address: '0000:00:1f.0'}\n"
        case "serials": "    serials:\n      - {type: pty}\n"
        case "videos": "    videos:\n      - {model: vga}\n"
        default: "    \(key):\n      - {}\n"
        }
    }

    static let newerLists = DomainSpec.Devices.lists.filter { !["disks", "interfaces", "graphics"].contains($0.key) }

    @Test("a member added to a running domain is planned as the list's change class", arguments: newerLists.map(\.key))
    func memberAdded(key: String) throws {
        let list = try #require(DomainSpec.Devices.lists.first { $0.key == key })
        let host = try DriverHost()
        if list.change == .live {
            // test:///default cannot hot-plug (virDomainAttachDeviceFlags is not in its driver): the plan is
            // checked here, the apply on qemu:///system (DeviceRoundTripTests).
            try host.applyCleanly(host.manifests(host.stack(host.domainYAML())))
            let planned = try host.plan(
                host.manifests(host.stack(host.domainYAML(interfaces: Self.lines(key, host: host))))
            )
            let step = try #require(host.step(planned, host.domainID()))
            #expect(step.change == .update, "\(step.fields)")
            #expect(
                step.operations.contains { if case .attachDeviceLive = $0 { true } else { false } },
                "\(step.operations)"
            )
            return
        }
        let change = try host.change(
            host.domainID(),
            from: host.stack(host.domainYAML()),
            to: host.stack(host.domainYAML(interfaces: Self.lines(key, host: host)))
        )
        let expected: ChangeClass = list.change == .live ? .update : .pendingRestart
        #expect(change.step?.change == expected, "\(change.fieldPaths)")
        #expect(change.fieldPaths.contains { $0.hasPrefix("devices/\(list.element)") }, "\(change.fieldPaths)")
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(change.after.plan.isInSync, "\(change.after.plan.steps)")
        #expect(try host.domainXML("vm").contains("<\(list.element)"))
    }

    @Test("a list the manifest leaves out is not compared: libvirt's members are not drift")
    func leftOutListIsNotDrift() throws {
        let host = try DriverHost()
        try host.applyCleanly(host.manifests(host.stack(host.domainYAML(interfaces: Self.lines("rngs", host: host)))))
        let planned = try host.plan(host.manifests(host.stack(host.domainYAML())))
        #expect(planned.plan.steps.isEmpty, "\(planned.plan.steps)")
    }
}
