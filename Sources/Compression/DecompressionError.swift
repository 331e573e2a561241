/// A stream the library refused: corrupt or truncated data, or a library failure, with its code.
public struct DecompressionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var format: CompressionFormat
    /// The library's return code (lzma_ret, zlib's Z_*, bzip2's BZ_*).
    public var code: Int32
    public var reason: String

    public var description: String { "\(format.rawValue) decompression failed: \(reason) (code \(code))" }
}
