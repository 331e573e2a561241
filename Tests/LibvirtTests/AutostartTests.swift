import Foundation
import Libvirt
import Testing

@Suite("Autostart")
struct AutostartTests {
    @Test("a domain's autostart turns on and off")
    func domain() throws {
        let connection = try connect()
        let name = uniqueName("auto")
        let domain = try connection.defineDomain(xml: domainXML(name: name))
        defer { cleanUp(name) { try domain.undefine() } }

        #expect(try domain.autostart() == false)
        try domain.setAutostart(true)
        #expect(try domain.autostart() == true)
        #expect(try connection.listDomains([.autostart]).contains { $0.name == name })
        try domain.setAutostart(false)
        #expect(try domain.autostart() == false)
        #expect(try connection.listDomains([.noAutostart]).contains { $0.name == name })
    }

    @Test("a network's autostart turns on and off")
    func network() throws {
        let connection = try connect()
        let name = uniqueName("auto")
        let network = try connection.defineNetwork(xml: networkXML(name: name, subnet: .random(in: 1...250)))
        defer { cleanUp(name) { try network.undefine() } }

        try network.setAutostart(true)
        #expect(try network.autostart() == true)
        try network.setAutostart(false)
        #expect(try network.autostart() == false)
    }

    @Test("a storage pool's autostart turns on and off")
    func storagePool() throws {
        let connection = try connect()
        let name = uniqueName("auto")
        let pool = try connection.defineStoragePool(xml: dirPoolXML(name: name, path: "/tmp/\(name)"))
        defer { cleanUp(name) { try pool.undefine() } }

        try pool.setAutostart(true)
        #expect(try pool.autostart() == true)
        try pool.setAutostart(false)
        #expect(try pool.autostart() == false)
    }
}
