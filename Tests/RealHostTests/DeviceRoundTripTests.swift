import Foundation
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

extension RealHost {
    @Suite("Typed devices round-trip through libvirt on a real host")
    struct DeviceRoundTripTests {
        /// A running TCG domain with what `profile: virt-install` adds (serial, console, guest agent channel,
        /// RNG) and a video card; a shut-off one with a TPM, a virtiofs share and direct kernel boot, which
        /// need swtpm, virtiofsd and a kernel only to start, a watchdog and a host PCI device. After one apply, libvirt's definitions (and
        /// the running domain's live XML) hold everything the manifests say: the plan is empty.
        @Test("what each device list renders is what libvirt keeps: apply, then the plan is empty")
        func applyThenInSync() throws {
            try RealHost.withHost { host in
                let files = host.poolDirectory
                try host.write(
                    "devices.yaml",
                    """
                    apiVersion: virtsync/v1
                    kind: Domain
                    metadata:
                      name: \(host.name("agent"))
                    spec:
                      type: qemu
                      memory: 128MiB
                      vcpus: 1
                      profile: virt-install
                      devices:
                        videos:
                          - model: vga
                    ---
                    apiVersion: virtsync/v1
                    kind: Domain
                    metadata:
                      name: \(host.name("direct"))
                    spec:
                      type: qemu
                      memory: 128MiB
                      vcpus: 1
                      state: shutoff
                      os:
                        kernel: \(files)/vmlinuz
                        initrd: \(files)/initrd.img
                        cmdline: console=ttyS0
                      devices:
                        serials:
                          - {type: file, path: \(files)/serial.log}
                        tpms:
                          - {}
                        filesystems:
                          - {source: \(files)/share, target: share}
                        watchdogs:
                          - {action: poweroff}
                        hostdevs:
                          - {address: "\(Self.somePCIAddress)"}
                    """
                )
                let first = try host.apply()
                #expect(first.plan.steps.count == 2, "\(describe(first.plan))")
                let again = try host.plan()
                #expect(again.plan.steps.isEmpty, "\(describe(again.plan))")
                let agent = Shell.virsh("dumpxml", host.name("agent")).output
                #expect(agent.contains("org.qemu.guest_agent.0") && agent.contains("/dev/urandom"), "\(agent)")
            }
        }

        /// A PCI device of this host, for a shut-off domain's `hostdevs` (libvirt looks at it only when the
        /// domain starts, and this one never does).
        static var somePCIAddress: String {
            ((try? FileManager.default.contentsOfDirectory(atPath: "/sys/bus/pci/devices")) ?? []).sorted().first
                ?? "0000:00:1f.0"
        }

        /// An RNG is the one declared list libvirt hot-plugs here: added to a running domain it is an update
        /// that plugs it in, and both the definition and the live domain have it afterwards.
        @Test("an RNG added to a running domain is hot-plugged, not pending a restart")
        func rngHotPlug() throws {
            try RealHost.withHost { host in
                let domain = { (devices: String) in
                    """
                    apiVersion: virtsync/v1
                    kind: Domain
                    metadata:
                      name: \(host.name("plug"))
                    spec:
                      type: qemu
                      memory: 128MiB
                      vcpus: 1
                      devices:
                    \(devices)
                    """
                }
                try host.write("plug.yaml", domain("    rngs: []"))
                try host.apply()
                try host.write("plug.yaml", domain("    rngs:\n      - {}"))
                let planned = try host.plan()
                let step = try #require(host.step(planned.plan, .domain, "plug"), "\(describe(planned.plan))")
                #expect(step.change == .update, "\(describe(planned.plan))")
                #expect(
                    step.operations.contains { if case .attachDeviceLive = $0 { true } else { false } },
                    "\(step.operations)"
                )
                let report = try host.session.apply(planned)
                #expect(report.succeeded, "\(report.failures.map { "\($0.id): \($0.error ?? "?")" })")
                #expect(Shell.virsh("dumpxml", host.name("plug")).output.contains("/dev/urandom"))
                let again = try host.plan()
                #expect(again.plan.steps.isEmpty, "\(describe(again.plan))")
            }
        }
    }
}
