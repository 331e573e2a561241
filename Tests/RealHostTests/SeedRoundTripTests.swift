import Foundation
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

extension RealHost {
    @Suite("Round trip of the seed's examples on a real host")
    struct SeedRoundTripTests {
        @Test("every seed manifest, renamed into the test's namespace, applies and then plans in sync")
        func seedRoundTrip() throws {
            try RealHost.withHost { host in
                // bridge-net.xml forwards onto a host bridge that must exist: make one for it.
                let renamer = SeedRenamer(host: host, hostBridge: try host.makeHostBridge(1))
                let files = try SeedRenamer.seedFiles()
                try #require(!files.isEmpty)
                for file in files {
                    let text = try String(
                        contentsOf: SeedRenamer.seedDirectory.appendingPathComponent(file),
                        encoding: .utf8
                    )
                    try host.write(file, renamer.rename(text))
                }
                let applied = try host.apply()
                let expected = applied.manifests.count
                #expect(
                    applied.plan.steps.filter { $0.change == .create }.count == expected,
                    "\(describe(applied.plan))"
                )

                let again = try host.plan()
                #expect(again.plan.isInSync, "perpetual diff after applying the seed:\n\(describe(again.plan))")
                #expect(again.plan.inSync.count == expected)
                for id in again.manifests.map(\.id) {
                    #expect(id.name.hasPrefix(host.prefix), "\(id) escaped the test's namespace")
                }
            }
        }
    }
}
