import Crypto
import Foundation
import TestSupport
import Testing
import VirtsyncImages
import VirtsyncManifest

/// The cache against a real HTTP server on 127.0.0.1: good images (plain and compressed) land with their
/// bytes and are fetched once; a bad checksum, a 404, a stall and a truncated body each fail with their
/// own message and leave nothing in the cache.
@Suite("ImageCache", .serialized)
struct ImageCacheTests {
    let server: ImageServer
    let cacheDirectory: String
    let image = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 1000) })

    init() throws {
        server = try ImageServer()
        cacheDirectory = server.directory.appendingPathComponent("cache").path
    }

    func cache(stall: Int = 60) -> ImageCache {
        ImageCache(directory: cacheDirectory, timeouts: ImageTimeouts(connectSeconds: 5, stallSeconds: stall))
    }

    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    @Test("a plain image lands with its bytes, and the second fetch downloads nothing")
    func plainAndCached() throws {
        try server.serve(image, as: "disk.img")
        let request = ImageRequest(url: server.url("files", "disk.img"), sha256: Self.sha256(image))
        let first = try cache().image(for: request)
        #expect(first.downloaded)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.path)) == image)
        let second = try cache().image(for: request)
        #expect(!second.downloaded)
        #expect(second.path == first.path)
        #expect(server.count("disk.img") == 1)
    }

    @Test("a compressed image is checked by its compressed bytes and lands decompressed")
    func compressed() throws {
        let compressed = try Self.xz(image)
        try server.serve(compressed, as: "disk.img.xz")
        let request = ImageRequest(url: server.url("files", "disk.img.xz"), sha256: Self.sha256(compressed))
        let cached = try cache().image(for: request)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cached.path)) == image)
    }

    @Test("a file:// URL works like http")
    func fileURL() throws {
        try server.serve(image, as: "local.img")
        let url = server.directory.appendingPathComponent("local.img").absoluteString
        let cached = try cache().image(for: ImageRequest(url: url, sha256: Self.sha256(image)))
        #expect(cached.size == Int64(image.count))
    }

    @Test("a wrong checksum fails and caches nothing")
    func mismatch() throws {
        try server.serve(image, as: "disk.img")
        let request = ImageRequest(url: server.url("files", "disk.img"), sha256: String(repeating: "0", count: 64))
        #expect { try cache().image(for: request) } throws: { error in
            guard case ImageError.checksumMismatch(_, _, let have) = error else { return false }
            return have == Self.sha256(image)
        }
        #expect(try cacheFiles().isEmpty)
    }

    @Test("a 404 fails with the status")
    func notFound() throws {
        let request = ImageRequest(url: server.url("files", "missing.img"), sha256: Self.sha256(image))
        #expect(throws: ImageError.http(url: request.url, status: 404)) { try cache().image(for: request) }
        #expect(try cacheFiles().isEmpty)
    }

    @Test("a stalled download times out")
    func stall() throws {
        try server.serve(image, as: "disk.img")
        let request = ImageRequest(url: server.url("stall", "disk.img"), sha256: Self.sha256(image))
        let start = ContinuousClock.now
        #expect(throws: ImageError.timeout(url: request.url, seconds: 2)) { try cache(stall: 2).image(for: request) }
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(try cacheFiles().isEmpty)
    }

    @Test("a truncated body fails")
    func truncated() throws {
        try server.serve(image, as: "disk.img")
        let request = ImageRequest(url: server.url("truncated", "disk.img"), sha256: Self.sha256(image))
        #expect { try cache().image(for: request) } throws: { error in
            switch error as? ImageError {
            case .truncated, .transfer: true
            default: false
            }
        }
        #expect(try cacheFiles().isEmpty)
    }

    @Test("an unsupported scheme is refused")
    func scheme() {
        #expect(throws: ImageError.unsupportedURL("ftp://example.org/a.img")) {
            try cache().image(for: ImageRequest(url: "ftp://example.org/a.img", sha256: "00"))
        }
    }

    private func cacheFiles() throws -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory)) ?? []
    }

    static func xz(_ data: Data) throws -> Data {
        try ChildProcess.run(["xz", "-c"], input: data).check("xz -c").outputData
    }
}
