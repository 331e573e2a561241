import Foundation
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncImages
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncSource

/// One test's namespace on the real host: names, a subnet, a pool directory, a manifest directory and a
/// state directory, plus the session that plans and applies against qemu:///system.
final class HostFixture {
    /// Six hex digits, fresh for every fixture.
    let id: String
    /// `vsrt-<id>-`: the prefix of every libvirt object name a test creates.
    let prefix: String
    /// `/var/lib/libvirt/images/vsrt-<id>`: the target of the test's pool, removed at the end.
    let poolDirectory: String
    /// The first three octets of a /24 no route on the host uses, e.g. `10.142.7`.
    let subnet: String
    let manifestDirectory: URL
    let stateDirectory: URL
    let session: SyncSession
    /// Host bridges made with `ip link add`, deleted at the end.
    private(set) var hostBridges: [String] = []

    init() throws {
        prefix = NamePrefix.make("vsrt-")
        id = String(prefix.dropFirst("vsrt-".count).dropLast())
        poolDirectory = "\(RealHost.imagesRoot)/vsrt-\(id)"
        subnet = Self.freeSubnet()
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("vsrt-\(id)")
        manifestDirectory = temp.appendingPathComponent("manifests")
        stateDirectory = temp.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: manifestDirectory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        // A failure to connect throws here and fails the test: with VIRTSYNC_REAL_HOST=1 it is not a skip.
        // Image downloads come from a server on 127.0.0.1: 5 s without data is a stall.
        session = try SyncSession(
            uri: RealHost.uri,
            stateDirectory: stateDirectory.path,
            imageTimeouts: ImageTimeouts(connectSeconds: 5, stallSeconds: 5)
        )
    }

    func name(_ base: String) -> String { prefix + base }

    /// A bridge name of at most 15 characters (`vsrt<4 hex><n>`), unique to this fixture.
    func bridge(_ number: Int) -> String { "vsrt\(id.prefix(4))\(number)" }

    /// Writes a manifest file (YAML or bare XML, by its extension) into the manifest directory.
    func write(_ file: String, _ text: String) throws {
        try text.write(to: manifestDirectory.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }

    /// Reads and loads the manifest directory as the CLI does; a manifest error fails the test.
    func manifests() throws -> [Manifest] {
        var loaded = ManifestLoader.load(try ManifestDirectory.read([manifestDirectory.path]))
        loaded.diagnostics += SeedFiles.resolve(&loaded.manifests)
        try #require(!loaded.hasErrors, "manifest errors: \(loaded.diagnostics.map(\.description))")
        return loaded.manifests
    }

    func plan() throws -> SyncSession.Planned {
        try session.check(
            RevisionManifests(
                revision: "realhost-\(id)",
                selected: try manifests(),
                allowedPaths: [RealHost.imagesRoot]
            ),
            options: PlanOptions(revision: "realhost-\(id)")
        ).planned()
    }

    /// Plans and applies; every step must succeed.
    @discardableResult
    func apply() throws -> SyncSession.Planned {
        let planned = try plan()
        let report = try session.apply(planned)
        #expect(report.succeeded, "apply failures: \(report.failures.map { "\($0.id): \($0.error ?? "?")" })")
        return planned
    }

    /// The step for one object, if the plan has one.
    func step(_ plan: Plan, _ kind: ManifestKind, _ base: String) -> PlanStep? {
        plan.steps.first { $0.id.kind == kind && $0.id.name == name(base) }
    }

    /// Makes a host bridge (for `forward: bridge` networks and `--network bridge=`), deleted at the end.
    func makeHostBridge(_ number: Int) throws -> String {
        let name = bridge(number)
        let made = Shell.run(["ip", "link", "add", name, "type", "bridge"])
        try #require(made.succeeded, "ip link add \(name): \(made.error)")
        hostBridges.append(name)
        Shell.run(["ip", "link", "set", name, "up"])
        return name
    }

    /// Picks 10.<100-199>.<0-255> that no route or address on the host already covers.
    private static func freeSubnet() -> String {
        let routes = Shell.run(["ip", "-4", "route"]).output + Shell.run(["ip", "-4", "addr"]).output
        while true {
            let candidate = "10.\(Int.random(in: 100...199)).\(Int.random(in: 0...255))"
            if !routes.contains(candidate + ".") { return candidate }
        }
    }
}

/// Text of a plan for failure messages.
func describe(_ plan: Plan) -> String { PlanPrinter(color: false).text(plan) }
