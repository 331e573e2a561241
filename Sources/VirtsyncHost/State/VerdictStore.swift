internal import AtomicFiles
internal import Foundation
import LibvirtXML
import Synchronization
import VirtsyncBuildInfo
public import VirtsyncManifest
public import VirtsyncPlan

/// The `VerdictMemo` of a state directory: which objects earlier plans found in sync, by a digest of
/// everything the verdict depended on, kept in `STATE_DIR/verdicts` so the next `plan`, `apply` or
/// agent pass on this host skips comparing (and parsing) what has not changed on either side.
///
/// Each verdict's key is a SHA-256 over: this build of virtsync and of libvirt (an upgrade starts with
/// an empty memo, so it never changes a plan), the object's id, its rendered document, the device lists
/// it owns, the manifest's power and lifecycle facts, and libvirt's texts of the object (persistent and
/// live) with its power state and autostart flag. The file keeps the verdicts the last plan used or
/// made, so it holds at most one per object and forgets objects that left. It is a cache: unreadable,
/// damaged or from another build, it counts as empty; a failure to write it costs only the next plan's
/// time. Volumes are never memoized (their step depends on other objects).
public final class VerdictStore: VerdictMemo {
    public let path: String
    private let salt: ContentDigest
    private let state: Mutex<State>

    private struct State {
        /// The file's verdicts (key → digest of the persistent definition), read at first use.
        var saved: [ContentDigest: ContentDigest]?
        /// The definitions of `saved`'s verdicts.
        var definitions: Set<ContentDigest> = []
        /// The verdicts used or made since the last save.
        var noted: [ContentDigest: ContentDigest] = [:]
    }

    static let magic = Array("virtsync verdicts 1\n".utf8)

    /// - Parameter libvirtVersion: the libvirt library this process runs (its parser judged the verdicts).
    public init(stateDirectory: String, libvirtVersion: String) {
        path = (stateDirectory as NSString).appendingPathComponent("verdicts")
        var builder = TextDigest.Builder()
        for part in ["verdicts/1", BuildInfo.version, BuildInfo.revision, libvirtVersion] { builder.add(part) }
        salt = builder.finish()
        state = Mutex(State())
    }

    public func lookUp(_ object: DesiredObject, _ have: ObservedObject) -> VerdictLookup? {
        guard let digests = have.digests else { return nil }
        let key = key(object, have, digests.all)
        let known = state.withLock { state in
            guard loaded(&state)[key] != nil else { return false }
            state.noted[key] = digests.definition
            return true
        }
        return VerdictLookup(key: key, definition: digests.definition, inSync: known)
    }

    public func noteInSync(_ lookup: VerdictLookup) {
        state.withLock { $0.noted[lookup.key] = lookup.definition }
    }

    /// Whether a persistent definition with this digest was parsed and judged in sync before: the host
    /// edge may leave its parse until something asks for the tree.
    public func knowsDefinition(_ digest: ContentDigest) -> Bool {
        state.withLock { state in
            _ = loaded(&state)
            return state.definitions.contains(digest)
        }
    }

    /// Writes the verdicts noted since the last save, when they differ from the file's; best effort.
    public func save() {
        let entries = state.withLock { state -> [ContentDigest: ContentDigest]? in
            let noted = state.noted
            state.noted = [:]
            guard noted != loaded(&state) else { return nil }
            state.saved = noted
            state.definitions = Set(noted.values)
            return noted
        }
        // A plan never creates the state directory: with none, there is nothing of this host's to remember.
        let directory = (path as NSString).deletingLastPathComponent
        guard let entries, FileManager.default.fileExists(atPath: directory) else { return }
        var data = Data(Self.magic)
        data.reserveCapacity(data.count + 32 + entries.count * 64)
        salt.withUnsafeBytes { data.append(contentsOf: $0) }
        for key in entries.keys.sorted() {
            key.withUnsafeBytes { data.append(contentsOf: $0) }
            entries[key]!.withUnsafeBytes { data.append(contentsOf: $0) }
        }
        try? AtomicFile.write(data, to: path)
    }

    private func loaded(_ state: inout State) -> [ContentDigest: ContentDigest] {
        if let saved = state.saved { return saved }
        let saved = Self.read(path, salt: salt)
        state.saved = saved
        state.definitions = Set(saved.values)
        return saved
    }

    /// The file's verdicts; none when it is missing, damaged or written by another build.
    static func read(_ path: String, salt: ContentDigest) -> [ContentDigest: ContentDigest] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        return data.withUnsafeBytes { raw in
            func digest(at offset: Int) -> ContentDigest {
                ContentDigest(raw: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + 32]))!
            }
            let header = magic.count + 32
            guard raw.count >= header, (raw.count - header) % 64 == 0, raw.prefix(magic.count).elementsEqual(magic),
                digest(at: magic.count) == salt
            else { return [:] }
            var entries: [ContentDigest: ContentDigest] = [:]
            entries.reserveCapacity((raw.count - header) / 64)
            for start in stride(from: header, to: raw.count, by: 64) {
                entries[digest(at: start)] = digest(at: start + 32)
            }
            return entries
        }
    }

    /// Everything `Planner.step` reads for a managed domain, network or pool, digested.
    private func key(_ object: DesiredObject, _ have: ObservedObject, _ texts: ContentDigest) -> ContentDigest {
        var builder = TextDigest.Builder()
        builder.add(salt)
        builder.add(object.id.description)
        builder.add(object.xml)
        builder.add(object.ownedLists.sorted().joined(separator: " "))
        builder.add(Self.policyKey(object.policy))
        builder.add("\(have.power.rawValue) active=\(have.active) autostart=\(have.autostart)")
        builder.add(texts)
        return builder.finish()
    }

    /// The facts of a `ManifestPolicy` a domain's, network's or pool's step reads (`VerdictStoreTests`
    /// fails when `ManifestPolicy` gains a field, so that a new one is added here or left out knowingly).
    static func policyKey(_ policy: ManifestPolicy) -> String {
        [
            "active=\(policy.active.map { "\($0)" } ?? "-")",
            "power=\(policy.power?.rawValue ?? "-")",
            "autostart=\(policy.autostart.map { "\($0)" } ?? "-")",
            "restart=\(policy.restartPolicy.rawValue)",
            "shutdownTimeout=\(policy.shutdownTimeoutSeconds)",
            "build=\(policy.build)",
        ].joined(separator: " ")
    }
}
