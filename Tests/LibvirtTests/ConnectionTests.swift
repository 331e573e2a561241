import Libvirt
import Testing

@Suite("Connection")
struct ConnectionTests {
    @Test("a connection reports its URI, the host name and the library version")
    func identity() throws {
        let connection = try connect()
        #expect(connection.uri == testURI)
        #expect(try !connection.hostname().isEmpty)
        let version = connection.libvirtVersion().split(separator: ".").compactMap { Int($0) }
        #expect(version.count == 3)
        #expect(version.first ?? 0 >= 9)
    }

    @Test("opening a URI no driver accepts throws libvirt's error")
    func badURI() throws {
        let error = try #require(throws: LibvirtError.self) { try LibvirtConnection(uri: "nosuchdriver:///x") }
        #expect(error.operation == "virConnectOpen")
        #expect(error.code == .noConnect, "\(error)")
        #expect(!error.message.isEmpty)
    }
}
