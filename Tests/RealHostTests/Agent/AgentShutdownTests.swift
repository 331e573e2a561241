import Foundation
import TestSupport
import Testing

extension RealHost {
    @Suite("The agent stops on SIGTERM")
    struct AgentShutdownTests {
        @Test("SIGTERM to an idle agent exits 0 within 5 s")
        func sigtermExitsCleanly() throws {
            try RealHost.withHost { host in
                let agent = try AgentScenario.start(host).agent
                let sent = ContinuousClock.now
                let status = agent.stop(timeout: .seconds(5))
                let took = ContinuousClock.now - sent
                print("e2e: SIGTERM -> exit \(status.map(String.init) ?? "none (killed)") after \(took)")
                #expect(status == 0, "\(agent.tail())")
                #expect(agent.process.termination == .exit(0))
            }
        }
    }
}
