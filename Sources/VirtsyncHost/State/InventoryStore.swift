internal import Foundation
public import VirtsyncPlan

/// Loads and saves the inventory (`STATE_DIR/inventory.json`), atomically.
public struct InventoryStore: Sendable {
    public let path: String

    public init(stateDirectory: String) { path = (stateDirectory as NSString).appendingPathComponent("inventory.json") }

    /// The saved inventory, or an empty one for this URI when there is none yet. An inventory kept for
    /// another URI is refused rather than mixed up with this host's objects.
    public func load(uri: String) throws(HostError) -> Inventory {
        guard let data = FileManager.default.contents(atPath: path) else { return Inventory(uri: uri) }
        let inventory: Inventory
        do {
            inventory = try JSONDecoder().decode(Inventory.self, from: data)
        } catch {
            throw .stateFile(path: path, message: "not a virtsync inventory: \(error)")
        }
        guard inventory.uri == uri else {
            throw .stateFile(path: path, message: "kept for \(inventory.uri), not \(uri): use another --state-dir")
        }
        return inventory
    }

    public func save(_ inventory: Inventory) throws(HostError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(inventory)
        } catch {
            throw .stateFile(path: path, message: "cannot encode: \(error)")
        }
        try AtomicFile.write(data, to: path)
    }
}
