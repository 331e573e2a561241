import Libvirt
import Testing

@Suite("Networks")
struct NetworkTests {
    @Test("a defined network can be looked up, listed, read back and undefined")
    func defineReadUndefine() throws {
        let connection = try connect()
        let name = uniqueName("net")
        let network = try connection.defineNetwork(xml: networkXML(name: name, subnet: .random(in: 1...250)))
        var undefined = false
        defer { if !undefined { cleanUp(name) { try network.undefine() } } }

        #expect(network.name == name)
        #expect(network.uuid.count == 36)
        #expect(try connection.lookupNetwork(name: name)?.uuid == network.uuid)
        #expect(try connection.listNetworks(activeOnly: false).contains { $0.name == name })
        #expect(try !connection.listNetworks(activeOnly: true).contains { $0.name == name })
        #expect(try network.isActive() == false)
        #expect(try network.xml(inactive: true).contains("<name>\(name)</name>"))

        try network.undefine()
        undefined = true
        #expect(try connection.lookupNetwork(name: name) == nil)
    }

    @Test("DHCP host entries are added, modified and deleted in place")
    func dhcpHosts() throws {
        let connection = try connect()
        let name = uniqueName("dhcp")
        let subnet = Int.random(in: 1...250)
        let network = try connection.defineNetwork(xml: networkXML(name: name, subnet: subnet))
        defer { cleanUp(name) { try network.undefine() } }
        let mac = "52:54:00:aa:bb:cc"

        try network.updateDHCPHost(.add, hostXML: "<host mac='\(mac)' ip='10.213.\(subnet).10'/>", affect: .config)
        #expect(try network.xml(inactive: true).contains("ip='10.213.\(subnet).10'"))

        try network.updateDHCPHost(.modify, hostXML: "<host mac='\(mac)' ip='10.213.\(subnet).11'/>", affect: .config)
        let modified = try network.xml(inactive: true)
        #expect(modified.contains("ip='10.213.\(subnet).11'"))
        #expect(!modified.contains("ip='10.213.\(subnet).10'"))

        try network.updateDHCPHost(.delete, hostXML: "<host mac='\(mac)' ip='10.213.\(subnet).11'/>", affect: .config)
        #expect(try !network.xml(inactive: true).contains(mac))
        #expect(connection.mutationCount == 4)
    }

    @Test("looking up a network that does not exist gives nil")
    func lookupMissing() throws {
        #expect(try connect().lookupNetwork(name: uniqueName("missing")) == nil)
    }
}
