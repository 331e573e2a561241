import Foundation
import Testing
import VirtsyncAgent

/// The agent's image cache holds the images its applied revision names: after each pass the others go,
/// so a host that moved from one image to the next does not keep both for ever.
@Suite("the agent prunes the image cache")
struct AgentImageCachePruneTests {
    @Test("after a pass the cache keeps the images the revision names; a revision that names none empties it")
    func keepsWhatTheRevisionNames() async throws {
        let fixture = try ReconcilerFixture()
        let cache = fixture.root.appendingPathComponent("state/images")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let named = String(repeating: "a", count: 64)
        let other = String(repeating: "b", count: 64)
        for sha in [named, other] { try Data("image \(sha)".utf8).write(to: cache.appendingPathComponent(sha)) }
        let files = { Set((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []) }

        // test:///default cannot upload the image, so the volume fails; the cache is pruned all the same,
        // by what the revision names rather than by what was applied.
        try fixture.commit(["vm.yaml": fixture.domain("vm"), "image.yaml": Self.image(fixture, sha256: named)])
        await fixture.reconciler.reconcile(.start)
        #expect(files() == [named])

        try fixture.commit(["vm.yaml": fixture.domain("vm")])
        await fixture.reconciler.reconcile(.webhook)
        #expect(files().isEmpty)
    }

    static func image(_ fixture: ReconcilerFixture, sha256: String) -> String {
        """
        apiVersion: virtsync/v1
        kind: StoragePool
        metadata: {name: \(fixture.name("pool"))}
        spec: {type: dir, target: {path: /tmp/\(fixture.name("pool"))}}
        ---
        apiVersion: virtsync/v1
        kind: Volume
        metadata: {name: \(fixture.name("base.qcow2"))}
        spec:
          pool: \(fixture.name("pool"))
          capacity: 1GiB
          source: {url: "http://127.0.0.1:9/base.qcow2", sha256: \(sha256)}
        """
    }
}
