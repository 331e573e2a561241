import Foundation
import TestSupport
import Testing

/// The common start of the agent tests: a repository with a pool and a running VM, and an agent that
/// has applied them.
enum AgentScenario {
    static func start(
        _ host: HostFixture,
        options: AgentProcess.Options = AgentProcess.Options()
    ) throws -> (agent: AgentProcess, revision: String) {
        let repository = try AgentRepository(host: host)
        let revision = try repository.commit(
            "a pool and a VM",
            ["pool.yaml": AgentManifests.pool(host), "vm.yaml": AgentManifests.vm(host)]
        )
        let agent = try AgentProcess(host: host, repository: repository, options: options)
        let vm = host.name("vm")
        let running = poll(timeout: .seconds(60)) { Virsh.state(vm) == "running" }
        try #require(running, "\(vm) not running: \(agent.tail())")
        // Let the passes that the agent's own writes trigger finish before a test edits anything.
        let settled = poll(timeout: .seconds(30)) {
            let reconciles = (try? agent.status())?["reconciles"] as? [[String: Any]]
            return reconciles?.first?["result"] as? String == "in-sync"
        }
        try #require(settled, "no in-sync pass after the first apply: \(agent.tail())")
        Thread.sleep(forTimeInterval: 0.5)
        return (agent, revision)
    }

    /// `virsh define` of the persistent definition with `count` vCPUs: an operator's hand edit.
    static func setVcpus(_ vm: String, _ count: Int, in host: HostFixture) throws {
        var xml = Shell.virsh("dumpxml", "--inactive", vm).output
        xml = xml.replacing(#/<vcpu placement='static'>\d+</vcpu>/#, with: "<vcpu placement='static'>\(count)</vcpu>")
        let file = host.manifestDirectory.deletingLastPathComponent().appendingPathComponent("edited.xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        let defined = Shell.virsh("define", file.path)
        try #require(defined.succeeded, "virsh define: \(defined.error)")
    }
}
