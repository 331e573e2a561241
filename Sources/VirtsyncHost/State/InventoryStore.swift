internal import AtomicFiles
internal import Foundation
public import VirtsyncPlan

/// Loads and saves the inventory (`STATE_DIR/inventory.json`), atomically.
public struct InventoryStore: Sendable {
    public let path: String

    public init(stateDirectory: String) { path = (stateDirectory as NSString).appendingPathComponent("inventory.json") }

    /// The saved inventory, or an empty one for this URI when there is none yet. An inventory kept for
    /// another URI is refused rather than mixed up with this host's objects.
    ///
    /// A damaged file (empty, truncated: not written by `save`, which is atomic, but by a crash of an
    /// older writer or a hand) falls back on the previous inventory `save` keeps: objects made since are
    /// then unlisted, so they are refused as unmanaged rather than pruned. With no good previous one the
    /// inventory is refused: guessing what is managed could prune somebody else's object.
    public func load(uri: String) throws(HostError) -> Inventory {
        // Decoded once: the validity check keeps what it decoded (500 entries take ~5 ms to decode).
        var decoded: Inventory?
        let inventory: Inventory
        switch AtomicFile.read(
            path,
            isValid: { data in
                decoded = Self.decode(data)
                return decoded != nil
            }
        ) {
        case .missing:
            return Inventory(uri: uri)
        case .current, .previous:
            inventory = decoded!
        case .damaged:
            throw .stateFile(
                path: path,
                message:
                    "damaged (empty or not a virtsync inventory) and no good \(path).prev: restore it, or move it away "
                    + "and adopt the objects again with --adopt"
            )
        }
        guard inventory.uri == uri else {
            throw .stateFile(path: path, message: "kept for \(inventory.uri), not \(uri): use another --state-dir")
        }
        return inventory
    }

    private static func decode(_ data: Data) -> Inventory? { try? JSONDecoder().decode(Inventory.self, from: data) }

    public func save(_ inventory: Inventory) throws(HostError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(inventory)
        } catch {
            throw .stateFile(path: path, message: "cannot encode: \(error)")
        }
        try HostError.writeStateFile(data, to: path, keepPrevious: true)
    }
}
