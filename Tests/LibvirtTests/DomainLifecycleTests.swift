import Libvirt
import Testing

@Suite("Domain lifecycle")
struct DomainLifecycleTests {
    // On qemu:///system this boots a 32 MiB diskless guest under TCG for a moment: cheap enough.
    @Test("a domain starts, pauses, resumes and is destroyed")
    func startSuspendResumeDestroy() throws {
        let connection = try connect()
        let name = uniqueName("run")
        let domain = try connection.defineDomain(xml: domainXML(name: name))
        defer {
            cleanUp(name) {
                if try domain.isActive() { try domain.destroy() }
                try domain.undefine()
            }
        }

        try domain.start()
        #expect(try domain.isActive())
        #expect(try domain.state() == .running)
        #expect(try connection.listDomains([.active]).contains { $0.name == name })

        try domain.suspend()
        #expect(try domain.state() == .paused)
        try domain.resume()
        #expect(try domain.state() == .running)

        try domain.destroy()
        #expect(try domain.state() == .shutoff)
        #expect(try domain.isActive() == false)
    }

    @Test("a bulk listing tells which domains ran, as the handle had it when listed")
    func activityFromListing() throws {
        let connection = try connect()
        let name = uniqueName("listed")
        let domain = try connection.defineDomain(xml: domainXML(name: name))
        defer {
            cleanUp(name) {
                if try domain.isActive() { try domain.destroy() }
                try domain.undefine()
            }
        }
        let before = try #require(try connection.listDomains().first { $0.name == name })
        #expect(before.wasActiveWhenListed == false)

        try domain.start()
        let after = try #require(try connection.listDomains().first { $0.name == name })
        #expect(after.wasActiveWhenListed)
        // A handle keeps what it was told: the older one still says inactive.
        #expect(before.wasActiveWhenListed == false)
    }

    @Test("starting a running domain fails with libvirt's error")
    func startTwice() throws {
        let connection = try connect()
        let name = uniqueName("twice")
        let domain = try connection.defineDomain(xml: domainXML(name: name))
        defer {
            cleanUp(name) {
                if try domain.isActive() { try domain.destroy() }
                try domain.undefine()
            }
        }
        try domain.start()

        let error = try #require(throws: LibvirtError.self) { try domain.start() }
        #expect(error.operation == "virDomainCreate")
        // The test driver calls it an internal error, qemu an invalid operation.
        #expect(error.code == (onTestDriver ? .internalError : .operationInvalid))
        #expect(error.message.contains("already running"))
    }
}
