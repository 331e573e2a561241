import Foundation
import Libvirt

/// What one benchmark run owns: a random domain name prefix and a temporary directory for manifests and state.
///
/// Every libvirt object it removes carries the prefix, so nothing else on the host is touched.
struct BenchFixture: Sendable {
    let uri: String
    let prefix: String
    let directory: URL
    /// False when only the idle agent runs (on the test driver): nothing to undefine on `uri` then.
    let touchesLibvirt: Bool

    init(uri: String, touchesLibvirt: Bool = true) throws {
        self.uri = uri
        self.touchesLibvirt = touchesLibvirt
        let token = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        prefix = "vsbench-\(token)-"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-bench-\(token)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// The names of a run of N domains; the floor and the manifests use the same ones.
    static func names(count: Int, prefix: String) -> [String] {
        (1...count).map { prefix + String(format: "%04d", $0) }
    }

    func manifestDirectory(count: Int) -> URL { directory.appendingPathComponent("manifests-\(count)") }
    var stateDirectory: URL { directory.appendingPathComponent("state") }

    /// A new directory of the run's, for one measurement's files.
    func subdirectory(_ name: String) throws -> URL {
        let folder = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes one `kind: Domain` manifest per domain, in a file named for it.
    func writeManifests(count: Int) throws -> URL {
        let folder = manifestDirectory(count: count)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in Self.names(count: count, prefix: prefix) {
            let yaml = """
                apiVersion: virtsync/v1
                kind: Domain
                metadata:
                  name: \(name)
                spec:
                  type: qemu
                  memory: 64MiB
                  vcpus: 1
                  state: shutoff

                """
            try yaml.write(to: folder.appendingPathComponent(name + ".yaml"), atomically: false, encoding: .utf8)
        }
        return folder
    }

    /// Undefines every domain with the prefix (stopping any that runs) and forgets the inventory. Not timed.
    @discardableResult
    func reset() throws -> Int {
        try? FileManager.default.removeItem(at: stateDirectory)
        let connection = try LibvirtConnection(uri: uri)
        let ours = try connection.listDomains().filter { $0.name.hasPrefix(prefix) }
        for domain in ours {
            if try domain.isActive() { try domain.destroy() }
            try domain.undefine()
        }
        return ours.count
    }

    /// Removes everything the run created; reports but survives a failure, since it runs on the way out.
    func tearDown() {
        defer { try? FileManager.default.removeItem(at: directory) }
        guard touchesLibvirt else { return }
        do {
            let removed = try reset()
            Progress.note("cleanup: undefined \(removed) domain(s) named \(prefix)*")
        } catch {
            Progress.note("cleanup FAILED, remove domains named \(prefix)* by hand: \(error)")
        }
    }
}
