public import Foundation

/// Decompresses a file into another with liblzma, zlib or libbzip2, in bounded memory.
public enum Decompressor {
    static let chunk = 1 << 20

    /// Writes the decompressed contents of `source` to `destination` (created or truncated).
    /// Concatenated streams (pigz, pxz, pbzip2 output) decode as one.
    public static func decompress(_ format: CompressionFormat, from source: URL, to destination: URL) throws {
        let decoder: any StreamDecoder =
            switch format {
            case .xz: try LZMADecoder()
            case .gzip: try GzipDecoder()
            case .bzip2: try Bzip2Decoder()
            }
        let input = try FileHandle(forReadingFrom: source)
        defer { try? input.close() }
        guard FileManager.default.createFile(atPath: destination.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
        }
        let output = try FileHandle(forWritingTo: destination)
        defer { try? output.close() }
        var produced: [UInt8] = []
        while let data = try input.read(upToCount: chunk), !data.isEmpty {
            produced.removeAll(keepingCapacity: true)
            try decoder.decode([UInt8](data), into: &produced)
            try output.write(contentsOf: produced)
        }
        produced.removeAll(keepingCapacity: true)
        try decoder.finish(into: &produced)
        try output.write(contentsOf: produced)
        try output.synchronize()
    }
}
