import Libvirt
import Testing

@Suite("Libvirt errors")
struct LibvirtErrorTests {
    @Test("defining a domain that breaks the schema, asking libvirtd to validate, throws libvirt's own message")
    func invalidDomainXML() throws {
        let connection = try connect()
        let name = uniqueName("bad")
        let xml = "<domain type='test'><name>\(name)</name><memory>1024</memory><frobnicate/></domain>"

        let error = try #require(throws: LibvirtError.self) { try connection.defineDomain(xml: xml, validate: true) }

        #expect(error.operation == "virDomainDefineXMLFlags")
        #expect(error.code == .xmlInvalidSchema)
        #expect(error.message.contains("frobnicate"))
        #expect(!error.isNotFound)
        #expect(
            error.description
                == "\(error.message) (virDomainDefineXMLFlags, code \(LibvirtErrorCode.xmlInvalidSchema.rawValue), domain \(error.domain.rawValue))"
        )
        #expect(try connection.lookupDomain(name: name) == nil)
    }

    @Test("malformed XML throws an XML error")
    func malformedXML() throws {
        let connection = try connect()
        let error = try #require(throws: LibvirtError.self) {
            try connection.defineNetwork(xml: "<network><name>unclosed</network>")
        }
        #expect(error.operation == "virNetworkDefineXMLFlags")
        #expect(error.code == .xmlDetail, "\(error)")
        #expect(!error.message.isEmpty)
    }

}
