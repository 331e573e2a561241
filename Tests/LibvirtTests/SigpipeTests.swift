import Glibc
import Libvirt
import Testing

/// libvirtd going away in the middle of a call (a restart, a crash) must fail that call with libvirt's
/// error, not kill the process: the first connection makes the process ignore SIGPIPE, as virsh does.
@Suite("SIGPIPE")
struct SigpipeTests {
    @Test("after a connection is opened, SIGPIPE is ignored and a write to a closed pipe fails with EPIPE")
    func ignored() throws {
        _ = try LibvirtConnection(uri: "test:///default")
        var action = sigaction()
        sigaction(SIGPIPE, nil, &action)
        #expect(
            unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
        )
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        close(ends[0])
        defer { close(ends[1]) }
        let byte: [UInt8] = [1]
        #expect(write(ends[1], byte, 1) == -1)
        #expect(errno == EPIPE)
    }
}
