import Foundation
import Libvirt
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// One test's view of libvirt's in-process `test:///default` driver: a session with its own state
/// directory and a random prefix for every object name, since tests run in parallel on one shared driver.
final class DriverHost: Sendable {
    /// Prepended to every object name this test creates (`t1a2b3c-`).
    let prefix: String
    /// Per-test directory under /tmp for the inventory and pool target paths (never created by the driver).
    let root: String
    let session: SyncSession

    init() throws {
        prefix = NamePrefix.make("t")
        root = "/tmp/virtsync-driver-tests/\(prefix.dropLast())"
        try FileManager.default.createDirectory(atPath: root + "/state", withIntermediateDirectories: true)
        session = try SyncSession(uri: "test:///default", stateDirectory: root + "/state")
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var connection: LibvirtConnection { session.connection }

    /// libvirt writes made through this test's connection so far.
    var mutations: Int { connection.mutationCount }

    /// The prefixed name of an object.
    func name(_ base: String) -> String { prefix + base }

    /// A path under this test's root, for pool targets and disk paths.
    func path(_ relative: String) -> String { "\(root)/\(relative)" }

    /// Manifests from YAML text; a test's YAML is expected to load without diagnostics.
    func manifests(
        _ text: String,
        file: String = "test.yaml",
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> [Manifest] {
        manifests([ManifestFile(path: file, text: text)], sourceLocation: sourceLocation)
    }

    func manifests(_ files: [ManifestFile], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Manifest] {
        let result = ManifestLoader.load(files)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)", sourceLocation: sourceLocation)
        return result.manifests
    }

    /// Checks and plans through the one stage; a refused revision throws its `RevisionRefusal`.
    func plan(_ manifests: [Manifest], prune: Bool = false, adopt: Bool = false) throws -> SyncSession.Planned {
        try session.check(
            RevisionManifests(revision: "test", selected: manifests, allowedPaths: [root]),
            options: PlanOptions(prune: prune, adopt: adopt, revision: "test")
        ).planned()
    }

    /// Plans and applies, failing the test on manifest errors.
    @discardableResult
    func apply(
        _ manifests: [Manifest],
        prune: Bool = false,
        adopt: Bool = false,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> (planned: SyncSession.Planned, report: ApplyReport) {
        let planned = try plan(manifests, prune: prune, adopt: adopt)
        return (planned, try session.apply(planned))
    }

    /// Applies and requires every step to succeed: the setup of a test, not its subject.
    @discardableResult
    func applyCleanly(
        _ manifests: [Manifest],
        prune: Bool = false,
        adopt: Bool = false,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> SyncSession.Planned {
        let (planned, report) = try apply(manifests, prune: prune, adopt: adopt, sourceLocation: sourceLocation)
        try #require(report.succeeded, "\(report.failures)", sourceLocation: sourceLocation)
        return planned
    }

    /// The one step of a plan for an object, if any.
    func step(_ planned: SyncSession.Planned, _ id: ObjectID) -> PlanStep? {
        planned.plan.steps.first { $0.id == id }
    }

    func domainXML(_ base: String, inactive: Bool = true) throws -> String {
        try #require(try connection.lookupDomain(name: name(base))).xml(inactive: inactive)
    }
}
