/// YAML text for the objects tests build on, written like the README's examples with prefixed names.
extension DriverHost {
    func poolYAML(_ base: String = "pool", extra: String = "") -> String {
        """
        apiVersion: virtsync/v1
        kind: StoragePool
        metadata:
          name: \(name(base))
        spec:
          type: dir
          target:
            path: \(path(base))
        \(extra)
        """
    }

    func volumeYAML(
        _ base: String = "disk.qcow2",
        pool: String = "pool",
        capacity: String = "1GiB",
        spec extra: String = ""
    ) -> String {
        """
        apiVersion: virtsync/v1
        kind: Volume
        metadata:
          name: \(name(base))
        spec:
          pool: \(name(pool))
          capacity: \(capacity)
        \(extra)
        """
    }

    /// A NAT network on a bridge whose name is short enough for the kernel and unique to the test.
    func networkYAML(_ base: String = "net", subnet: Int = 10, spec extra: String = "") -> String {
        """
        apiVersion: virtsync/v1
        kind: Network
        metadata:
          name: \(name(base))
        spec:
          forward: {mode: nat}
          bridge: {name: \(bridgeName(base))}
          ips:
            - address: 10.99.\(subnet).1
              prefix: 24
              dhcp:
                ranges:
                  - {start: 10.99.\(subnet).10, end: 10.99.\(subnet).100}
        \(extra)
        """
    }

    /// A domain with one disk on a pool volume; `spec` lines are added under `spec:` (two-space indent).
    func domainYAML(
        _ base: String = "vm",
        memory: String = "256MiB",
        vcpus: Int = 2,
        state: String = "running",
        disks: String? = nil,
        interfaces: String = "",
        metadata: String = "",
        spec extra: String = ""
    ) -> String {
        let disks =
            disks ?? "      - target: vda\n        volume: {pool: \(name("pool")), name: \(name("disk.qcow2"))}\n"
        return """
            apiVersion: virtsync/v1
            kind: Domain
            metadata:
              name: \(name(base))
            \(metadata)
            spec:
              type: qemu
              memory: \(memory)
              vcpus: \(vcpus)
              state: \(state)
            \(extra)
              devices:
                disks:
            \(disks)
            \(interfaces)
            """
    }

    /// The bridge of a test network: at most 15 characters, as Linux allows.
    func bridgeName(_ base: String) -> String {
        "vb" + String(prefix.dropFirst().dropLast().prefix(8)) + String(base.prefix(3))
    }

    static func joined(_ documents: String...) -> String { documents.joined(separator: "\n---\n") }
}
