internal import CCompression

/// libbzip2's decoder; a stream after the first (pbzip2 output) starts a new decoder, as bzip2(1) does.
final class Bzip2Decoder: StreamDecoder {
    private var stream = bz_stream()
    private var ended = false

    init() throws(DecompressionError) {
        let status = BZ2_bzDecompressInit(&stream, 0, 0)
        guard status == BZ_OK else { throw Self.error(status, "cannot start the decoder") }
    }

    deinit { BZ2_bzDecompressEnd(&stream) }

    func decode(_ input: [UInt8], into output: inout [UInt8]) throws(DecompressionError) {
        var buffer = [CChar](repeating: 0, count: Decompressor.chunk)
        var failure: DecompressionError?
        var input = input.map { CChar(bitPattern: $0) }
        input.withUnsafeMutableBufferPointer { inBytes in
            stream.next_in = inBytes.baseAddress
            stream.avail_in = UInt32(inBytes.count)
            repeat {
                if ended, stream.avail_in > 0 {
                    // Another stream follows: a fresh decoder over the remaining input.
                    let next = stream.next_in
                    let left = stream.avail_in
                    BZ2_bzDecompressEnd(&stream)
                    stream = bz_stream()
                    let status = BZ2_bzDecompressInit(&stream, 0, 0)
                    guard status == BZ_OK else {
                        failure = Self.error(status, "cannot restart the decoder")
                        return
                    }
                    stream.next_in = next
                    stream.avail_in = left
                    ended = false
                }
                let (status, written) = buffer.withUnsafeMutableBufferPointer { outBytes in
                    stream.next_out = outBytes.baseAddress
                    stream.avail_out = UInt32(outBytes.count)
                    let status = BZ2_bzDecompress(&stream)
                    return (status, outBytes.count - Int(stream.avail_out))
                }
                output.append(contentsOf: buffer[0..<written].map { UInt8(bitPattern: $0) })
                switch status {
                case BZ_STREAM_END: ended = true
                case BZ_OK: break
                default:
                    failure = Self.error(status, "corrupt data")
                    return
                }
                if stream.avail_in == 0, ended || stream.avail_out > 0 { return }
            } while true
        }
        stream.next_in = nil
        if let failure { throw failure }
    }

    func finish(into output: inout [UInt8]) throws(DecompressionError) {
        guard ended else { throw Self.error(BZ_UNEXPECTED_EOF, "the compressed data ends early") }
    }

    private static func error(_ status: Int32, _ reason: String) -> DecompressionError {
        DecompressionError(format: .bzip2, code: status, reason: reason)
    }
}
