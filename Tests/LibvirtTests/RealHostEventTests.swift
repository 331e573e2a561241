import Foundation
import Libvirt
import TestSupport
import Testing

/// Whether the suite may touch the real libvirtd (`qemu:///system`) of this host.
let onRealHost = ProcessInfo.processInfo.environment["VIRTSYNC_REAL_HOST"] == "1"

// Out-of-band edits, as an operator makes them: `virsh` in a child process, seen through
// qemu:///system's daemon. Only objects with this run's unique names are created, then removed.
@Suite("Events of out-of-band virsh edits on the real host", .enabled(if: onRealHost), .serialized)
struct RealHostEventTests {
    static let uri = "qemu:///system"

    @Test("a domain defined by virsh is seen within a second, and its undefine too")
    func virshDomain() async throws {
        try LibvirtEventLoop.shared.start()
        let connection = try LibvirtConnection(uri: Self.uri)
        let log = try EventLog(connection)
        defer { log.stop() }
        let name = uniqueName("evvirsh")
        defer { cleanUp(name) { try connection.lookupDomain(name: name)?.undefine() } }
        let file = try writeTemporary(
            name,
            """
            <domain type='qemu'>
              <name>\(name)</name>
              <memory unit='KiB'>32768</memory>
              <vcpu>1</vcpu>
              <os><type arch='x86_64'>hvm</type></os>
            </domain>
            """
        )
        defer { try? FileManager.default.removeItem(atPath: file) }

        try await expectSeen(["define", file], .domain(name: name, event: .defined), in: log, count: 1)
        try await expectSeen(["undefine", name], .domain(name: name, event: .undefined), in: log, count: 2)
    }

    @Test("a network defined by virsh is seen within a second, and its undefine too")
    func virshNetwork() async throws {
        try LibvirtEventLoop.shared.start()
        let connection = try LibvirtConnection(uri: Self.uri)
        let log = try EventLog(connection)
        defer { log.stop() }
        let name = uniqueName("evvnet")
        defer { cleanUp(name) { try connection.lookupNetwork(name: name)?.undefine() } }
        let file = try writeTemporary(name, networkXML(name: name, subnet: .random(in: 1...250)))
        defer { try? FileManager.default.removeItem(atPath: file) }

        try await expectSeen(["net-define", file], .network(name: name, event: .defined), in: log, count: 1)
        try await expectSeen(["net-undefine", name], .network(name: name, event: .undefined), in: log, count: 2)
    }

    /// Runs virsh, waits for the `count`th event about `event`'s object, expects it to be `event` within the
    /// deadline after virsh exits, and prints how long it took from virsh's launch and from its
    /// exit (negative when the event arrived before the exit was seen).
    private func expectSeen(
        _ arguments: [String],
        _ event: LibvirtEvent,
        in log: EventLog,
        count: Int
    ) async throws {
        let name = try #require(event.objectName)
        let launch = ContinuousClock.now
        let exit = try virsh(arguments)
        let seen = await log.wait(for: count, about: name)
        let entry = try #require(seen.count >= count ? seen[count - 1] : nil, "no \(event) within \(eventDeadline)")
        #expect(entry.event == event)
        // The edit is done when virsh exits; before that, virsh's own start-up (and a busy
        // libvirtd) count, which are no part of event delivery.
        #expect(entry.arrival - exit < eventDeadline)
        let sinceLaunch = format(entry.arrival - launch)
        let sinceExit = format(entry.arrival - exit)
        print("event latency \(event): \(sinceLaunch) from virsh launch, \(sinceExit) from its exit")
    }

    /// Runs `virsh -c qemu:///system ARGS` to completion and returns when it exited.
    private func virsh(_ arguments: [String]) throws -> ContinuousClock.Instant {
        let result = try ChildProcess("virsh", ["-c", Self.uri, "-q"] + arguments).run()
        let exit = ContinuousClock.now
        try #require(result.succeeded, "virsh \(arguments) exited with \(result.status): \(result.error)")
        return exit
    }

    private func writeTemporary(_ name: String, _ xml: String) throws -> String {
        let path = NSTemporaryDirectory() + "\(name).xml"
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func format(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return String(format: "%.2f ms", milliseconds)
    }
}
