import Foundation
import Libvirt
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// Network changes: a DHCP host is added live without a redefine; anything else waits for a restart.
@Suite("network field changes")
struct NetworkFieldChangeTests {
    @Test("a DHCP host added to an active network is an update through updateDHCPHost, with no define")
    func dhcpHost() throws {
        let host = try DriverHost()
        let hosts = "        hosts:\n          - {mac: \"52:54:00:aa:bb:01\", name: web1, ip: 10.99.20.50}\n"
        let before = host.networkYAML(subnet: 20)
        let after = before.replacingOccurrences(of: "10.99.20.100}\n", with: "10.99.20.100}\n" + hosts)
        try #require(after != before)
        let change = try host.change(host.networkID(), from: before, to: after)
        #expect(change.step?.change == .update)
        #expect(change.operations.count == 1)
        guard case .updateDHCPHost(add: true, let xml)? = change.operations.first else {
            Issue.record("want one DHCP host added, got \(change.operations)")
            return
        }
        #expect(xml.contains("52:54:00:aa:bb:01") && xml.contains("10.99.20.50"))
        #expect(change.fieldPaths == ["ip[10.99.20.1]/dhcp/host[52:54:00:aa:bb:01]"])
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(
            try host.connection.lookupNetwork(name: host.name("net"))?.xml(inactive: false).contains(
                "52:54:00:aa:bb:01"
            ) == true
        )
        #expect(change.after.plan.steps.isEmpty, "\(change.after.plan.steps)")
    }

    @Test("a DHCP host removed from an active network is deleted through updateDHCPHost")
    func dhcpHostRemoved() throws {
        let host = try DriverHost()
        let hosts = "        hosts:\n          - {mac: \"52:54:00:aa:bb:02\", name: web2, ip: 10.99.22.51}\n"
        let after = host.networkYAML(subnet: 22)
        let before = after.replacingOccurrences(of: "10.99.22.100}\n", with: "10.99.22.100}\n" + hosts)
        let change = try host.change(host.networkID(), from: before, to: after)
        #expect(change.step?.change == .update)
        #expect(change.step?.fields.map { $0.want == nil } == [true], "\(change.step?.fields ?? [])")
        guard case .updateDHCPHost(add: false, let xml)? = change.operations.first, change.operations.count == 1 else {
            Issue.record("want one DHCP host deleted, got \(change.operations)")
            return
        }
        #expect(xml.contains("52:54:00:aa:bb:02"))
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(change.after.plan.steps.isEmpty, "\(change.after.plan.steps)")
    }

    @Test("turning STP off on an active network is redefined and pending a restart")
    func stp() throws {
        let host = try DriverHost()
        let before = host.networkYAML(subnet: 21)
        let bridge = "bridge: {name: \(host.bridgeName("net"))"
        let after = before.replacingOccurrences(of: bridge + "}", with: bridge + ", stp: false}")
        try #require(after != before)
        let change = try host.change(host.networkID(), from: before, to: after)
        #expect(change.step?.change == .pendingRestart)
        #expect(
            change.step?.fields.contains(FieldChange(path: "bridge@stp", want: "off", have: "on")) == true,
            "\(change.step?.fields ?? [])"
        )
        #expect(change.operations.map(\.isDefine) == [true])
        #expect(change.report.succeeded, "\(change.report.failures)")
        withKnownIssue("test:///default reads an active network's live definition only, so the new one never shows") {
            #expect(change.after.plan.isInSync, "\(change.after.plan.steps)")
        }
    }

    @Test("a network's new UUID replaces it: stopped, undefined, defined and started again")
    func uuid() throws {
        let host = try DriverHost()
        let tag = String(host.prefix.dropFirst().dropLast())
        func uuid(_ last: Character) -> String {
            String(repeating: "0", count: 8 - tag.count) + tag + "-0000-4000-8000-" + String(repeating: last, count: 12)
        }
        let change = try host.change(
            host.networkID(),
            from: host.networkYAML(subnet: 23, spec: "  uuid: \"\(uuid("1"))\""),
            to: host.networkYAML(subnet: 23, spec: "  uuid: \"\(uuid("2"))\"")
        )
        #expect(change.step?.change == .replace)
        #expect(change.operations.map(\.description) == ["stop", "undefine", "define", "start", "autostart on"])
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(try host.connection.lookupNetwork(name: host.name("net"))?.uuid == uuid("2"))
        #expect(change.after.plan.steps.isEmpty, "\(change.after.plan.steps)")
    }
}
