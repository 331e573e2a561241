import Foundation
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

extension RealHost {
    @Suite("Hand edits with virsh on a real host")
    struct HandEditTests {
        @Test("vCPUs raised and a second disk added through virsh define show in the next plan by field")
        func virshDefineShowsAsDrift() throws {
            try RealHost.withHost { host in
                try RunnableSet().write(to: host)
                try host.apply()
                let vm = host.name("vm")
                var xml = Shell.virsh("dumpxml", "--inactive", vm).output
                xml = xml.replacing(#/<vcpu placement='static'>1</vcpu>/#, with: "<vcpu placement='static'>2</vcpu>")
                xml = xml.replacing(
                    "</devices>",
                    with: """
                        <disk type='file' device='disk'><driver name='qemu' type='raw'/>\
                        <source file='\(host.poolDirectory)/extra.img'/><target dev='vdb' bus='virtio'/></disk>
                        </devices>
                        """
                )
                let file = host.manifestDirectory.deletingLastPathComponent().appendingPathComponent("edited.xml")
                try xml.write(to: file, atomically: true, encoding: .utf8)
                let defined = Shell.virsh("define", file.path)
                try #require(defined.succeeded, "virsh define: \(defined.error)")

                let planned = try host.plan()
                let step = try #require(host.step(planned.plan, .domain, "vm"), "\(describe(planned.plan))")
                #expect(
                    step.fields.contains { $0.path == "vcpu" && $0.want == "1" && $0.have == "2" },
                    "\(step.fields)"
                )
                #expect(step.fields.contains { $0.path == "devices/disk[vdb]" && $0.want == nil }, "\(step.fields)")
            }
        }

        // `virsh setmem --live` would be invisible here: the runnable VM boots no OS, so no balloon driver
        // moves and libvirt keeps reporting 256MiB. The persistent side of the same command is visible.
        @Test("current memory set with virsh setmem --config shows in the next plan as currentMemory")
        func virshSetmemShowsAsDrift() throws {
            try RealHost.withHost { host in
                try RunnableSet().write(to: host)
                try host.apply()
                let set = Shell.virsh("setmem", host.name("vm"), "200M", "--config")
                try #require(set.succeeded, "virsh setmem: \(set.error)")

                let planned = try host.plan()
                let step = try #require(host.step(planned.plan, .domain, "vm"), "\(describe(planned.plan))")
                #expect(
                    step.fields.contains { $0.path == "currentMemory" && $0.have?.hasPrefix("204800") == true },
                    "\(step.fields)"
                )
                #expect(step.operations.contains { if case .define = $0 { true } else { false } }, "\(step.operations)")
            }
        }
    }
}
