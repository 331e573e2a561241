import Testing
import VirtsyncPlan

/// A digest keeps its 32 bytes as given, whichever way it is built, and orders and hashes by them.
@Suite("content digests")
struct ContentDigestTests {
    static let counting: [UInt8] = Array(0..<32)

    @Test("bytes in, the same bytes out; raw memory and a collection give the same digest")
    func roundTrip() throws {
        let digest = try #require(ContentDigest(bytes: Self.counting))
        #expect(digest.bytes == Self.counting)
        let raw = Self.counting.withUnsafeBytes { ContentDigest(raw: $0) }
        #expect(raw == digest)
        #expect(digest.withUnsafeBytes { Array($0) } == Self.counting)
    }

    @Test("any length but 32 is refused", arguments: [0, 1, 31, 33, 64])
    func wrongLength(count: Int) {
        let bytes = [UInt8](repeating: 7, count: count)
        #expect(ContentDigest(bytes: bytes) == nil)
        #expect(bytes.withUnsafeBytes { ContentDigest(raw: $0) } == nil)
    }

    @Test("a change in any byte makes another digest", arguments: [0, 7, 8, 15, 16, 31])
    func everyByteCounts(index: Int) throws {
        var bytes = Self.counting
        bytes[index] ^= 0x80
        let changed = try #require(ContentDigest(bytes: bytes))
        let original = try #require(ContentDigest(bytes: Self.counting))
        #expect(changed != original)
        #expect(Set([changed, original]).count == 2)
    }

    @Test("ordered as the bytes are, most significant first")
    func ordering() throws {
        var low = [UInt8](repeating: 0, count: 32)
        var high = low
        low[31] = 0xff
        high[0] = 0x01
        #expect(try #require(ContentDigest(bytes: low)) < #require(ContentDigest(bytes: high)))
    }
}
