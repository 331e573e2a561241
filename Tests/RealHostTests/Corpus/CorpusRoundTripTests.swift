import Foundation
import Libvirt
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncSchema
import VirtsyncSource

extension RealHost {
    @Suite("A corpus nobody here wrote, kept as bare .xml manifests")
    struct CorpusRoundTripTests {
        @Test("every corpus definition libvirt accepts plans in sync right after it is applied")
        func corpusPlansEmptyAfterApply() throws {
            try RealHost.withHost { host in
                let all = try Corpus.load("domains")
                try #require(all.count >= 300, "the corpus has \(all.count) definitions")
                for entry in all { try host.write(entry.fileName, entry.prepared(for: host)) }
                defer { Corpus.undefineAll(prefix: host.prefix, on: host.session.connection) }
                try Self.expectSchemaRejections(host)
                let corpus = all.filter { Corpus.schemaRejected[$0.base] == nil }
                let applied = try host.apply()
                #expect(applied.plan.steps.count == corpus.count)

                let drifting = try Self.drifting(host.plan().plan, host: host)
                let asRendered = try Self.planAsRendered(host)
                let before = Self.drifting(asRendered, host: host)
                Self.record(corpus.count, before: before.count, after: drifting.count)
                Self.recordFields(asRendered)
                let unexpected = drifting.filter { Corpus.knownDifferences[$0.key] == nil }
                #expect(
                    unexpected.isEmpty,
                    "perpetual diffs:\n\(unexpected.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n"))"
                )
                let healed = Corpus.knownDifferences.keys.filter { drifting[$0] == nil }
                #expect(healed.isEmpty, "now in sync, drop from knownDifferences: \(healed.sorted())")
            }
        }

        /// Exactly the known definitions break libvirt's schema, each reported with its file, line and
        /// field, offline; their files are then removed so the rest can be applied.
        static func expectSchemaRejections(_ host: HostFixture) throws {
            let files = try ManifestDirectory.read([host.manifestDirectory.path])
            let loaded = ManifestLoader.load(files)
            try #require(!loaded.hasErrors, "\(loaded.diagnostics)")
            let errors = SchemaValidator.validate(loaded.manifests, files: files).filter { $0.severity == .error }
            var rejected: [String: ManifestError] = [:]
            for error in errors {
                let base = URL(fileURLWithPath: error.location.file).deletingPathExtension().lastPathComponent
                rejected[base] = rejected[base] ?? error
                #expect(error.location.line > 1 && error.field.hasPrefix("/domain"), "\(error)")
            }
            #expect(
                Set(rejected.keys) == Set(Corpus.schemaRejected.keys),
                "schema errors: \(errors.map(\.description))"
            )
            for (base, reason) in Corpus.schemaRejected {
                let field = reason.range(of: ": ").map { String(reason[..<$0.lowerBound]) } ?? reason
                #expect(rejected[base]?.field == field, "\(base): \(rejected[base]?.description ?? "no error")")
                try? FileManager.default.removeItem(at: host.manifestDirectory.appendingPathComponent("\(base).xml"))
            }
        }

        /// Steps by corpus name, with the fields they would change.
        static func drifting(_ plan: Plan, host: HostFixture) -> [String: String] {
            var result: [String: String] = [:]
            for step in plan.steps {
                result[String(step.id.name.dropFirst(host.prefix.count))] = step.fields.map(\.description).joined(
                    separator: "; "
                )
            }
            return result
        }

        /// The comparison without libvirt's parser: documents as rendered (with only the rules left, so fewer
        /// match than with the rules it replaced: 80 of 385 then), observed without security-sensitive values.
        /// Kept to measure what the round trip is worth.
        static func planAsRendered(_ host: HostFixture) throws -> Plan {
            let manifests = try host.manifests()
            let observed = try HostReader(connection: host.session.connection, secure: false)
                .observe(interest: Set(manifests.map(\.id)))
            let inventory = try host.session.inventoryStore.load(uri: host.session.connection.uri)
            return Planner(options: PlanOptions(revision: "realhost-\(host.id)")).plan(
                manifests,
                observed: observed,
                inventory: inventory
            )
        }

        /// The fields that differed when compared as rendered, most frequent first (for docs/diff.md).
        static func recordFields(_ plan: Plan) {
            var counts: [String: Int] = [:]
            for step in plan.steps {
                for path in Set(step.fields.map { XMLComparator.schemaPath($0.path) }) { counts[path, default: 0] += 1 }
            }
            let top = counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(25)
            let text = top.map { "  \($0.value)\t\($0.key)" }.joined(separator: "\n")
            FileHandle.standardError.write(Data("corpus: fields differing as rendered (definitions):\n\(text)\n".utf8))
        }

        static func record(_ total: Int, before: Int, after: Int) {
            func share(_ drifting: Int) -> String {
                String(
                    format: "%d/%d (%.1f%%)",
                    total - drifting,
                    total,
                    100 * Double(total - drifting) / Double(total)
                )
            }
            let line =
                "corpus: \(total) definitions; in sync after apply: compared as rendered (no parser round trip) \(share(before)), through libvirt's parser \(share(after))\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
