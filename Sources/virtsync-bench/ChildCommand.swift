import Foundation
import Synchronization

/// One child process to time: start-up, connecting and exit all count, as they do for a user.
///
/// Spawned with `posix_spawn` and reaped with `wait4` by hand, for two reasons no library covers:
/// Foundation's `Process.waitUntilExit` on Linux polls its run loop every 50 ms, which rounds every
/// time up to a multiple of 50 ms (`/bin/true` measures 0.051 s), and `wait4` also gives the child's
/// CPU time, which swift-subprocess does not report.
struct ChildCommand {
    var executable: String
    var arguments: [String]
    /// Where stdout and stderr go: a file, since a pipe nobody reads would stall a chatty child.
    var log: URL

    /// The pid of the child now running, so a signal handler can stop it before cleaning up.
    static let running = Atomic<Int32>(0)

    /// Runs the command to its end; a non-zero exit is an error quoting the log's tail.
    func timed() throws -> Sample {
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw UsageError("cannot write \(log.path)")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let pid = try spawn()
        Self.running.store(pid, ordering: .relaxed)
        var status: Int32 = 0
        var usage = rusage()
        var reaped = wait4(pid, &status, 0, &usage)
        while reaped < 0 && errno == EINTR { reaped = wait4(pid, &status, 0, &usage) }
        let elapsed = clock.now - start
        Self.running.store(0, ordering: .relaxed)
        guard reaped == pid else {
            throw UsageError("cannot wait for \(executable): \(String(cString: strerror(errno)))")
        }
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw ChildFailure(command: description, status: status, tail: tail())
        }
        return Sample(wall: elapsed, cpu: Self.duration(usage.ru_utime) + Self.duration(usage.ru_stime))
    }

    /// Starts the child with stdout and stderr appended to the log, an empty signal mask and default
    /// signal handling, whatever the bench's own are (it ignores SIGINT and SIGTERM to clean up itself,
    /// and a child that inherited that could not be stopped), in a process group of its own so that a
    /// Ctrl-C reaches the bench alone, which then stops the child.
    private func spawn() throws -> pid_t {
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        posix_spawnattr_init(&attributes)
        posix_spawn_file_actions_init(&actions)
        defer {
            posix_spawnattr_destroy(&attributes)
            posix_spawn_file_actions_destroy(&actions)
        }
        var empty = sigset_t()
        var all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes,
            Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP)
        )
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_APPEND, 0)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard result == 0 else { throw UsageError("cannot start \(executable): \(String(cString: strerror(result)))") }
        return pid
    }

    /// Asks the running child, if any, to stop, and gives it a moment to go.
    static func stopRunning() {
        let child = running.load(ordering: .relaxed)
        guard child > 0 else { return }
        kill(child, SIGTERM)
        usleep(500_000)
    }

    var description: String { ([executable] + arguments).joined(separator: " ") }

    private static func duration(_ time: timeval) -> Duration {
        .seconds(time.tv_sec) + .microseconds(time.tv_usec)
    }

    private func tail() -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(15).joined(separator: "\n")
    }
}

/// What one run of a child cost: wall time (what the targets are about) and CPU time (user + system).
struct Sample {
    var wall: Duration
    var cpu: Duration
}

/// A child that exited other than with status 0.
struct ChildFailure: Error, CustomStringConvertible {
    var command: String
    var status: Int32
    var tail: String
    var description: String {
        let how =
            status & 0x7f == 0 ? "exited with status \((status >> 8) & 0xff)" : "was killed by signal \(status & 0x7f)"
        return "\(command) \(how); its output ends:\n\(tail)"
    }
}
