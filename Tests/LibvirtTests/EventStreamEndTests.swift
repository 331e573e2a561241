import Testing

@testable import Libvirt

@Suite("Ending an event stream")
struct EventStreamEndTests {
    @Test("ending the stream deregisters its callbacks, and libvirt then releases their context")
    func contextReleased() async throws {
        let connection = try eventConnection()
        weak var weakSink: EventSink?
        do {
            let (stream, sink) = try connection.makeEventStream()
            weakSink = sink
            await EventLog(stream: stream).finish()
        }
        let name = uniqueName("evend")
        // Events after the end must reach no callback: this would crash on a freed context.
        let domain = try connect().defineDomain(xml: domainXML(name: name))
        try domain.undefine()

        let deadline = ContinuousClock.now + eventDeadline
        while weakSink != nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(weakSink == nil)
    }

    @Test("after a stream ends, the same connection subscribes again and receives events")
    func resubscribe() async throws {
        let connection = try eventConnection()
        let first = try EventLog(connection)
        await first.finish()

        let second = try EventLog(connection)
        defer { second.stop() }
        let name = uniqueName("evagain")
        let domain = try connect().defineDomain(xml: domainXML(name: name))
        defer { cleanUp(name) { try domain.undefine() } }

        await second.wait(for: 1, about: name)
        #expect(second.events(about: name) == [.domain(name: name, event: .defined)])
    }
}
