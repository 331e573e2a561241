import Compression
import Foundation
import TestSupport
import Testing

/// Each format decodes what its command-line tool wrote (concatenated streams too), and a cut-short or
/// corrupt stream is an error, never a silently short output.
@Suite("Decompressor")
struct DecompressorTests {
    static let cases: [(CompressionFormat, String)] = [(.xz, "xz"), (.gzip, "gzip"), (.bzip2, "bzip2")]

    @Test("decodes what xz, gzip and bzip2 wrote", arguments: [CompressionFormat.xz, .gzip, .bzip2])
    func roundTrip(format: CompressionFormat) throws {
        let directory = try TemporaryDirectory()
        let original = Self.sample(bytes: 3 << 20)
        let compressed = try directory.compress(original, with: Self.tool(format))
        let output = directory.url.appendingPathComponent("out")
        try Decompressor.decompress(format, from: compressed, to: output)
        #expect(try Data(contentsOf: output) == original)
    }

    @Test("decodes concatenated streams as one", arguments: [CompressionFormat.xz, .gzip, .bzip2])
    func concatenated(format: CompressionFormat) throws {
        let directory = try TemporaryDirectory()
        let first = Self.sample(bytes: 1000)
        let second = Data("second part".utf8)
        let a = try Data(contentsOf: directory.compress(first, with: Self.tool(format), name: "a"))
        let b = try Data(contentsOf: directory.compress(second, with: Self.tool(format), name: "b"))
        let joined = directory.url.appendingPathComponent("joined")
        try (a + b).write(to: joined)
        let output = directory.url.appendingPathComponent("out")
        try Decompressor.decompress(format, from: joined, to: output)
        #expect(try Data(contentsOf: output) == first + second)
    }

    @Test("a truncated stream is an error", arguments: [CompressionFormat.xz, .gzip, .bzip2])
    func truncated(format: CompressionFormat) throws {
        let directory = try TemporaryDirectory()
        let compressed = try Data(contentsOf: directory.compress(Self.sample(bytes: 200_000), with: Self.tool(format)))
        let cut = directory.url.appendingPathComponent("cut")
        try compressed.prefix(compressed.count / 2).write(to: cut)
        #expect(throws: DecompressionError.self) {
            try Decompressor.decompress(format, from: cut, to: directory.url.appendingPathComponent("out"))
        }
    }

    @Test("the format comes from the URL's ending")
    func formatFromName() {
        #expect(CompressionFormat(fileName: "debian-12-genericcloud-amd64.qcow2.xz") == .xz)
        #expect(CompressionFormat(fileName: "/images/disk.raw.GZ") == .gzip)
        #expect(CompressionFormat(fileName: "a.img.bz2") == .bzip2)
        #expect(CompressionFormat(fileName: "noble-server-cloudimg-amd64.img") == nil)
    }

    static func tool(_ format: CompressionFormat) -> String { cases.first { $0.0 == format }!.1 }

    /// Compressible but not trivial: a counter pattern with some noise.
    static func sample(bytes: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data(
            (0..<bytes).map { index in
                index % 97 == 0 ? UInt8.random(in: 0...255, using: &generator) : UInt8(index % 251)
            }
        )
    }
}
