import Libvirt
import Testing

@Suite("Mutation count")
struct MutationCountTests {
    @Test("mutationCount rises once per write call and never on reads")
    func countsWritesOnly() throws {
        let connection = try connect()
        let name = uniqueName("count")
        #expect(connection.mutationCount == 0)

        let domain = try connection.defineDomain(xml: domainXML(name: name))
        defer { cleanUp(name) { try domain.undefine() } }
        #expect(connection.mutationCount == 1)

        _ = try connection.listDomains()
        _ = try connection.lookupDomain(name: name)
        _ = try domain.xml(inactive: true)
        _ = try domain.state()
        _ = try domain.isActive()
        _ = try domain.autostart()
        _ = try domain.metadata(namespace: "https://virtsync.dev/test", affect: .config)
        _ = try connection.listNetworks()
        _ = try connection.listStoragePools()
        _ = try connection.hostname()
        #expect(connection.mutationCount == 1)

        try domain.setAutostart(true)
        try domain.setAutostart(false)
        try domain.setMetadata("<a/>", key: "t", namespace: "https://virtsync.dev/test", affect: .config)
        #expect(connection.mutationCount == 4)
    }

    @Test("a failed write still counts, since it reached libvirt")
    func failedWriteCounts() throws {
        let connection = try connect()
        #expect(throws: LibvirtError.self) { try connection.defineDomain(xml: "<domain/>") }
        #expect(connection.mutationCount == 1)
    }
}
