import Crypto
import Foundation
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

extension RealHost {
    /// manifests/cloud as a newcomer would apply it, moved into the fixture's namespace: the image comes
    /// from a server on 127.0.0.1 instead of Ubuntu's (a small qcow2 made here, so nothing boots from it),
    /// the network is the fixture's, and the domain runs under TCG with less memory.
    @Suite("The cloud-image example on a real host")
    struct CloudExampleTests {
        @Test(
            "manifests/cloud applies: the image lands and grows, the clone backs onto it, the seed is attached, the domain runs with its console and agent channel, and the plan is empty afterwards"
        )
        func cloudExampleApplies() throws {
            try RealHost.withHost { host in
                let server = try ServerImage.make()
                let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().appendingPathComponent("manifests/cloud")
                for file in ["pool.yaml", "vm.yaml"] {
                    let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                    try host.write(file, Self.rename(text, host, url: server.url, sha256: server.sha256))
                }
                try host.write("net.yaml", CloudInitGuestTests.network(host))

                let started = ContinuousClock.now
                let first = try host.apply()
                print("cloud example: first apply \(ContinuousClock.now - started)")
                #expect(first.plan.steps.allSatisfy { $0.change == .create }, "\(describe(first.plan))")
                let seed = host.name("vm-cidata.iso")
                #expect(
                    Set(Shell.volumes(pool: host.name("pool")))
                        == Set([host.name("ubuntu-24.04.qcow2"), host.name("vm.qcow2"), seed])
                )
                let base = try QemuImage.info("\(host.poolDirectory)/\(host.name("ubuntu-24.04.qcow2"))")
                #expect(
                    base.format == "qcow2" && base.virtualSize == 4 << 30,
                    "the image grows to its capacity: \(base)"
                )
                let clone = Shell.run([
                    "qemu-img", "info", "-U", "--output=json", "\(host.poolDirectory)/\(host.name("vm.qcow2"))",
                ]).output
                #expect(
                    clone.contains(
                        "\"backing-filename\": \"\(host.poolDirectory)/\(host.name("ubuntu-24.04.qcow2"))\""
                    ),
                    "\(clone)"
                )

                let vm = host.name("vm")
                #expect(Shell.virsh("domstate", vm).output.contains("running"))
                let xml = Shell.virsh("dumpxml", vm).output
                #expect(xml.contains("<serial type='pty'>") && xml.contains("<console type='pty'"), "\(xml)")
                #expect(xml.contains("name='org.qemu.guest_agent.0'"), "\(xml)")
                #expect(xml.contains("volume='\(seed)'"), "\(xml)")
                #expect(Shell.virsh("ttyconsole", vm).output.hasPrefix("/dev/pts/"))

                let again = try host.plan()
                #expect(again.plan.isInSync, "perpetual diff right after apply:\n\(describe(again.plan))")
                #expect(server.count() == 1, "the image was downloaded once")
            }
        }

        /// The example's names, path, image and network moved into the fixture; TCG and 256MiB.
        static func rename(_ text: String, _ host: HostFixture, url: String, sha256: String) -> String {
            var result = text
            result = result.replacing("/var/lib/libvirt/images/vs-cloud", with: host.poolDirectory)
            result = result.replacing("vs-cloud-pool", with: host.name("pool"))
            result = result.replacing("vs-cloud-vm.qcow2", with: host.name("vm.qcow2"))
            result = result.replacing("{name: vs-cloud-vm}", with: "{name: \(host.name("vm"))}")
            result = result.replacing("ubuntu-24.04.qcow2", with: host.name("ubuntu-24.04.qcow2"))
            result = result.replacing(#/url: https:\/\/\S+/#, with: "url: \(url)")
            result = result.replacing(#/sha256: [0-9a-f]{64}/#, with: "sha256: \(sha256)")
            result = result.replacing("network: default", with: "network: \(host.name("net"))")
            result = result.replacing("  memory: 2GiB", with: "  type: qemu\n  memory: 256MiB")
            return result
        }
    }

    /// A small qcow2 image (64 MiB virtual, nothing in it) served on 127.0.0.1.
    struct ServerImage {
        let server: ImageServer
        let url: String
        let sha256: String

        static func make() throws -> ServerImage {
            let server = try ImageServer()
            let path = server.directory.appendingPathComponent("cloud.img").path
            let made = Shell.run(["qemu-img", "create", "-q", "-f", "qcow2", path, "64M"])
            try #require(made.succeeded, "qemu-img: \(made.error)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let sha = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            return ServerImage(server: server, url: server.url("files", "cloud.img"), sha256: sha)
        }

        func count() -> Int { server.count("cloud.img") }
    }
}
