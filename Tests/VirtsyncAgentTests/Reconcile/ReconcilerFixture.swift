import Foundation
import Libvirt
import Synchronization
import TestSupport
import VirtsyncAgent
import VirtsyncGitSource
import VirtsyncHost
import VirtsyncManifest
import VirtsyncReport
import VirtsyncSource

/// Collects what a reconciler reports, for assertions.
final class RecordingReporter: Reporter {
    private let recorded = Mutex<[AgentEvent]>([])
    var events: [AgentEvent] { recorded.withLock { $0 } }
    func report(_ event: AgentEvent) { recorded.withLock { $0.append(event) } }
    func reconciled(_ status: AgentStatus, duration: Double) {}
    func kinds() -> [AgentEventKind] { events.map(\.kind) }
}

/// A git repository of manifests made by the test, and a reconciler tracking it on `test:///default`.
struct ReconcilerFixture {
    var prefix = NamePrefix.make("ra")
    let root: URL
    let repository: URL
    let reporter = RecordingReporter()
    let reconciler: Reconciler
    let session: SyncSession

    init(
        mode: ReconcilePolicy.Mode = .enforce,
        prune: Bool = false,
        maxDestroyShare: Double = 0.3,
        health: Bool = false
    ) throws {
        try self.init(mode: mode, prune: prune, maxDestroyShare: maxDestroyShare, root: nil, health: health)
    }

    /// Another agent on the same state directory and repository, as after a restart.
    func restarted(mode: ReconcilePolicy.Mode, health: Bool = false) throws -> ReconcilerFixture {
        try ReconcilerFixture(
            mode: mode,
            prune: false,
            maxDestroyShare: 0.3,
            root: root,
            prefix: prefix,
            health: health
        )
    }

    private init(
        mode: ReconcilePolicy.Mode,
        prune: Bool,
        maxDestroyShare: Double,
        root existing: URL?,
        prefix: String? = nil,
        health: Bool = false
    ) throws {
        if let prefix { self.prefix = prefix }
        root =
            existing
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "virtsync-agent-tests/\(UUID().uuidString)"
            )
        repository = root.appendingPathComponent("repo")
        if existing == nil {
            try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
            try Self.git(["init", "-q", "-b", "main"], in: repository)
        }
        session = try SyncSession(uri: "test:///default", stateDirectory: root.appendingPathComponent("state").path)
        let source = GitSource(
            url: "file://\(repository.path)",
            ref: "main",
            cacheDirectory: root.appendingPathComponent("cache").path
        )
        reconciler = Reconciler(
            source: source,
            session: session,
            policy: ReconcilePolicy(
                mode: mode,
                prune: prune,
                maxDestroyShare: maxDestroyShare,
                selector: HostSelector(hostName: "test")
            ),
            reporter: reporter,
            status: AgentStatus(host: "test", mode: mode.rawValue, source: .init(url: "file://", ref: "main")),
            appliedPath: root.appendingPathComponent("state/applied.json").path,
            healthDirectory: health ? root.appendingPathComponent("state").path : nil
        )
    }

    func name(_ suffix: String) -> String { prefix + suffix }

    /// A running qemu domain of `memory`, in a file of its own.
    func domain(_ suffix: String, memory: String = "128MiB", vcpus: Int = 1) -> String {
        """
        apiVersion: virtsync/v1
        kind: Domain
        metadata:
          name: \(name(suffix))
        spec:
          type: qemu
          memory: \(memory)
          vcpus: \(vcpus)
          state: running
        """
    }

    /// Replaces the repository's files with these and commits them.
    func commit(_ files: [String: String]) throws {
        for item in try FileManager.default.contentsOfDirectory(atPath: repository.path) where item != ".git" {
            try FileManager.default.removeItem(at: repository.appendingPathComponent(item))
        }
        for (path, text) in files {
            try text.write(to: repository.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        try Self.git(["add", "-A"], in: repository)
        try Self.git(
            ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "change"],
            in: repository
        )
    }

    static func git(_ arguments: [String], in directory: URL) throws {
        try ChildProcess("git", arguments, directory: directory).run().check("git \(arguments.joined(separator: " "))")
    }
}
