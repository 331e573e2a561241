import Foundation
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncSource

extension RealHost {
    @Suite("Exporting objects from a real host")
    struct ExportRoundTripTests {
        @Test("the running set, exported and planned in place of its manifests, is in sync")
        func exportedRunnableSetIsInSync() throws {
            try RealHost.withHost { host in
                try RunnableSet().write(to: host)
                let applied = try host.apply()
                let ids = applied.manifests.map(\.id)

                let exported = try HostExporter(connection: host.session.connection).export(ids)
                for file in try FileManager.default.contentsOfDirectory(atPath: host.manifestDirectory.path) {
                    try FileManager.default.removeItem(at: host.manifestDirectory.appendingPathComponent(file))
                }
                try ManifestDirectory.write(
                    exported.map { ($0.fileName, $0.yaml) },
                    to: host.manifestDirectory.path,
                    overwrite: false
                )

                let planned = try host.plan()
                #expect(planned.manifests.map(\.id).sorted() == ids.sorted())
                #expect(planned.plan.isInSync, "exported manifests differ from the host:\n\(describe(planned.plan))")
                let domain = try #require(exported.first { $0.id.kind == .domain }).yaml
                #expect(domain.contains("  state: running\n"))
            }
        }
    }
}
