import Foundation
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

extension RealHost {
    @Suite("Lowering a running VM's current memory on a real host")
    struct LiveMemoryChangeTests {
        @Test("a lower currentMemory within the maximum is an update with a live balloon, visible in the live XML")
        func currentMemoryBalloonsLive() throws {
            try RealHost.withHost { host in
                try RunnableSet().write(to: host)
                try host.apply()
                try RunnableSet(currentMemory: "192MiB").write(to: host)

                let planned = try host.plan()
                let step = try #require(host.step(planned.plan, .domain, "vm"), "\(describe(planned.plan))")
                #expect(step.change == .update, "\(describe(planned.plan))")
                #expect(step.operations.contains(.setMemoryLive(kibibytes: 192 * 1024)), "\(step.operations)")
                #expect(step.fields.contains { $0.path == "currentMemory" }, "\(step.fields)")
                _ = try host.session.apply(planned)

                let persistent = Shell.virsh("dumpxml", "--inactive", host.name("vm")).output
                #expect(persistent.contains("<currentMemory unit='KiB'>196608</currentMemory>"), "\(persistent)")
                // The runnable VM boots no OS, so no balloon driver answers: QEMU keeps the guest at 256MiB and
                // libvirt's live XML reports that, and the planner asks for the balloon again on every plan.
                // A guest with virtio_balloon converges; both checks then pass.
                try withKnownIssue("no balloon driver in a diskless TCG guest", isIntermittent: true) {
                    let live = Shell.virsh("dumpxml", host.name("vm")).output
                    #expect(live.contains("<currentMemory unit='KiB'>196608</currentMemory>"), "live XML: \(live)")
                    let again = try host.plan()
                    #expect(again.plan.isInSync, "after the balloon:\n\(describe(again.plan))")
                }
            }
        }
    }
}
