import Libvirt
import Testing

@Suite("Keepalive")
struct KeepAliveTests {
    @Test("the in-process test driver has no server to ping and says so", .enabled(if: onTestDriver))
    func unsupportedOnTestDriver() throws {
        let connection = try eventConnection()
        let error = try #require(throws: LibvirtError.self) { try connection.setKeepAlive(interval: 5, count: 3) }
        #expect(error.operation == "virConnectSetKeepAlive")
        #expect(error.code == .noSupport)
        #expect(connection.isAlive())
    }

    @Test("a remote connection accepts keepalive and stays alive", .enabled(if: !onTestDriver))
    func acceptedByServer() throws {
        let connection = try eventConnection()
        #expect(try connection.setKeepAlive(interval: 5, count: 3))
        #expect(connection.isAlive())
    }
}
