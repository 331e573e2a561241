/// One library's streaming decoder: feed it input, take its output. Owns the C stream state.
///
/// `decode` consumes all of `input` and appends what it produced; `finish` is called once at the end of
/// input, appends what the decoder still held back, and fails when the compressed stream was cut short.
protocol StreamDecoder: AnyObject {
    func decode(_ input: [UInt8], into output: inout [UInt8]) throws(DecompressionError)
    func finish(into output: inout [UInt8]) throws(DecompressionError)
}
