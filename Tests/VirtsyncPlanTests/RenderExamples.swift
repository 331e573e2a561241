import VirtsyncManifest

/// Manifests for the render goldens: every setting of the seed (3.1–3.3, 4.1, 4.3, 5.1–5.4) and the
/// schema's other choices, each named for its golden file.
enum RenderExamples {
    static func manifest(_ name: String, _ spec: ManifestSpec) -> Manifest {
        Manifest(
            metadata: ObjectMeta(name: name),
            spec: spec,
            origin: .yaml,
            location: SourceLocation(file: "examples/\(name).yaml", line: 1, column: 1)
        )
    }

    /// Golden file name → manifest.
    static let all: [(golden: String, manifest: Manifest)] = [
        ("network-default-nat", defaultNetwork),
        ("network-bridge", bridgeNetwork),
        ("network-routed-ipv6", routedNetwork),
        ("network-isolated", isolatedNetwork),
        ("pool-default", defaultPool),
        ("pool-permissions", permissionsPool),
        ("volume-ubuntu-vm", ubuntuVolume),
        ("volume-backing-store", backingVolume),
        ("domain-ubuntu-vm", ubuntuDomain),
        ("domain-myvm", myvmDomain),
        ("domain-tuned", tunedDomain),
        ("domain-custom-cpu", customCPUDomain),
        ("domain-every-device", everyDeviceDomain),
    ]

    /// Seed 3.1: the default NAT network with DHCP.
    static let defaultNetwork = manifest(
        "default",
        .network(
            NetworkSpec(
                uuid: "12345678-1234-1234-1234-123456789abc",
                forward: .init(mode: .nat, natPorts: 1024...65535),
                bridge: .init(name: "virbr0", stp: true, delay: 0),
                ips: [
                    .init(
                        address: "192.168.122.1",
                        netmask: "255.255.255.0",
                        family: .ipv4,
                        dhcp: .init(ranges: [.init(start: "192.168.122.2", end: "192.168.122.254")])
                    )
                ]
            )
        )
    )

    /// Seed 3.2: forward onto the existing host bridge `br0`.
    static let bridgeNetwork = manifest(
        "bridge-net",
        .network(NetworkSpec(forward: .init(mode: .bridge), bridge: .init(name: "br0")))
    )

    /// Routed through a device, with an MTU, DHCP hosts, an IPv4 prefix and an IPv6 subnet.
    static let routedNetwork = manifest(
        "routed6",
        .network(
            NetworkSpec(
                forward: .init(mode: .route, dev: "eth0"),
                bridge: .init(name: "virbr9", stp: false, delay: 2),
                mtu: 9000,
                ips: [
                    .init(
                        address: "10.9.0.1",
                        prefix: 24,
                        family: .ipv4,
                        dhcp: .init(
                            ranges: [.init(start: "10.9.0.100", end: "10.9.0.199")],
                            hosts: [
                                .init(mac: "52:54:00:AA:BB:01", name: "web1", ip: "10.9.0.10"),
                                .init(name: "db1", ip: "10.9.0.11"),
                            ]
                        )
                    ),
                    .init(address: "fd00:9::1", prefix: 64, family: .ipv6),
                ]
            )
        )
    )

    /// No forward at all: an isolated network.
    static let isolatedNetwork = manifest(
        "isolated",
        .network(NetworkSpec(ips: [.init(address: "10.10.0.1", netmask: "255.255.0.0", family: .ipv4)]))
    )

    /// Seed 3.3: `pool-define-as --name default --type dir --target /var/lib/libvirt/images`.
    static let defaultPool = manifest("default", .storagePool(StoragePoolSpec(targetPath: "/var/lib/libvirt/images")))

    /// A dir pool with a UUID and all three permissions (mode written without its leading zero).
    static let permissionsPool = manifest(
        "vmstore",
        .storagePool(
            StoragePoolSpec(
                uuid: "8e0b7e1c-3f3a-4c1e-9a51-2b1d6c1f0a11",
                targetPath: "/srv/vmstore",
                permissions: .init(mode: "711", owner: 0, group: 64055)
            )
        )
    )

    /// Seed 4.1 `--disk …/ubuntu-vm.qcow2,size=20`: a 20 GiB qcow2 volume in the default pool.
    static let ubuntuVolume = manifest(
        "ubuntu-vm.qcow2",
        .volume(VolumeSpec(pool: "default", capacity: .gib(20), format: .qcow2))
    )

    /// A copy-on-write overlay on a base image; the copy source is not part of the document.
    static let backingVolume = manifest(
        "web1.qcow2",
        .volume(
            VolumeSpec(
                pool: "default",
                capacity: .gib(40),
                backingStore: .init(path: "/var/lib/libvirt/images/base.qcow2", format: .qcow2),
                source: .init(path: "/var/lib/libvirt/images/golden.qcow2"),
                deletionPolicy: .delete
            )
        )
    )
}
