/// A digest of what the host edge read (libvirt's XML text) or of what a plan compared: 256 bits, so
/// that two different inputs never share one in practice. The host edge computes it (SHA-256); the
/// pure core only compares and stores it.
public struct ContentDigest: Sendable, Hashable, Comparable {
    public let words: (UInt64, UInt64, UInt64, UInt64)

    /// From the 32 bytes of a SHA-256 digest; nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard let digest = Array(bytes).withUnsafeBytes({ ContentDigest(raw: $0) }) else { return nil }
        self = digest
    }

    /// From 32 bytes in memory (a digest's own storage): read as four big-endian words, no copy.
    public init?(raw: UnsafeRawBufferPointer) {
        guard raw.count == 32 else { return nil }
        func word(_ index: Int) -> UInt64 {
            UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
        }
        words = (word(0), word(1), word(2), word(3))
    }

    /// The 32 bytes, most significant first (as `init(bytes:)` took them).
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// The 32 bytes in memory, most significant first, for a hash or a file to take without copying.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let bigEndian = (words.0.bigEndian, words.1.bigEndian, words.2.bigEndian, words.3.bigEndian)
        return try Swift.withUnsafeBytes(of: bigEndian, body)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.words == rhs.words }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.words < rhs.words }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}

/// The digests of what the host edge read of one object.
public struct SourceDigests: Sendable, Hashable {
    /// Of the persistent definition's text.
    public var definition: ContentDigest
    /// Of every text read of it: the persistent definition and, when running or active, the live one.
    public var all: ContentDigest

    public init(definition: ContentDigest, all: ContentDigest) {
        self.definition = definition
        self.all = all
    }
}
