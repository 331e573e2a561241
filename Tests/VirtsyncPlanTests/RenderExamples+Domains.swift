import VirtsyncManifest

extension RenderExamples {
    /// Seed 4.1: virt-install of ubuntu-vm with its volume, the installer ISO, bridge virbr0 and VNC.
    static let ubuntuDomain = manifest(
        "ubuntu-vm",
        .domain(
            DomainSpec(
                memory: .mib(2048),
                vcpus: 2,
                os: .init(machine: "q35", boot: [.cdrom, .hd]),
                devices: .init(
                    disks: [
                        .init(target: "vda", source: .volume(pool: "default", name: "ubuntu-vm.qcow2")),
                        .init(
                            target: "sda",
                            device: .cdrom,
                            bus: .sata,
                            source: .path("/var/lib/libvirt/images/ubuntu-22.04.iso")
                        ),
                    ],
                    interfaces: [.init(source: .bridge("virbr0"))],
                    graphics: [.init(type: .vnc, listen: "0.0.0.0")]
                )
            )
        )
    )

    /// Seed 4.3: myvm's XML as a manifest.
    static let myvmDomain = manifest(
        "myvm",
        .domain(
            DomainSpec(
                type: .kvm,
                uuid: "12345678-1234-1234-1234-123456789abc",
                memory: .kib(2_097_152),
                currentMemory: .kib(2_097_152),
                vcpus: 2,
                os: .init(arch: "x86_64", machine: "pc-i440fx-2.11", boot: [.hd]),
                features: .init(acpi: true, apic: true, pae: true),
                cpu: .init(mode: .hostPassthrough),
                devices: .init(
                    emulator: "/usr/bin/qemu-system-x86_64",
                    disks: [.init(target: "vda", source: .path("/var/lib/libvirt/images/myvm.qcow2"), format: "qcow2")],
                    interfaces: [.init(source: .bridge("virbr0"), mac: "52:54:00:12:34:56")],
                    graphics: [.init(listen: "0.0.0.0")]
                )
            )
        )
    )

    /// Seed 5.1–5.4: every tuning at once, plus UEFI, a vCPU count below the maximum and a fixed VNC port.
    static let tunedDomain = manifest(
        "tuned",
        .domain(
            DomainSpec(
                memory: .gib(4),
                currentMemory: .gib(2),
                vcpus: 2,
                currentVcpus: 1,
                os: .init(machine: "q35", boot: [.hd], firmware: .efi),
                cpu: .init(
                    mode: .hostPassthrough,
                    topology: .init(sockets: 1, dies: 1, cores: 2, threads: 1),
                    cache: .passthrough
                ),
                cputune: .init(
                    vcpupins: [.init(vcpu: 0, cpuset: "0"), .init(vcpu: 1, cpuset: "1")],
                    emulatorpin: "0-1"
                ),
                memoryBacking: .init(hugepages: true, pageSize: .mib(2)),
                devices: .init(
                    disks: [
                        .init(
                            target: "vda",
                            source: .path("/var/lib/libvirt/images/myvm.qcow2"),
                            format: "qcow2",
                            cache: DomainSpec.Disk.Cache.none,
                            io: .native
                        )
                    ],
                    interfaces: [.init(source: .bridge("br0"), model: "virtio", driver: "vhost")],
                    graphics: [.init(type: .vnc, listen: "0.0.0.0", port: 5901)]
                )
            )
        )
    )

    /// The remaining choices: qemu type, custom CPU model, no features, localtime clock, other lifecycle
    /// actions, hugepages of the default size, a read-only raw disk, an empty CD-ROM and SPICE.
    static let customCPUDomain = manifest(
        "custom",
        .domain(
            DomainSpec(
                type: .qemu,
                memory: .mib(1536),
                vcpus: 4,
                os: .init(machine: "pc", boot: [.network, .hd], firmware: .bios),
                features: .init(acpi: false, apic: false, pae: false),
                cpu: .init(
                    mode: .custom,
                    model: "Skylake-Client",
                    topology: .init(sockets: 2, cores: 2, threads: 1),
                    cache: .emulate
                ),
                memoryBacking: .init(hugepages: true),
                clockOffset: .localtime,
                onPoweroff: .destroy,
                onReboot: .destroy,
                onCrash: .coredumpRestart,
                devices: .init(
                    disks: [
                        .init(
                            target: "vdb",
                            bus: .scsi,
                            source: .path("/srv/data.img"),
                            format: "raw",
                            cache: .writeback,
                            io: .threads,
                            readonly: true
                        ),
                        .init(target: "hdc", device: .cdrom, bus: .ide, source: .empty),
                    ],
                    interfaces: [.init(source: .network("default"), model: "e1000", driver: "qemu")],
                    graphics: [.init(type: .spice)]
                )
            )
        )
    )
}
