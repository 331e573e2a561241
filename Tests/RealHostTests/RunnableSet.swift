import TestSupport

/// The shape of manifests/runnable, in the fixture's namespace: a NAT network with DHCP, a dir pool, a
/// qcow2 volume and a small TCG VM on both. Fields a test changes are parameters.
struct RunnableSet {
    var memory = "256MiB"
    var currentMemory: String?
    var model = "virtio"
    var capacity = "1GiB"
    var state = "running"

    /// Writes network.yaml, pool.yaml and vm.yaml (overwriting earlier ones).
    func write(to host: HostFixture) throws {
        try host.write(
            "network.yaml",
            """
            apiVersion: virtsync/v1
            kind: Network
            metadata:
              name: \(host.name("net"))
            spec:
              forward:
                mode: nat
              bridge: {name: \(host.bridge(0))}
              ips:
                - address: \(host.subnet).1
                  prefix: 24
                  dhcp:
                    ranges:
                      - {start: \(host.subnet).10, end: \(host.subnet).100}
            """
        )
        try host.write(
            "pool.yaml",
            """
            apiVersion: virtsync/v1
            kind: StoragePool
            metadata:
              name: \(host.name("pool"))
            spec:
              type: dir
              target:
                path: \(host.poolDirectory)
            """
        )
        try host.write(
            "vm.yaml",
            """
            apiVersion: virtsync/v1
            kind: Volume
            metadata:
              name: \(host.name("disk.qcow2"))
            spec:
              pool: \(host.name("pool"))
              capacity: \(capacity)
              format: qcow2
            ---
            apiVersion: virtsync/v1
            kind: Domain
            metadata:
              name: \(host.name("vm"))
            spec:
              type: qemu
              memory: \(memory)
            \(currentMemory.map { "  currentMemory: \($0)\n" } ?? "")\
              vcpus: 1
              devices:
                disks:
                  - target: vda
                    volume: {pool: \(host.name("pool")), name: \(host.name("disk.qcow2"))}
                interfaces:
                  - network: \(host.name("net"))
                    model: \(model)
                graphics:
                  - type: vnc
                    listen: 127.0.0.1
              state: \(state)
            """
        )
    }

    var volumePath: (HostFixture) -> String { { "\($0.poolDirectory)/\($0.name("disk.qcow2"))" } }
}
