import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// `os.kernel`, `os.initrd` and `os.cmdline` (direct kernel boot) are read by QEMU when it starts: a
/// change to a running domain is planned `pending-restart`, applied to the definition, and then in sync.
@Suite("direct kernel boot changes")
struct DirectKernelBootChangeTests {
    static func os(_ host: DriverHost, cmdline: String) -> String {
        "  os:\n    kernel: \(host.path("vmlinuz"))\n    initrd: \(host.path("initrd.img"))\n    cmdline: \(cmdline)"
    }

    @Test("booting a running domain from a kernel waits for a restart")
    func kernelAdded() throws {
        let host = try DriverHost()
        let change = try host.change(
            host.domainID(),
            from: host.stack(host.domainYAML()),
            to: host.stack(host.domainYAML(spec: Self.os(host, cmdline: "console=ttyS0")))
        )
        #expect(change.step?.change == .pendingRestart, "\(change.fieldPaths)")
        #expect(change.fieldPaths.contains { $0.hasPrefix("os/kernel") }, "\(change.fieldPaths)")
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(change.after.plan.steps.allSatisfy { $0.change == .pendingRestart }, "\(change.after.plan.steps)")
        #expect(try host.domainXML("vm").contains("<kernel>\(host.path("vmlinuz"))</kernel>"))
    }

    @Test("a changed kernel command line on a running domain waits for a restart")
    func cmdlineChanged() throws {
        let host = try DriverHost()
        let change = try host.change(
            host.domainID(),
            from: host.stack(host.domainYAML(spec: Self.os(host, cmdline: "console=ttyS0"))),
            to: host.stack(host.domainYAML(spec: Self.os(host, cmdline: "console=ttyS0 quiet")))
        )
        #expect(change.step?.change == .pendingRestart, "\(change.fieldPaths)")
        #expect(change.fieldPaths == ["os/cmdline"], "\(change.fieldPaths)")
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(try host.domainXML("vm").contains("<cmdline>console=ttyS0 quiet</cmdline>"))
    }
}
