import Foundation
import TestSupport
import Testing

extension RealHost {
    /// The agent maps its code page by page (Sources/virtsync-agent/FaultAround.swift): its mappings of
    /// files are registered with a userfaultfd for write-protect tracking, which turns the kernel's
    /// fault-around off. /proc shows the registration as `uw` among a mapping's VmFlags.
    @Suite("The agent maps its code page by page")
    struct AgentFaultAroundTests {
        @Test("the agent's code mapping is registered on Linux 6.7 and later, and the agent runs either way")
        func codeRegistered() throws {
            try RealHost.withHost { host in
                let agent = try AgentScenario.start(host).agent
                let flags = try #require(Self.codeFlags(agent.pid), "no executable mapping of virtsync-agent")
                if Self.kernelAtLeast(6, 7) {
                    #expect(flags.contains("uw"), "VmFlags: \(flags)")
                } else {
                    #expect(!flags.contains("uw"), "VmFlags: \(flags)")
                }
                #expect(agent.stop() == 0)
            }
        }

        /// The VmFlags of the executable mapping of `virtsync-agent` (`virtsync run` execs it in place).
        static func codeFlags(_ pid: Int32) -> [Substring]? {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps", encoding: .utf8) else { return nil }
            var inCode = false
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                if fields.count == 6, fields[0].contains("-") {
                    inCode = fields[1].contains("x") && fields[5].hasSuffix("/virtsync-agent")
                } else if inCode, fields.first == "VmFlags:" {
                    return Array(fields.dropFirst())
                }
            }
            return nil
        }

        static func kernelAtLeast(_ major: Int, _ minor: Int) -> Bool {
            var name = utsname()
            uname(&name)
            let release = withUnsafeBytes(of: name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let parts = release.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            guard parts.count >= 2 else { return false }
            return (parts[0], parts[1]) >= (major, minor)
        }
    }
}
