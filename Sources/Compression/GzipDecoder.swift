internal import CCompression

/// zlib's inflate in gzip mode (`inflateInit2` with window bits 15 + 16); members after the first
/// decode as a continuation, as gzip(1) does.
final class GzipDecoder: StreamDecoder {
    private var stream = z_stream()
    private var ended = false

    init() throws(DecompressionError) {
        // inflateInit2 is a macro over inflateInit2_, which Swift calls directly.
        let status = inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw Self.error(status, "cannot start the decoder") }
    }

    deinit { inflateEnd(&stream) }

    func decode(_ input: [UInt8], into output: inout [UInt8]) throws(DecompressionError) {
        var buffer = [UInt8](repeating: 0, count: Decompressor.chunk)
        var failure: DecompressionError?
        var input = input
        input.withUnsafeMutableBufferPointer { inBytes in
            stream.next_in = inBytes.baseAddress
            stream.avail_in = UInt32(inBytes.count)
            while stream.avail_in > 0 || !ended && stream.avail_out == 0 {
                let (status, written) = buffer.withUnsafeMutableBufferPointer { outBytes in
                    stream.next_out = outBytes.baseAddress
                    stream.avail_out = UInt32(outBytes.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, outBytes.count - Int(stream.avail_out))
                }
                output.append(contentsOf: buffer[0..<written])
                switch status {
                case Z_STREAM_END:
                    ended = true
                    // Another gzip member follows: start it afresh.
                    if stream.avail_in > 0 {
                        inflateReset(&stream)
                        ended = false
                    }
                case Z_OK: ended = false
                case Z_BUF_ERROR where stream.avail_in == 0: return
                default:
                    failure = Self.error(status, "corrupt data")
                    return
                }
                if stream.avail_in == 0, stream.avail_out > 0 { return }
            }
        }
        stream.next_in = nil
        if let failure { throw failure }
    }

    func finish(into output: inout [UInt8]) throws(DecompressionError) {
        guard ended else { throw Self.error(Z_BUF_ERROR, "the compressed data ends early") }
    }

    private static func error(_ status: Int32, _ reason: String) -> DecompressionError {
        DecompressionError(format: .gzip, code: status, reason: reason)
    }
}
