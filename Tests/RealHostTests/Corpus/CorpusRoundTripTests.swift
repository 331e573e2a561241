import Foundation
import Libvirt
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

extension RealHost {
    @Suite("A corpus nobody here wrote, kept as bare .xml manifests")
    struct CorpusRoundTripTests {
        @Test("every corpus definition libvirt accepts plans in sync right after it is applied")
        func corpusPlansEmptyAfterApply() throws {
            try RealHost.withHost { host in
                let corpus = try Corpus.load("domains")
                try #require(corpus.count >= 300, "the corpus has \(corpus.count) definitions")
                for entry in corpus { try host.write(entry.fileName, entry.prepared(for: host)) }
                defer { Corpus.undefineAll(prefix: host.prefix, on: host.session.connection) }
                let applied = try host.apply()
                #expect(applied.plan.steps.count == corpus.count)

                let drifting = try Self.drifting(host.plan().plan, host: host)
                let before = try Self.drifting(Self.planAsRendered(host), host: host)
                Self.record(corpus.count, before: before.count, after: drifting.count)
                let unexpected = drifting.filter { Corpus.knownDifferences[$0.key] == nil }
                #expect(unexpected.isEmpty, "perpetual diffs:\n\(unexpected.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n"))")
                let healed = Corpus.knownDifferences.keys.filter { drifting[$0] == nil }
                #expect(healed.isEmpty, "now in sync, drop from knownDifferences: \(healed.sorted())")
            }
        }

        /// Steps by corpus name, with the fields they would change.
        static func drifting(_ plan: Plan, host: HostFixture) -> [String: String] {
            var result: [String: String] = [:]
            for step in plan.steps {
                result[String(step.id.name.dropFirst(host.prefix.count))] = step.fields.map(\.description).joined(separator: "; ")
            }
            return result
        }

        /// The comparison virtsync made before it compared through libvirt's parser: documents as
        /// rendered, observed without security-sensitive values. Kept to measure what the change is worth.
        static func planAsRendered(_ host: HostFixture) throws -> Plan {
            let manifests = try host.manifests()
            let observed = try HostReader(connection: host.session.connection, secure: false)
                .observe(interest: Set(manifests.map(\.id)))
            let inventory = try host.session.inventoryStore.load(uri: host.session.connection.uri)
            return Planner(options: PlanOptions(revision: "realhost-\(host.id)")).plan(manifests, observed: observed, inventory: inventory)
        }

        static func record(_ total: Int, before: Int, after: Int) {
            func share(_ drifting: Int) -> String {
                String(format: "%d/%d (%.1f%%)", total - drifting, total, 100 * Double(total - drifting) / Double(total))
            }
            let line = "corpus: \(total) definitions; in sync after apply: compared as rendered \(share(before)), through libvirt's parser \(share(after))\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
