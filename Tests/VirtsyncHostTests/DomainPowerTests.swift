import Libvirt
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// A domain's power state is kept as the manifest says, and `restartPolicy: Graceful` restarts for pending changes.
@Suite("domain power state")
struct DomainPowerTests {
    static let transitions: [(from: String, to: String, operations: [String])] = [
        ("shutoff", "running", ["start"]),
        ("running", "paused", ["suspend"]),
        ("paused", "running", ["resume"]),
        ("shutoff", "paused", ["start", "suspend"]),
        ("paused", "shutoff", ["shut down (ACPI, 120s, then destroy)"]),
    ]

    @Test("each power transition is an update with the writes that make it", arguments: transitions)
    func transition(row: (from: String, to: String, operations: [String])) throws {
        let host = try DriverHost()
        let change = try host.change(
            host.domainID(),
            from: host.stack(host.domainYAML(state: row.from)),
            to: host.stack(host.domainYAML(state: row.to))
        )
        #expect(change.step?.change == .update)
        #expect(change.operations.map(\.description) == row.operations)
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(change.after.plan.steps.isEmpty, "\(change.after.plan.steps)")
    }

    @Test("with restartPolicy Graceful, a change that needs a restart shuts the domain down and starts it again")
    func gracefulRestart() throws {
        let host = try DriverHost()
        let policy = "  restartPolicy: Graceful"
        let change = try host.change(
            host.domainID(),
            from: host.stack(host.domainYAML(vcpus: 2, spec: policy)),
            to: host.stack(host.domainYAML(vcpus: 4, spec: policy))
        )
        #expect(change.step?.change == .pendingRestart)
        #expect(change.operations.map(\.description) == ["define", "shut down (ACPI, 120s, then destroy)", "start"])
        #expect(change.step?.notes.contains { $0.hasPrefix("restarted gracefully") } == true)
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(try host.domainXML("vm", inactive: false).contains(">4</vcpu>"))
        #expect(change.after.plan.steps.isEmpty, "\(change.after.plan.steps)")
    }
}
