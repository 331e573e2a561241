public import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A child started by `ChildProcess.start` (or run by `ChildProcess.run`): a server, an agent, a command
/// the test kills. When the value goes away the child's whole process group is killed (SIGKILL) and
/// reaped, so a test that ends, passes or fails, leaves nothing running; the few still registered when the
/// test process exits are killed then.
public final class RunningChild: Sendable {
    /// How the child ended.
    public enum Termination: Sendable, Equatable {
        case exit(Int32)
        case signal(Int32)

        /// The exit status, or 128 + the signal's number, as a shell says.
        public var status: Int32 {
            switch self {
            case .exit(let code): code
            case .signal(let number): 128 + number
            }
        }
    }

    public let pid: Int32
    /// Where standard output and standard error go.
    public let log: URL
    private let ended = Mutex<Termination?>(nil)
    /// The write end of the lifeline pipe, closed (and set to -1) when the child is killed; -1 without one.
    private let lifelineEnd: Mutex<Int32>

    /// Whether `log` is a scratch file of this handle's, removed with it.
    private let ownsLog: Bool

    init(
        spawning command: ChildProcess,
        input: Spawn.Source,
        output: Spawn.Sink,
        error: Spawn.Sink,
        log: URL,
        ownsLog: Bool = false,
        lifeline: Bool = false
    ) throws {
        var ends: [Int32] = [-1, -1]
        if lifeline {
            // Close-on-exec (pipe2 is _GNU_SOURCE only): the child gets its end through dup2, nobody else any.
            guard pipe(&ends) == 0 else { throw SupportFailure(description: "pipe: errno \(errno)") }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        }
        self.log = log
        self.ownsLog = ownsLog
        lifelineEnd = Mutex(ends[1])
        do {
            pid = try Spawn.start(
                command.executable,
                command.arguments,
                directory: command.directory?.path,
                environment: command.environment,
                input: lifeline ? .descriptor(ends[0]) : input,
                output: output,
                error: error
            )
        } catch {
            if lifeline { for end in ends { close(end) } }
            throw error
        }
        if lifeline { close(ends[0]) }
        ChildRegistry.shared.add(pid)
    }

    /// Set by `detach`: the child is meant to outlive its handle.
    private let detached = Mutex(false)

    deinit {
        guard !detached.withLock({ $0 }) else { return }
        kill()
        if ownsLog { try? FileManager.default.removeItem(at: log) }
    }

    /// Lets the child outlive this handle and the test process (a shared daemon such as journald).
    public func detach() {
        detached.withLock { $0 = true }
        ChildRegistry.shared.remove(pid)
    }

    /// Whether the child has not exited yet (reaping it when it has).
    public var isRunning: Bool { reap(blocking: false) == nil }

    /// Waits for the child to exit and returns its status (128 + signal when a signal ended it).
    @discardableResult
    public func wait() -> Int32 { reap(blocking: true)?.status ?? -1 }

    /// The exit status (128 + signal when a signal ended it), nil while it runs.
    public var status: Int32? { reap(blocking: false)?.status }

    /// How the child ended, nil while it runs.
    public var termination: Termination? { reap(blocking: false) }

    /// Sends `signal` to the child alone (not its group).
    public func signal(_ signal: Int32) {
        if ended.withLock({ $0 }) == nil { Glibc.kill(pid, signal) }
    }

    /// SIGTERM, then up to `timeout` for the child to exit; returns its status, or nil when it had to be
    /// killed (SIGKILL to its group).
    @discardableResult
    public func terminate(timeout: Duration = .seconds(10)) -> Int32? {
        if let ended = reap(blocking: false) { return ended.status }
        Glibc.kill(pid, SIGTERM)
        if poll(timeout: timeout, every: .milliseconds(20), { !self.isRunning }) { return status }
        kill()
        return nil
    }

    /// Kills the child's whole process group (SIGKILL) and reaps the child. Idempotent.
    public func kill() {
        lifelineEnd.withLock { end in
            if end >= 0 { close(end) }
            end = -1
        }
        if reap(blocking: false) == nil {
            Glibc.kill(-pid, SIGKILL)
            Glibc.kill(pid, SIGKILL)
            wait()
        }
    }

    /// What the child printed so far.
    public var printed: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// The last `lines` lines the child printed, for failure messages.
    public func tail(_ lines: Int = 30) -> String {
        printed.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    /// The first line the child prints (such as a server's port), waiting up to `timeout`; nil when the
    /// child exited or the time passed without one.
    public func firstLine(timeout: Duration = .seconds(10)) -> String? {
        var line: String?
        poll(timeout: timeout, every: .milliseconds(10)) {
            let text = printed
            if let end = text.firstIndex(of: "\n") { line = String(text[..<end]) }
            return line != nil || !isRunning
        }
        return line
    }

    /// The recorded termination, or (when the child has exited) the one just reaped.
    private func reap(blocking: Bool) -> Termination? {
        if let ended = self.ended.withLock({ $0 }) { return ended }
        var raw: Int32 = 0
        var reaped: pid_t
        repeat { reaped = waitpid(pid, &raw, blocking ? 0 : WNOHANG) } while reaped < 0 && errno == EINTR
        if reaped == pid {
            let termination: Termination = raw & 0x7f == 0 ? .exit((raw >> 8) & 0xff) : .signal(raw & 0x7f)
            ended.withLock { $0 = termination }
            ChildRegistry.shared.remove(pid)
            return termination
        }
        guard reaped < 0 else { return nil }
        // ECHILD: another thread reaped it and is about to record how it ended.
        for _ in 0..<1000 {
            if let ended = self.ended.withLock({ $0 }) { return ended }
            usleep(1000)
        }
        return .exit(-1)
    }
}

/// The children not yet reaped, killed with their groups when the test process exits: a child whose
/// handle was kept for good (in a static) still does not outlive the run.
final class ChildRegistry: Sendable {
    static let shared: ChildRegistry = {
        atexit { ChildRegistry.shared.killAll() }
        return ChildRegistry()
    }()

    private let pids = Mutex<Set<pid_t>>([])

    func add(_ pid: pid_t) { _ = pids.withLock { $0.insert(pid) } }
    func remove(_ pid: pid_t) { _ = pids.withLock { $0.remove(pid) } }

    private func killAll() {
        for pid in pids.withLock({ $0 }) {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
    }
}
