import TestSupport
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

extension RealHost {
    @Suite("Changing a running VM's NIC model on a real host")
    struct InterfaceModelChangeTests {
        @Test("virtio to e1000 on a running VM is planned as pending-restart, naming the interface model")
        func interfaceModelNeedsRestart() throws {
            try RealHost.withHost { host in
                try RunnableSet().write(to: host)
                try host.apply()
                try RunnableSet(model: "e1000").write(to: host)

                let planned = try host.plan()
                let step = try #require(host.step(planned.plan, .domain, "vm"), "\(describe(planned.plan))")
                #expect(step.change == .pendingRestart, "\(describe(planned.plan))")
                #expect(
                    step.fields.contains { $0.path.hasSuffix("model@type") && $0.want == "e1000" },
                    "\(step.fields)"
                )
                #expect(Shell.virsh("domstate", host.name("vm")).output.contains("running"))
            }
        }
    }
}
