import Testing
import VirtsyncManifest

@Suite("Domain manifests load into DomainSpec")
struct DomainFixtureTests {
    @Test("every Domain field reads into the expected spec")
    func fullDomain() throws {
        let manifest = try #require(try Fixtures.load("valid/domain-full.yaml").first)
        #expect(manifest.metadata == ObjectMeta(name: "ubuntu-vm", hosts: ["kvm-01"]))
        #expect(manifest.spec == .domain(Self.full))
    }

    @Test("a domain with only memory and vcpus takes every documented default")
    func minimalDomain() throws {
        let manifest = try #require(try Fixtures.load("valid/domain-minimal.yaml").first)
        let expected = DomainSpec(
            type: .kvm,
            memory: .mib(512),
            currentMemory: nil,
            vcpus: 1,
            os: .init(arch: "x86_64"),
            features: .init(acpi: true, apic: true, pae: false),
            clockOffset: .utc,
            onPoweroff: .destroy,
            onReboot: .restart,
            onCrash: .destroy,
            devices: .init(),
            state: .running,
            autostart: false,
            restartPolicy: .never,
            shutdownTimeoutSeconds: 120
        )
        #expect(manifest.spec == .domain(expected))
    }

    static let full = DomainSpec(
        type: .kvm,
        uuid: "12345678-1234-1234-1234-123456789abd",
        memory: .gib(4),
        currentMemory: .mib(2048),
        vcpus: 4,
        currentVcpus: 2,
        os: .init(arch: "x86_64", machine: "q35", boot: [.cdrom, .hd], firmware: .efi),
        features: .init(acpi: true, apic: false, pae: true),
        cpu: .init(
            mode: .hostPassthrough,
            topology: .init(sockets: 1, dies: 1, cores: 2, threads: 2),
            cache: .passthrough
        ),
        cputune: .init(vcpupins: [.init(vcpu: 0, cpuset: "0"), .init(vcpu: 1, cpuset: "1")], emulatorpin: "0-1"),
        memoryBacking: .init(hugepages: true, pageSize: .mib(2)),
        clockOffset: .localtime,
        onPoweroff: .preserve,
        onReboot: .destroy,
        onCrash: .coredumpRestart,
        devices: .init(
            emulator: "/usr/bin/qemu-system-x86_64",
            disks: [
                .init(
                    target: "vda",
                    source: .volume(pool: "default", name: "ubuntu-vm.qcow2"),
                    cache: DomainSpec.Disk.Cache.none,
                    io: .native
                ),
                .init(
                    target: "sda",
                    device: .cdrom,
                    bus: .sata,
                    source: .path("/var/lib/libvirt/images/ubuntu-22.04.iso"),
                    readonly: true
                ),
                .init(target: "sdb", device: .cdrom, bus: .ide, source: .empty, readonly: true),
                .init(
                    target: "vdb",
                    device: .disk,
                    bus: .scsi,
                    source: .path("/var/lib/libvirt/images/data.raw"),
                    format: "raw",
                    cache: .writeback,
                    io: .io_uring,
                    readonly: true
                ),
            ],
            interfaces: [
                .init(source: .network("default"), model: "virtio", driver: "vhost", mac: "52:54:00:12:34:56"),
                .init(source: .bridge("br0"), model: "e1000"),
            ],
            graphics: [.init(type: .vnc, listen: "0.0.0.0"), .init(type: .spice, port: 5901)]
        ),
        state: .paused,
        autostart: true,
        restartPolicy: .graceful,
        shutdownTimeoutSeconds: 180
    )
}
