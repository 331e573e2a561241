import Foundation
import Libvirt
import TestSupport
import Testing
import VirtsyncAgent
import VirtsyncHost
import VirtsyncReport

@Suite("a change that fails its health check is rolled back")
struct HealthGateTests {
    @Test("a restart whose port never opens is undone, its revision refused until the next commit, which applies")
    func failedRestartRolledBack() async throws {
        let fixture = try ReconcilerFixture(health: true)
        let port = try PortListener()
        let closed = try PortListener.unusedPort()
        try fixture.commit(["vm.yaml": fixture.gatedDomain("vm", memory: "128MiB", port: port.port)])
        #expect(await fixture.reconciler.reconcile(.start).result == .applied)
        #expect(fixture.reporter.kinds().contains(.healthFailed) == false)

        try fixture.commit(["vm.yaml": fixture.gatedDomain("vm", memory: "256MiB", port: closed)])
        let failed = await fixture.reconciler.reconcile(.webhook)
        #expect(failed.result == .rolledBack)
        #expect(
            failed.error?.contains("127.0.0.1:\(closed) never accepted a connection") == true,
            "\(failed.error ?? "")"
        )
        #expect(fixture.reporter.kinds().contains(.healthFailed))
        #expect(fixture.reporter.kinds().contains(.rolledBack))
        let domain = try #require(try fixture.session.connection.lookupDomain(name: fixture.name("vm")))
        #expect(try domain.isActive())
        #expect(try domain.xml(inactive: true).contains("<memory unit='KiB'>131072</memory>"))

        // Refused on every later pass while git stays there; the previous revision is kept in sync.
        let again = await fixture.reconciler.reconcile(.interval)
        #expect(again.result == .refused)
        #expect(await fixture.reconciler.status.lastError?.contains("refused") == true)
        #expect(try domain.xml(inactive: true).contains("<memory unit='KiB'>131072</memory>"))

        try fixture.commit(["vm.yaml": fixture.gatedDomain("vm", memory: "256MiB", port: port.port)])
        let fixed = await fixture.reconciler.reconcile(.webhook)
        #expect(fixed.result == .applied)
        #expect(try domain.xml(inactive: true).contains("<memory unit='KiB'>262144</memory>"))
        #expect(try domain.isActive())
    }

    @Test("a created domain that fails is undefined again, and nothing else is lost")
    func failedCreateUndone() async throws {
        let fixture = try ReconcilerFixture(health: true)
        try fixture.commit(["a.yaml": fixture.domain("a")])
        await fixture.reconciler.reconcile(.start)
        let closed = try PortListener.unusedPort()
        try fixture.commit([
            "a.yaml": fixture.domain("a"), "vm.yaml": fixture.gatedDomain("vm", memory: "128MiB", port: closed),
        ])
        let failed = await fixture.reconciler.reconcile(.webhook)
        #expect(failed.result == .rolledBack)
        #expect(try fixture.session.connection.lookupDomain(name: fixture.name("vm")) == nil)
        #expect(try fixture.session.connection.lookupDomain(name: fixture.name("a"))?.isActive() == true)
    }
}

extension ReconcilerFixture {
    /// A running domain that restarts gracefully for a change and is healthy once `port` on 127.0.0.1
    /// accepts a connection (within 2 s).
    func gatedDomain(_ suffix: String, memory: String, port: Int) -> String {
        domain(suffix, memory: memory) + """

              restartPolicy: Graceful
              shutdownTimeout: 1s
              health: {timeout: 2s, runningFor: 0s, tcp: "127.0.0.1:\(port)"}
            """
    }
}

@Suite("a health check cut short by a restart is taken up again")
struct HealthGateResumeTests {
    @Test("a rollback point left by a stopped agent is checked on the first pass and, failing, undone")
    func unfinishedCheckResumed() async throws {
        let fixture = try ReconcilerFixture(health: true)
        let port = try PortListener()
        try fixture.commit(["vm.yaml": fixture.gatedDomain("vm", memory: "128MiB", port: port.port)])
        #expect(await fixture.reconciler.reconcile(.start).result == .applied)
        let domain = try #require(try fixture.session.connection.lookupDomain(name: fixture.name("vm")))
        let before = try domain.definitionWithSecrets()

        // As if the agent died while checking a restart for the next revision: the new definition applied
        // (here by an agent without the gate), the point on disk, the port it asks for closed.
        let closed = try PortListener.unusedPort()
        try fixture.commit(["vm.yaml": fixture.gatedDomain("vm", memory: "256MiB", port: closed)])
        let ungated = try fixture.restarted(mode: .enforce)
        #expect(await ungated.reconciler.reconcile(.start).result == .applied)
        #expect(try domain.xml(inactive: true).contains("<memory unit='KiB'>262144</memory>"))
        try RollbackStore(stateDirectory: fixture.root.appendingPathComponent("state").path)
            .save(RollbackPoint(name: fixture.name("vm"), definition: before, wasRunning: true, revision: nil))
        let restarted = try fixture.restarted(mode: .enforce, health: true)
        let pass = await restarted.reconciler.reconcile(.start)
        #expect(pass.result == .rolledBack, "\(pass)")
        #expect(try domain.xml(inactive: true).contains("<memory unit='KiB'>131072</memory>"))
        #expect(try domain.isActive())
        #expect(RollbackStore(stateDirectory: fixture.root.appendingPathComponent("state").path).domains() == [])
    }
}
