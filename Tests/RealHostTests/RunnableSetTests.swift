import Foundation
import Libvirt
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncPlan

extension RealHost {
    @Suite("The runnable set on a real host")
    struct RunnableSetTests {
        @Test(
            "applying the runnable set runs the VM, the network's dnsmasq, the pool and the qcow2 volume, then stays in sync with no writes"
        )
        func runnableSetRunsAndSettles() throws {
            try RealHost.withHost { host in
                let set = RunnableSet()
                try set.write(to: host)
                let first = try host.apply()
                #expect(first.plan.steps.filter { $0.change == .create }.count == 4, "\(describe(first.plan))")

                #expect(Shell.virsh("domstate", host.name("vm")).output.contains("running"))
                let network = Shell.virsh("net-info", host.name("net")).output
                #expect(network.contains(#/Active:\s+yes/#))
                let dnsmasq = Shell.run(["pgrep", "-f", "dnsmasq.*/\(host.name("net")).conf"])
                #expect(
                    dnsmasq.succeeded,
                    "no dnsmasq for \(host.name("net")): \(Shell.run(["pgrep", "-af", "dnsmasq"]).output)"
                )
                #expect(Shell.virsh("pool-info", host.name("pool")).output.contains(#/State:\s+running/#))
                var isDirectory: ObjCBool = false
                #expect(
                    FileManager.default.fileExists(atPath: host.poolDirectory, isDirectory: &isDirectory)
                        && isDirectory.boolValue
                )
                let info = try QemuImage.info(set.volumePath(host))
                #expect(info.format == "qcow2")
                #expect(info.virtualSize == 1 << 30)

                let again = try host.plan()
                #expect(again.plan.isInSync, "perpetual diff right after apply:\n\(describe(again.plan))")
                let writes = host.session.connection.mutationCount
                let report = try host.session.apply(again)
                #expect(report.succeeded)
                #expect(host.session.connection.mutationCount == writes, "a second apply wrote to libvirt")
            }
        }
    }
}
