import Foundation
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

extension RealHost {
    @Suite("virt-install's XML kept as a bare manifest on a real host")
    struct VirtInstallTests {
        @Test("the XML virt-install prints for the seed's section 4.1 command applies and then plans in sync")
        func virtInstallXMLRoundTrip() throws {
            try RealHost.withHost { host in
                let bridge = try host.makeHostBridge(1)
                // The pool first: without one for the directory, virt-install makes (and autostarts) its
                // own pool even under --dry-run.
                try host.write(
                    "pool.yaml",
                    """
                    apiVersion: virtsync/v1
                    kind: StoragePool
                    metadata: {name: \(host.name("pool"))}
                    spec:
                      target: {path: \(host.poolDirectory)}
                    """
                )
                try host.apply()
                let iso = "\(host.poolDirectory)/ubuntu-22.04.iso"
                try #require(FileManager.default.createFile(atPath: iso, contents: Data()))

                let xml = try Self.printXML(host: host, bridge: bridge, iso: iso)
                try host.write("ubuntu.xml", xml)
                let applied = try host.apply()
                #expect(host.step(applied.plan, .domain, "ubuntu")?.change == .create, "\(describe(applied.plan))")
                #expect(
                    Shell.virsh("domstate", host.name("ubuntu")).output.contains("shut off"),
                    "a bare domain is defined only"
                )

                let again = try host.plan()
                #expect(again.plan.isInSync, "perpetual diff for virt-install's XML:\n\(describe(again.plan))\n\(xml)")
            }
        }

        /// Runs the seed's 4.1 command with `--print-xml --dry-run` (nothing created) and keeps the last
        /// document: with `--cdrom`, virt-install prints the install-time XML and then the definition it
        /// leaves behind (booting from disk, CD ejected), which is what `virsh dumpxml --inactive` shows.
        static func printXML(host: HostFixture, bridge: String, iso: String) throws -> String {
            let result = Shell.run([
                "virt-install", "--connect", RealHost.uri, "--name", host.name("ubuntu"), "--ram", "2048", "--vcpus",
                "2",
                "--disk", "path=\(host.poolDirectory)/\(host.name("ubuntu")).qcow2,size=1", "--cdrom", iso,
                "--network", "bridge=\(bridge)", "--graphics", "vnc,listen=0.0.0.0", "--os-variant", "ubuntu22.04",
                "--virt-type", "kvm", "--print-xml", "--dry-run",
            ])
            try #require(result.succeeded, "virt-install: \(result.error)")
            let start = try #require(result.output.ranges(of: "<domain").last, "no <domain> in: \(result.output)")
            return String(result.output[start.lowerBound...])
        }
    }
}
