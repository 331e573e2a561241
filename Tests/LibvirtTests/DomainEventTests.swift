import Foundation
import Libvirt
import Testing

@Suite("Domain events")
struct DomainEventTests {
    // On qemu:///system this boots a 32 MiB diskless guest under TCG for a moment, as the lifecycle tests do.
    @Test("define, start, suspend, resume, destroy and undefine by another connection arrive in order within a second")
    func lifecycleInOrder() async throws {
        let log = try EventLog(eventConnection())
        defer { log.stop() }
        let other = try connect()
        let name = uniqueName("evlife")
        let domain = try other.defineDomain(xml: domainXML(name: name))
        var undefined = false
        defer {
            if !undefined {
                cleanUp(name) {
                    if try domain.isActive() { try domain.destroy() }
                    try domain.undefine()
                }
            }
        }

        try domain.start()
        try domain.suspend()
        try domain.resume()
        try domain.destroy()
        try domain.undefine()
        undefined = true

        let expected = [.defined, .started, .suspended, .resumed, .stopped, .undefined].map {
            LibvirtEvent.domain(name: name, event: $0)
        }
        let seen = await log.wait(until: .domain(name: name, event: .undefined))
        if onTestDriver {
            #expect(seen == expected)
        } else {
            // qemu adds its own: `resumed` as the CPUs start at boot, `shutdown` before `stopped`.
            #expect(seen.containsInOrder(expected), "\(seen)")
        }
    }

    @Test("redefining an existing domain, as a hand edit does, arrives as updated")
    func redefineIsUpdated() async throws {
        let log = try EventLog(eventConnection())
        defer { log.stop() }
        let other = try connect()
        let name = uniqueName("evedit")
        let domain = try other.defineDomain(xml: domainXML(name: name))
        defer { cleanUp(name) { try domain.undefine() } }

        // Same name and UUID: libvirt replaces the definition rather than refusing a duplicate.
        let edited = domainXML(name: name, memoryKiB: 65536)
            .replacingOccurrences(of: "<name>", with: "<uuid>\(domain.uuid)</uuid><name>")
        _ = try other.defineDomain(xml: edited)

        await log.wait(for: 2, about: name)
        #expect(
            log.events(about: name) == [.domain(name: name, event: .defined), .domain(name: name, event: .updated)]
        )
    }

    @Test("setting a domain's metadata arrives as changed")
    func metadataIsChanged() async throws {
        let log = try EventLog(eventConnection())
        defer { log.stop() }
        let other = try connect()
        let name = uniqueName("evmeta")
        let domain = try other.defineDomain(xml: domainXML(name: name))
        defer { cleanUp(name) { try domain.undefine() } }

        try domain.setMetadata(
            "<owner repo='infra'/>",
            key: "vs",
            namespace: "https://virtsync.dev/test-events",
            affect: .config
        )

        await log.wait(for: 2, about: name)
        #expect(
            log.events(about: name) == [.domain(name: name, event: .defined), .domain(name: name, event: .changed)]
        )
    }
}
