import Libvirt
import Testing

@Suite("Domain definition")
struct DomainDefinitionTests {
    @Test("a defined domain can be looked up, listed, read back and undefined")
    func defineReadUndefine() throws {
        let connection = try connect()
        let name = uniqueName("dom")
        let domain = try connection.defineDomain(xml: domainXML(name: name))
        var undefined = false
        defer { if !undefined { cleanUp(name) { try domain.undefine() } } }

        #expect(domain.name == name)
        #expect(domain.uuid.count == 36)
        let found = try #require(try connection.lookupDomain(name: name))
        #expect(found.uuid == domain.uuid)
        #expect(try connection.listDomains([.inactive]).contains { $0.name == name })
        #expect(try !connection.listDomains([.active]).contains { $0.name == name })
        #expect(try domain.xml(inactive: true).contains("<name>\(name)</name>"))
        #expect(try domain.state() == .shutoff)
        #expect(try domain.isActive() == false)

        try domain.undefine()
        undefined = true
        #expect(try connection.lookupDomain(name: name) == nil)
    }

    @Test("looking up a domain that does not exist gives nil")
    func lookupMissing() throws {
        let connection = try connect()
        #expect(try connection.lookupDomain(name: uniqueName("missing")) == nil)
    }

    @Test("memory and current vCPU changes reach the persistent definition")
    func memoryAndVcpus() throws {
        let connection = try connect()
        let name = uniqueName("size")
        let domain = try connection.defineDomain(xml: domainXML(name: name, memoryKiB: 65536, vcpus: 2))
        defer { cleanUp(name) { try domain.undefine() } }

        try domain.setMemory(kibibytes: 49152, affect: .config)
        try domain.setVcpus(1, affect: .config)

        let xml = try domain.xml(inactive: true)
        #expect(xml.contains("<currentMemory unit='KiB'>49152</currentMemory>"))
        // Without VIR_DOMAIN_VCPU_MAXIMUM the count set is the current one, below the maximum.
        #expect(xml.contains("current='1'>2</vcpu>"))
    }
}
