import Foundation
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// What a torn state directory does: a power cut or a hand can leave an empty or truncated inventory,
/// and a writer killed before its rename leaves a temporary file behind.
@Suite("a torn state directory is safe")
struct StateDirectoryTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-state-\(UUID().uuidString)")
        .path
    var store: InventoryStore { InventoryStore(stateDirectory: directory) }
    let uri = "test:///default"

    func inventory(_ names: [String]) -> Inventory {
        Inventory(uri: uri, entries: names.map { Inventory.Entry(id: ObjectID(.domain, $0)) })
    }

    @Test("an empty or truncated inventory falls back on the previous one save kept")
    func damagedFallsBack() throws {
        try store.save(inventory(["a"]))
        try store.save(inventory(["a", "b"]))
        let text = try String(contentsOfFile: store.path, encoding: .utf8)
        for damage in ["", String(text.prefix(text.count / 2))] {
            // Written in place, as a non-atomic writer would leave it: the previous save stays as `.prev`.
            try Data(damage.utf8).write(to: URL(fileURLWithPath: store.path))
            #expect(try store.load(uri: uri).ids == [ObjectID(.domain, "a")])
        }
    }

    @Test("a damaged inventory with no good previous one is refused, never read as empty")
    func damagedWithoutPreviousRefused() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("{\"version\": 1, \"uri\": \"te".utf8).write(to: URL(fileURLWithPath: store.path))
        #expect(throws: HostError.self) { try store.load(uri: uri) }
    }

    @Test("temporaries of dead writers are removed by the next save; a live writer's stays")
    func staleTemporariesRemoved() throws {
        try store.save(inventory(["a"]))
        let dead = "\(store.path).tmp-999999"
        let live = "\(store.path).tmp-1"
        for path in [dead, live] { FileManager.default.createFile(atPath: path, contents: Data("{\"trunc".utf8)) }
        #expect(try store.load(uri: uri).ids == [ObjectID(.domain, "a")], "a leftover temporary is never read")
        try store.save(inventory(["a", "b"]))
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live))
        try FileManager.default.removeItem(atPath: live)
    }
}
