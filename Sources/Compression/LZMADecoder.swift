internal import CCompression

/// liblzma's `.xz` decoder (`lzma_stream_decoder`, concatenated streams allowed).
final class LZMADecoder: StreamDecoder {
    private var stream = lzma_stream()
    private var ended = false
    /// LZMA_CONCATENATED (0x08): lzma.h defines it with UINT32_C, which Swift does not import.
    private static let concatenated: UInt32 = 0x08

    init() throws(DecompressionError) {
        let status = lzma_stream_decoder(&stream, UInt64.max, Self.concatenated)
        guard status == LZMA_OK else { throw Self.error(status, "cannot start the decoder") }
    }

    deinit { lzma_end(&stream) }

    func decode(_ input: [UInt8], into output: inout [UInt8]) throws(DecompressionError) {
        try run(input, action: LZMA_RUN, into: &output)
    }

    /// With LZMA_CONCATENATED the decoder reports the end only once told the input is over (LZMA_FINISH),
    /// and may still hand out data then.
    func finish(into output: inout [UInt8]) throws(DecompressionError) {
        try run([], action: LZMA_FINISH, into: &output)
        guard ended else { throw Self.error(LZMA_BUF_ERROR, "the compressed data ends early") }
    }

    private func run(_ input: [UInt8], action: lzma_action, into output: inout [UInt8]) throws(DecompressionError) {
        var buffer = [UInt8](repeating: 0, count: Decompressor.chunk)
        var failure: DecompressionError?
        input.withUnsafeBufferPointer { inBytes in
            stream.next_in = inBytes.baseAddress
            stream.avail_in = inBytes.count
            repeat {
                let (status, written) = buffer.withUnsafeMutableBufferPointer { outBytes in
                    stream.next_out = outBytes.baseAddress
                    stream.avail_out = outBytes.count
                    let status = lzma_code(&stream, action)
                    return (status, outBytes.count - stream.avail_out)
                }
                output.append(contentsOf: buffer[0..<written])
                if status == LZMA_STREAM_END {
                    ended = true
                    return
                }
                if status == LZMA_BUF_ERROR, action == LZMA_FINISH { return }
                guard status == LZMA_OK else {
                    failure = Self.error(status, "corrupt data")
                    return
                }
                if action == LZMA_RUN, stream.avail_in == 0, stream.avail_out > 0 { return }
            } while true
        }
        stream.next_in = nil
        if let failure { throw failure }
    }

    private static func error(_ status: lzma_ret, _ reason: String) -> DecompressionError {
        DecompressionError(format: .xz, code: Int32(status.rawValue), reason: reason)
    }
}
