import Testing
import VirtsyncManifest

@Suite("Network manifests load into NetworkSpec")
struct NetworkFixtureTests {
    @Test("every Network field of the NAT network reads into the expected spec")
    func natNetwork() throws {
        let manifest = try #require(try Fixtures.load("valid/networks.yaml").named("default"))
        let expected = NetworkSpec(
            uuid: "12345678-1234-1234-1234-123456789abc",
            forward: .init(mode: .nat, dev: "eth0", natPorts: 1024...65535),
            bridge: .init(name: "virbr0", stp: true, delay: 0),
            mtu: 1500,
            ips: [
                .init(
                    address: "192.168.122.1",
                    netmask: "255.255.255.0",
                    family: .ipv4,
                    dhcp: .init(
                        ranges: [.init(start: "192.168.122.2", end: "192.168.122.254")],
                        hosts: [
                            .init(mac: "52:54:00:aa:bb:cc", name: "web1", ip: "192.168.122.10"),
                            .init(ip: "192.168.122.11"),
                        ]
                    )
                ),
                .init(address: "fd00::1", prefix: 64, family: .ipv6),
            ],
            active: true,
            autostart: false
        )
        #expect(manifest.spec == .network(expected))
        #expect(
            manifest.metadata
                == ObjectMeta(
                    name: "default",
                    hosts: ["kvm-*", "role=hypervisor"],
                    labels: ["tier": "base"],
                    annotations: ["virtsync.io/suspend": "false"]
                )
        )
        #expect(manifest.origin == .yaml)
        #expect(manifest.location == SourceLocation(file: "valid/networks.yaml", line: 2, column: 1))
    }

    @Test("bridged, routed and isolated networks read with the documented defaults")
    func otherNetworks() throws {
        let manifests = try Fixtures.load("valid/networks.yaml")
        #expect(manifests.map(\.metadata.name) == ["default", "bridge-net", "routed", "isolated"])
        #expect(
            manifests.named("bridge-net")?.spec
                == .network(
                    NetworkSpec(
                        forward: .init(mode: .bridge),
                        bridge: .init(name: "br0")
                    )
                )
        )
        #expect(
            manifests.named("routed")?.spec
                == .network(
                    NetworkSpec(
                        forward: .init(mode: .route, dev: "eth1"),
                        ips: [.init(address: "10.0.0.1", prefix: 24, family: .ipv4)],
                        active: false,
                        autostart: true
                    )
                )
        )
        #expect(manifests.named("isolated")?.spec == .network(NetworkSpec(active: true, autostart: true)))
    }
}
