import Foundation
import LibvirtXML
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// A verdict is found again only for exactly the inputs it was noted for, across processes (the file),
/// and never across builds of libvirt or virtsync; a damaged file is an empty memo.
@Suite("the verdict store")
struct VerdictStoreTests {
    let temporary: TemporaryDirectory
    var directory: String { temporary.url.path }

    init() throws { temporary = try TemporaryDirectory(prefix: "virtsync-verdicts") }

    static func manifest(_ spec: String = "") throws -> Manifest {
        let text = """
            apiVersion: virtsync/v1
            kind: Domain
            metadata:
              name: vm
            spec:
              type: qemu
              memory: 64MiB
              vcpus: 1
            \(spec)
            """
        let result = ManifestLoader.load([ManifestFile(path: "vm.yaml", text: text)])
        try #require(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return try #require(result.manifests.first)
    }

    static func digest(_ byte: UInt8) -> ContentDigest { ContentDigest(bytes: [UInt8](repeating: byte, count: 32))! }

    static func observed(
        definition: UInt8 = 1,
        all: UInt8 = 1,
        power: ObservedObject.Power = .shutoff
    ) -> ObservedObject {
        var object = ObservedObject(id: ObjectID(.domain, "vm"), xml: XElement("domain"), active: false, power: power)
        object.digests = SourceDigests(definition: digest(definition), all: digest(all))
        return object
    }

    func store(libvirt: String = "9.0.0") -> VerdictStore {
        VerdictStore(stateDirectory: directory, libvirtVersion: libvirt)
    }

    /// Notes (desired, have) in sync and saves, as a plan does.
    func noted(_ desired: DesiredObject, _ have: ObservedObject) {
        let store = store()
        store.noteInSync(desired, have)
        store.save()
    }

    @Test("a saved verdict is found by the next store of the directory, and its definition is known")
    func roundTrip() throws {
        let desired = DesiredObject(try Self.manifest())
        #expect(!store().isInSync(desired, Self.observed()))
        noted(desired, Self.observed())
        let next = store()
        #expect(next.isInSync(desired, Self.observed()))
        #expect(next.knowsDefinition(Self.digest(1)))
        #expect(!next.knowsDefinition(Self.digest(2)))
    }

    @Test(
        "any change of what the step reads misses the memo",
        arguments: [
            "state: paused", "autostart: true", "restartPolicy: Graceful", "shutdownTimeout: 30s",
            "devices:\n    serials: [{type: pty}]",
        ]
    )
    func desiredChanges(spec: String) throws {
        noted(DesiredObject(try Self.manifest()), Self.observed())
        let changed = DesiredObject(try Self.manifest("  " + spec))
        #expect(!store().isInSync(changed, Self.observed()))
    }

    @Test("a rendered document one attribute apart misses the memo")
    func renderedChange() throws {
        let desired = DesiredObject(try Self.manifest())
        noted(desired, Self.observed())
        var other = desired
        other.xml.setChild("vcpu", XElement("vcpu", ["placement": "static"], text: "2"))
        #expect(!store().isInSync(other, Self.observed()))
    }

    @Test("another text, power state, activity or autostart on the host misses the memo")
    func observedChanges() throws {
        let desired = DesiredObject(try Self.manifest())
        noted(desired, Self.observed())
        var autostart = Self.observed()
        autostart.autostart = true
        var active = Self.observed()
        active.active = true
        var unread = Self.observed()
        unread.digests = nil
        for have in [Self.observed(all: 2), Self.observed(power: .paused), autostart, active, unread] {
            #expect(!store().isInSync(desired, have), "\(have)")
        }
        #expect(store().isInSync(desired, Self.observed()))
    }

    @Test("another libvirt (or virtsync) build starts from an empty memo")
    func otherBuild() throws {
        let desired = DesiredObject(try Self.manifest())
        noted(desired, Self.observed())
        #expect(!store(libvirt: "9.1.0").isInSync(desired, Self.observed()))
        #expect(!store(libvirt: "9.1.0").knowsDefinition(Self.digest(1)))
    }

    @Test("a damaged or foreign file is an empty memo, and the next save replaces it")
    func damaged() throws {
        let desired = DesiredObject(try Self.manifest())
        noted(desired, Self.observed())
        let path = store().path
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        for damage in [Data(), good.prefix(good.count - 1), Data("not a memo".utf8), good + Data([0])] {
            try damage.write(to: URL(fileURLWithPath: path))
            #expect(!store().isInSync(desired, Self.observed()))
        }
        noted(desired, Self.observed())
        #expect(store().isInSync(desired, Self.observed()))
    }

    @Test("the file keeps the verdicts of the last plan only, and is not written when they did not change")
    func lastPlanOnly() throws {
        let first = DesiredObject(try Self.manifest())
        let second = DesiredObject(try Self.manifest("  autostart: true"))
        noted(first, Self.observed())
        noted(second, Self.observed())
        #expect(!store().isInSync(first, Self.observed()))
        let store = store()
        #expect(store.isInSync(second, Self.observed()))
        try FileManager.default.removeItem(atPath: store.path)
        store.save()
        #expect(!FileManager.default.fileExists(atPath: store.path), "unchanged verdicts are not written again")
    }

    @Test("a plan never creates the state directory to save its verdicts")
    func noDirectory() throws {
        let missing = directory + "/absent"
        let store = VerdictStore(stateDirectory: missing, libvirtVersion: "9.0.0")
        store.noteInSync(DesiredObject(try Self.manifest()), Self.observed())
        store.save()
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test("every field of ManifestPolicy is known to the key (add a new one to policyKey, or say why not)")
    func policyFields() throws {
        let labels = Mirror(reflecting: ManifestPolicy(try Self.manifest())).children.compactMap(\.label)
        // In the key: active, power, autostart, restartPolicy, shutdownTimeoutSeconds, build. Not: health
        // (read after an apply, never by the plan), and the volume-only ones (volumes are never memoized).
        #expect(
            labels == [
                "active", "power", "autostart", "restartPolicy", "shutdownTimeoutSeconds", "health", "deletionPolicy",
                "build", "copyFrom", "image", "seed",
            ]
        )
    }
}

extension VerdictStore {
    /// Whether a plan would skip comparing this object: its lookup found it in sync.
    func isInSync(_ object: DesiredObject, _ have: ObservedObject) -> Bool { lookUp(object, have)?.inSync == true }

    /// As a plan notes an object it found in sync.
    func noteInSync(_ object: DesiredObject, _ have: ObservedObject) {
        if let lookup = lookUp(object, have) { noteInSync(lookup) }
    }
}
