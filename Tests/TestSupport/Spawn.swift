import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `posix_spawn` with what a test's child needs, and no more: Foundation's `Process` is not used because
/// on Linux its `waitUntilExit` polls a run loop (every exit seen up to 50 ms late, and under Swift Testing
/// sometimes never), it takes a child that closes its inherited descriptors (sshd does) for exited, and
/// its children inherit the spawning thread's signal mask (SIGTERM blocked on a concurrency thread).
enum Spawn {
    /// Where the child's descriptors 0, 1 and 2 come from.
    enum Source {
        case null
        /// A file, opened for reading.
        case file(String)
        /// A descriptor of this process (dup2'd, so it may be close-on-exec here).
        case descriptor(Int32)
    }

    enum Sink {
        case null
        /// A file, created when missing and appended to.
        case file(String)
        /// The same as standard output.
        case output
    }

    /// Starts `executable` (a path, or a name looked up on PATH) and returns its pid. The child gets an
    /// empty signal mask and default handlers, a process group of its own (so the whole group can be
    /// killed), and no descriptor of this process but 0, 1 and 2: never the test runner's stdout or stderr,
    /// which `swift test` waits on until the last holder closes them.
    static func start(
        _ executable: String,
        _ arguments: [String],
        directory: String?,
        environment: [String: String],
        input: Source,
        output: Sink,
        error: Sink
    ) throws -> pid_t {
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
        if let directory { try GlibcExtras.addChdir(&actions, directory) }
        switch input {
        case .null: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case .descriptor(let descriptor): posix_spawn_file_actions_adddup2(&actions, descriptor, 0)
        }
        for (descriptor, sink) in [(Int32(1), output), (Int32(2), error)] {
            switch sink {
            case .null: posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_WRONLY, 0)
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, descriptor, path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            case .output: posix_spawn_file_actions_adddup2(&actions, 1, descriptor)
            }
        }
        try GlibcExtras.addCloseFrom(&actions, 3)
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { _, new in new }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        // posix_spawnp searches this process's PATH for a name without a slash.
        let result = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw SupportFailure(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return pid
    }
}

/// glibc's `posix_spawn_file_actions_addchdir_np` and `…_addclosefrom_np` (2.29 and 2.34), declared only
/// under `_GNU_SOURCE`, which Swift's Glibc module is not built with: looked up at run time instead.
private enum GlibcExtras {
    typealias AddChdir =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    static func addChdir(_ actions: inout posix_spawn_file_actions_t, _ directory: String) throws {
        let function: AddChdir = try symbol("posix_spawn_file_actions_addchdir_np")
        guard function(&actions, directory) == 0 else { throw SupportFailure(description: "addchdir \(directory)") }
    }

    static func addCloseFrom(_ actions: inout posix_spawn_file_actions_t, _ first: Int32) throws {
        let function: AddCloseFrom = try symbol("posix_spawn_file_actions_addclosefrom_np")
        guard function(&actions, first) == 0 else { throw SupportFailure(description: "addclosefrom \(first)") }
    }

    private static func symbol<T>(_ name: String) throws -> T {
        // nil is RTLD_DEFAULT: the symbols of the whole process.
        guard let address = dlsym(nil, name) else {
            throw SupportFailure(description: "this C library has no \(name) (glibc 2.34 or later needed)")
        }
        return unsafeBitCast(address, to: T.self)
    }
}
