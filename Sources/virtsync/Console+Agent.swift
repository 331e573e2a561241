import ArgumentParser
import Foundation

extension Console {
    /// The agent's executable: `virtsync-agent` in the directory of this one, as `make install` and
    /// `swift build` lay them out.
    static var agentExecutable: String {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("virtsync-agent").path
    }

    /// Replaces this process with the agent; returns only by throwing, when it cannot start.
    static func becomeAgent(arguments: [String]) throws -> Never {
        let agent = agentExecutable
        // A thread of Swift's concurrency pool blocks signals, and exec keeps the caller's mask: without
        // this the agent would never see the SIGTERM that stops it.
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
        let argv = ([agent] + arguments).map { strdup($0) } + [nil]
        execv(agent, argv)
        let reason = String(cString: strerror(errno))
        for pointer in argv { free(pointer) }
        err("error: cannot start the agent \(agent): \(reason)")
        throw ExitCode.failure
    }
}
