import Libvirt
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// `virtsync export`: objects set up by hand become manifests that plan as in sync once adopted.
@Suite("exporting a host's objects as manifests")
struct ExportTests {
    @Test("exported objects are refused until adopted, then a second plan is in sync")
    func exportAdoptInSync() throws {
        let host = try DriverHost()
        try host.defineUnmanagedDomain("hand-vm")
        try host.defineUnmanagedNetwork("hand-net")
        try host.defineUnmanagedPool("hand-pool")
        let ids = [
            ObjectID(.domain, host.name("hand-vm")), ObjectID(.network, host.name("hand-net")),
            ObjectID(.storagePool, host.name("hand-pool")),
        ]

        let exported = try HostExporter(connection: host.connection).export(ids)
        let manifests = host.manifests(exported.map { ManifestFile(path: $0.fileName, text: $0.yaml) })
        #expect(manifests.map(\.id).sorted() == ids.sorted())

        let unadopted = try host.plan(manifests)
        #expect(ids.allSatisfy { host.step(unadopted, $0)?.change == .refused }, "\(unadopted.plan.steps)")
        let mutations = host.mutations
        try host.applyCleanly(manifests, adopt: true)
        let again = try host.plan(manifests)
        #expect(again.plan.isInSync, "\(again.plan.steps)")
        // Adopting marks the domain; the network and the pool, already as exported, are left as they were.
        #expect(host.mutations - mutations == 1)
    }

    @Test("an export leaves out the UUID and virtsync's own mark, and keeps the state the domain is in")
    func exportDropsIdentity() throws {
        let host = try DriverHost()
        try host.applyCleanly(host.manifests(host.stack(host.domainYAML("vm", state: "running"))))
        let id = ObjectID(.domain, host.name("vm"))

        let yaml = try #require(try HostExporter(connection: host.connection).export([id]).first?.yaml)

        #expect(yaml.hasPrefix("# \(id) exported by virtsync from test:///default\n"))
        #expect(yaml.contains("  state: running\n"))
        #expect(!yaml.contains("<uuid>"))
        #expect(!yaml.contains("virtsync:managed"))
    }

    @Test("a volume's manifest goes into a directory of its pool, so no two objects share a file name")
    func volumeFileName() throws {
        let host = try DriverHost()
        let pool = try #require(try host.connection.lookupStoragePool(name: "default-pool"))
        let volume = try pool.createVolume(
            xml: "<volume><name>\(host.name("a-b"))</name><capacity>1048576</capacity></volume>"
        )
        defer { try? volume.delete() }
        let id = ObjectID(.volume, host.name("a-b"), pool: "default-pool")

        let exported = try #require(try HostExporter(connection: host.connection).export([id]).first)

        #expect(exported.fileName == "volumes-default-pool/\(host.name("a-b")).yaml")
        let manifests = host.manifests([ManifestFile(path: exported.fileName, text: exported.yaml)])
        #expect(manifests.map(\.id) == [id])
        #expect(exported.yaml.contains("  pool: default-pool\n  deletionPolicy: Retain\n"), "\(exported.yaml)")
    }

    @Test("an object the host lacks is an error naming it")
    func missingObject() throws {
        let host = try DriverHost()
        let id = ObjectID(.domain, host.name("absent"))
        #expect(throws: HostError.self) { try HostExporter(connection: host.connection).export([id]) }
        do {
            _ = try HostExporter(connection: host.connection).export([id])
        } catch {
            #expect(error.description == "\(id) not found on the host")
        }
    }
}
