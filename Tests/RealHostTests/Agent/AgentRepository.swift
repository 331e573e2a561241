import Foundation
import TestSupport
import Testing

/// The git repository an agent follows: a plain working repository in the fixture's temp directory,
/// read by the agent through `file://`, with the manifests under `manifests/`.
struct AgentRepository {
    let directory: URL
    var url: String { "file://\(directory.path)" }

    init(host: HostFixture) throws {
        directory = host.manifestDirectory.deletingLastPathComponent().appendingPathComponent("repo")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("manifests"),
            withIntermediateDirectories: true
        )
        try git("init", "-q", "-b", "main")
        try git("config", "user.email", "e2e@virtsync.test")
        try git("config", "user.name", "virtsync e2e")
    }

    /// Writes (or, with nil, removes) manifest files and commits them; returns the new commit id.
    @discardableResult
    func commit(_ message: String, _ files: [String: String?]) throws -> String {
        for (name, text) in files {
            let file = directory.appendingPathComponent("manifests/\(name)")
            if let text {
                try text.write(to: file, atomically: true, encoding: .utf8)
            } else {
                try FileManager.default.removeItem(at: file)
            }
        }
        try git("add", "-A")
        try git("commit", "-q", "-m", message)
        return try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    private func git(_ arguments: String...) throws -> String {
        let result = Shell.run(["git", "-C", directory.path] + arguments)
        try #require(result.succeeded, "git \(arguments.joined(separator: " ")): \(result.error)")
        return result.output
    }
}

/// Manifests small enough for TCG: a dir pool, and a diskless 64–128 MiB VM with no network.
enum AgentManifests {
    static func pool(_ host: HostFixture) -> String {
        """
        apiVersion: virtsync/v1
        kind: StoragePool
        metadata:
          name: \(host.name("pool"))
        spec:
          type: dir
          target:
            path: \(host.poolDirectory)
        """
    }

    static func vm(_ host: HostFixture, memory: String = "64MiB") -> String {
        """
        apiVersion: virtsync/v1
        kind: Domain
        metadata:
          name: \(host.name("vm"))
        spec:
          type: qemu
          memory: \(memory)
          vcpus: 1
          state: running
        """
    }
}
