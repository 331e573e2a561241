import Dispatch
import Foundation
import TestSupport
import Testing
import VirtsyncImages
import VirtsyncManifest

/// The cache keeps what it is told to keep and loses the rest, including a dead download's leftovers,
/// but never while a download or an upload from it is in flight.
@Suite("ImageCache pruning", .serialized)
struct ImageCachePruneTests {
    let server: ImageServer
    let cacheDirectory: String
    let kept = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 3 &+ 1) })
    let dropped = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 5 &+ 2) })

    init() throws {
        server = try ImageServer()
        cacheDirectory = server.directory.appendingPathComponent("cache").path
    }

    func cache(stall: Int = 60) -> ImageCache {
        ImageCache(directory: cacheDirectory, timeouts: ImageTimeouts(connectSeconds: 5, stallSeconds: stall))
    }

    func fetch(_ data: Data, as name: String) throws -> ImageRequest {
        try server.serve(data, as: name)
        let request = ImageRequest(url: server.url("files", name), sha256: ImageCacheTests.sha256(data))
        _ = try cache().image(for: request)
        return request
    }

    func files() -> Set<String> { Set((try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory)) ?? []) }

    @Test("images not kept go, with a killed download's leftovers; kept images and files that are not images stay")
    func removesWhatIsNotKept() throws {
        let keep = try fetch(kept, as: "kept.img")
        let drop = try fetch(dropped, as: "dropped.img")
        let leftover = String(repeating: "c", count: 64) + ".download"
        FileManager.default.createFile(atPath: "\(cacheDirectory)/\(leftover)", contents: Data(count: 10))
        FileManager.default.createFile(atPath: "\(cacheDirectory)/notes.txt", contents: Data("mine".utf8))

        let pruned = try cache().prune(keeping: [keep.sha256.uppercased()])
        #expect(!pruned.busy)
        #expect(pruned.removed == [drop.sha256])
        #expect(pruned.freedBytes == Int64(dropped.count + 10))
        #expect(files() == [keep.sha256, "notes.txt"])
        // What was kept is still served from the cache.
        #expect(try !cache().image(for: keep).downloaded)
        #expect(server.count("kept.img") == 1)
    }

    @Test("a prune while a download is in flight removes nothing; once it is over, the prune goes through")
    func waitsOutADownload() throws {
        let old = try fetch(dropped, as: "old.img")
        try server.serve(kept, as: "slow.img")
        let slow = ImageRequest(url: server.url("stall", "slow.img"), sha256: ImageCacheTests.sha256(kept))
        let done = DispatchSemaphore(value: 0)
        let stalling = cache(stall: 3)
        DispatchQueue.global().async {
            _ = try? stalling.image(for: slow)
            done.signal()
        }
        // The download is in flight once its file exists (the server sends half, then stalls).
        let deadline = ContinuousClock.now + .seconds(10)
        while !files().contains(slow.sha256 + ".download"), ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        try #require(files().contains(slow.sha256 + ".download"), "the download never started: \(files())")

        let during = try cache().prune(keeping: [])
        #expect(during.busy)
        #expect(during.removed.isEmpty)
        #expect(files().contains(old.sha256))

        #expect(done.wait(timeout: .now() + 20) == .success)
        let after = try cache().prune(keeping: [])
        #expect(!after.busy)
        #expect(after.removed == [old.sha256])
        #expect(files().isEmpty)
    }

    @Test("a prune while an image is being read from the cache (an upload) removes nothing")
    func waitsOutAnUpload() throws {
        let image = try fetch(kept, as: "kept.img")
        let during = try cache().withImage(for: image) { cached in
            let pruned = try cache().prune(keeping: [])
            #expect(FileManager.default.contents(atPath: cached.path) == kept)
            return pruned
        }
        #expect(during.busy && during.removed.isEmpty)
        #expect(try cache().prune(keeping: []).removed == [image.sha256])
    }

    @Test("an empty or missing cache prunes to nothing")
    func nothingToPrune() throws {
        #expect(try cache().prune(keeping: []) == CachePrune())
    }
}
