import Libvirt
import Testing

@Suite("Network events")
struct NetworkEventTests {
    @Test("defining and undefining a network by another connection arrive in order within a second")
    func defineUndefine() async throws {
        let log = try EventLog(eventConnection())
        defer { log.stop() }
        let name = uniqueName("evnet")
        let network = try connect().defineNetwork(xml: networkXML(name: name, subnet: .random(in: 1...250)))
        var undefined = false
        defer { if !undefined { cleanUp(name) { try network.undefine() } } }

        try network.undefine()
        undefined = true

        await log.wait(for: 2, about: name)
        #expect(log.events(about: name) == [.defined, .undefined].map { .network(name: name, event: $0) })
    }

    // Starting a network on a real host creates a bridge: the in-process test driver only.
    @Test("starting and stopping a network arrive as started and stopped", .enabled(if: onTestDriver))
    func startStop() async throws {
        let log = try EventLog(eventConnection())
        defer { log.stop() }
        let name = uniqueName("evnetrun")
        let network = try connect().defineNetwork(xml: networkXML(name: name, subnet: .random(in: 1...250)))
        defer { cleanUp(name) { try network.undefine() } }

        try network.start()
        try network.destroy()

        await log.wait(for: 3, about: name)
        #expect(log.events(about: name) == [.defined, .started, .stopped].map { .network(name: name, event: $0) })
    }
}
