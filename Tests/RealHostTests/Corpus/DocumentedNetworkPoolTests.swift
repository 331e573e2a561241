import Foundation
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

extension RealHost {
    @Suite("libvirt's documented network and pool examples")
    struct DocumentedNetworkPoolTests {
        @Test("the examples of formatnetwork.rst and storage.rst apply, then plan in sync")
        func examplesPlanEmptyAfterApply() throws {
            try RealHost.withHost { host in
                let examples = try Corpus.load("networks") + Corpus.load("pools")
                try #require(examples.count >= 10, "\(examples.count) examples")
                for entry in examples { try host.write(entry.fileName, entry.prepared(for: host)) }
                let applied = try host.apply()
                #expect(applied.plan.steps.count == examples.count)
                let again = try host.plan()
                #expect(again.plan.isInSync, "perpetual diffs:\n\(describe(again.plan))")
            }
        }
    }
}
