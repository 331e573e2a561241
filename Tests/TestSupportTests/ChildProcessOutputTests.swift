import Foundation
import TestSupport
import Testing

/// The runner cannot deadlock on output: a child that writes far more than a pipe holds (64 KiB) to both
/// standard output and standard error, interleaved, runs to its end and every byte is kept.
@Suite("ChildProcess: output")
struct ChildProcessOutputTests {
    @Test("1 MiB on stdout and 1 MiB on stderr, interleaved, all captured")
    func largeOutputBothStreams() throws {
        let script = "for i in $(seq 1 16384); do printf '%063d\\n' $i; printf '%063d\\n' $i >&2; done"
        let result = try ChildProcess("sh", ["-c", script]).run()
        #expect(result.status == 0)
        #expect(result.outputData.count == 16384 * 64)
        #expect(result.error.utf8.count == 16384 * 64)
        #expect(result.lines.last == String(repeating: "0", count: 58) + "16384")
    }

    @Test("standard input from bytes, the exit status passed on")
    func inputAndStatus() throws {
        let result = try ChildProcess("sh", ["-c", "cat; exit 3"], input: Data("hello\n".utf8)).run()
        #expect(result.status == 3)
        #expect(result.output == "hello\n")
        #expect(throws: SupportFailure.self) { try result.check("sh") }
    }
}
