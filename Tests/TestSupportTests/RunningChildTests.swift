import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A started child never outlives its handle, and inherits nothing of the test process but 0, 1 and 2.
@Suite("RunningChild")
struct RunningChildTests {
    @Test("dropping the handle kills the child's whole process group, a grandchild included")
    func handleKillsGroup() throws {
        var child: RunningChild? = try ChildProcess("sh", ["-c", "sleep 60 & echo started; wait"]).start()
        let pid = try #require(child?.pid)
        #expect(child?.firstLine() == "started")
        #expect(kill(-pid, 0) == 0, "the group runs")
        child = nil
        #expect(poll(timeout: .seconds(5)) { kill(-pid, 0) != 0 }, "a process of group \(pid) is still alive")
    }

    @Test("terminate sends SIGTERM and reports how the child ended")
    func terminate() throws {
        let child = try ChildProcess("sleep", ["60"]).start()
        #expect(child.isRunning)
        #expect(child.terminate(timeout: .seconds(5)) == 128 + SIGTERM)
        #expect(child.termination == .signal(SIGTERM))
    }

    @Test("a descriptor of the test process (here a pipe) is not inherited")
    func noInheritedDescriptors() throws {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        defer { for end in ends { close(end) } }
        let result = try ChildProcess("sh", ["-c", "ls /proc/$$/fd"]).run()
        let open = Set(result.lines.compactMap { Int32($0) })
        #expect(open.isDisjoint(with: ends), "the child holds \(open)")
        #expect(open.isSuperset(of: [0, 1, 2]))
    }
}
