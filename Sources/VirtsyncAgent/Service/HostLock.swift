internal import Foundation

/// One agent per host: an exclusive `flock` on `STATE_DIR/lock`, held for the life of the process.
///
/// `flock` is released by the kernel when the process dies, so a crashed agent never leaves a stale lock.
public final class HostLock: Sendable {
    let descriptor: Int32
    public let path: String

    /// Why the lock could not be taken.
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public init(stateDirectory: String) throws(Failure) {
        path = (stateDirectory as NSString).appendingPathComponent("lock")
        try? FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw Failure(path: path, reason: "another virtsync agent holds the lock")
        }
        descriptor = fd
        let pid = "\(getpid())\n"
        ftruncate(fd, 0)
        _ = pid.withCString { write(fd, $0, strlen($0)) }
    }

    deinit { close(descriptor) }
}
