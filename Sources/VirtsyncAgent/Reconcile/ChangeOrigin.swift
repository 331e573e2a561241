import AtomicFiles
import Crypto
import Foundation
import LibvirtXML
import VirtsyncManifest
import VirtsyncPlan

/// Tells drift from intentional change: a step is drift when git did not change the object's manifest
/// since the agent last applied it, so the host moved on its own (somebody edited it by hand).
///
/// What was applied is kept as a fingerprint per object in `STATE_DIR/applied.json`, so an agent that
/// restarts still knows a hand edit from a new revision.
struct ChangeOrigin {
    /// Fingerprints of the manifests as last applied successfully, by object.
    var lastApplied: [ObjectID: String]
    /// Where they are kept; nil keeps them in memory only.
    let path: String?
    /// The last fingerprint computed per object, with the manifest it was computed from. Every pass
    /// fingerprints each in-sync manifest, and at rest they are the same manifests pass after pass:
    /// rendering and hashing them again was 44.5 M of an idle pass's 76.6 M instructions at 50 objects
    /// (docs/benchmark.md, "The idle agent"). A manifest that
    /// differs in anything, even a position, is fingerprinted again, so the cache never answers for
    /// another manifest.
    private var computed: [ObjectID: (manifest: Manifest, fingerprint: String)] = [:]

    init(path: String?) {
        self.path = path
        lastApplied = path.flatMap(Self.load) ?? [:]
    }

    mutating func isDrift(_ step: PlanStep, current: Manifest?) -> Bool {
        // A pending restart is git's own change waiting for the object to restart (the definition
        // already matches git): after it is applied, the next pass sees the same step again.
        guard step.change != .pendingRestart, let current, let applied = lastApplied[step.id] else { return false }
        return applied == fingerprint(current)
    }

    mutating func applied(_ id: ObjectID, _ manifest: Manifest?) {
        lastApplied[id] = manifest.map { fingerprint($0) }
    }

    /// Forgets the cached fingerprints of objects no longer in the revision, so the cache holds at most
    /// the managed objects.
    mutating func keepFingerprints(of ids: some Collection<ObjectID>) {
        guard computed.count > ids.count || !ids.allSatisfy({ computed[$0] != nil }) else { return }
        let kept = Set(ids)
        computed = computed.filter { kept.contains($0.key) }
    }

    /// `Self.fingerprint(manifest)`, computed once per object while its manifest stays the same.
    private mutating func fingerprint(_ manifest: Manifest) -> String {
        let id = manifest.id
        if let cached = computed[id], cached.manifest == manifest { return cached.fingerprint }
        let value = Self.fingerprint(manifest)
        computed[id] = (manifest, value)
        return value
    }

    /// What the manifest asks of the host, hashed: the rendered document and the facts beside it.
    /// Positions are left out: a line moved in the file is no change to the object.
    static func fingerprint(_ manifest: Manifest) -> String {
        let desired = DesiredObject(manifest)
        let facts = [
            desired.policy.active.map { "active=\($0)" }, desired.policy.power.map { "power=\($0.rawValue)" },
            desired.policy.autostart.map { "autostart=\($0)" }, "restart=\(desired.policy.restartPolicy.rawValue)",
            "timeout=\(desired.policy.shutdownTimeoutSeconds)",
            desired.policy.deletionPolicy.map { "deletion=\($0.rawValue)" },
            "build=\(desired.policy.build)", desired.policy.copyFrom.map { "copy=\($0)" },
            "suspended=\(manifest.metadata.isSuspended)",
        ].compactMap { $0 }
        let text = desired.xml.xmlString() + facts.joined(separator: "\n")
        return hex(SHA256.hash(data: Data(text.utf8)))
    }

    /// Lowercase hexadecimal, as `String(format: "%02x")` per byte wrote it (the saved files keep it).
    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes { text += [digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]] }
        return String(decoding: text, as: UTF8.self)
    }

    /// Saves the fingerprints atomically; a failure costs only the drift/intent distinction after a restart.
    func save() {
        guard let path else { return }
        let entries = lastApplied.sorted { $0.key < $1.key }.map { Entry(id: $0.key, fingerprint: $0.value) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(entries) else { return }
        try? AtomicFile.write(data, to: path, keepPrevious: true)
    }

    private struct Entry: Codable {
        var id: ObjectID
        var fingerprint: String
    }

    /// A damaged file falls back on the previous one `save` keeps; with neither, the agent starts as on
    /// its first run (every difference counts as git's until applied once).
    private static func load(_ path: String) -> [ObjectID: String]? {
        switch AtomicFile.read(path, isValid: { decode($0) != nil }) {
        case .current(let data), .previous(let data): decode(data)
        case .missing, .damaged: nil
        }
    }

    private static func decode(_ data: Data) -> [ObjectID: String]? {
        guard let entries = try? JSONDecoder().decode([Entry].self, from: data) else { return nil }
        return Dictionary(entries.map { ($0.id, $0.fingerprint) }, uniquingKeysWith: { _, last in last })
    }
}
