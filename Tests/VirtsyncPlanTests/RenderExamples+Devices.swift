import VirtsyncManifest

extension RenderExamples {
    /// Every declared device list and direct kernel boot: what virt-install adds (serial, console, guest
    /// agent channel, RNG, TPM), a video card, a virtiofs share (and the shared memory it needs), a host
    /// PCI device, and a kernel with its initrd and command line.
    static let everyDeviceDomain = manifest(
        "devices",
        .domain(
            DomainSpec(
                type: .qemu,
                memory: .mib(512),
                vcpus: 1,
                os: .init(
                    machine: "q35",
                    kernel: "/var/lib/libvirt/images/vmlinuz",
                    initrd: "/var/lib/libvirt/images/initrd.img",
                    cmdline: "console=ttyS0 quiet"
                ),
                devices: .init(
                    disks: [.init(target: "vda", source: .volume(pool: "default", name: "devices.qcow2"))],
                    interfaces: [.init(source: .network("default"), mac: "52:54:00:00:00:01")],
                    graphics: [.init(type: .vnc)],
                    filesystems: [.init(source: "/var/lib/libvirt/images/share", target: "share", readonly: true)],
                    serials: [
                        .init(type: .pty), .init(type: .file, port: 1, path: "/var/lib/libvirt/images/serial.log"),
                    ],
                    consoles: [.init(target: .serial, port: 0)],
                    channels: [.init(), .init(type: .spicevmc, name: "com.redhat.spice.0")],
                    tpms: [.init()],
                    videos: [.init(model: .virtio, heads: 2)],
                    hostdevs: [.init(address: "0000:01:00.0"), .init(address: "02:1f.7", managed: false)],
                    watchdogs: [.init(action: .poweroff)],
                    rngs: [.init()]
                )
            )
        )
    )
}
