import TestSupport
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

extension RealHost {
    @Suite("Growing and shrinking a volume in use on a real host")
    struct VolumeCapacityChangeTests {
        @Test("1GiB to 2GiB under a running VM grows online; 2GiB back to 1GiB is refused")
        func volumeGrowsOnlineAndNeverShrinks() throws {
            try RealHost.withHost { host in
                let set = RunnableSet()
                try set.write(to: host)
                try host.apply()
                try RunnableSet(capacity: "2GiB").write(to: host)

                let grow = try host.plan()
                let step = try #require(host.step(grow.plan, .volume, "disk.qcow2"), "\(describe(grow.plan))")
                #expect(step.change == .update)
                #expect(
                    step.operations == [.growVolume(bytes: 2 << 30, domain: host.name("vm"), target: "vda")],
                    "\(step.operations)"
                )
                let report = try host.session.apply(grow)
                #expect(report.succeeded, "\(report.failures.map { $0.error ?? "?" })")
                #expect(try QemuImage.info(set.volumePath(host)).virtualSize == 2 << 30)
                let volume = Shell.virsh("vol-dumpxml", host.name("disk.qcow2"), "--pool", host.name("pool")).output
                #expect(volume.contains("<capacity unit='bytes'>2147483648</capacity>"), "\(volume)")
                #expect(try host.plan().plan.isInSync)

                try RunnableSet(capacity: "1GiB").write(to: host)
                let shrink = try host.plan()
                #expect(host.step(shrink.plan, .volume, "disk.qcow2")?.change == .refused, "\(describe(shrink.plan))")
            }
        }
    }
}
