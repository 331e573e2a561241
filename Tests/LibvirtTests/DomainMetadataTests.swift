import Libvirt
import Testing

@Suite("Domain metadata")
struct DomainMetadataTests {
    let namespace = "https://virtsync.dev/test-metadata"

    @Test("metadata set on a domain reads back, and removing it reads back nil")
    func roundTrip() throws {
        let connection = try connect()
        let name = uniqueName("meta")
        let domain = try connection.defineDomain(xml: domainXML(name: name))
        defer { cleanUp(name) { try domain.undefine() } }

        #expect(try domain.metadata(namespace: namespace, affect: .config) == nil)

        try domain.setMetadata(
            "<owner repo='infra' path='vms/web.yaml'/>",
            key: "vs",
            namespace: namespace,
            affect: .config
        )
        let stored = try #require(try domain.metadata(namespace: namespace, affect: .config))
        #expect(stored.contains("repo=\"infra\""))
        #expect(stored.contains("path=\"vms/web.yaml\""))
        #expect(try domain.xml(inactive: true).contains(namespace))

        try domain.setMetadata(nil, key: "vs", namespace: namespace, affect: .config)
        #expect(try domain.metadata(namespace: namespace, affect: .config) == nil)
    }
}
