import Foundation

/// A hold on the image cache (`flock` on `<cache directory>.lock`), across processes: the CLI and the
/// agent may share a state directory. Fetching an image and uploading it from the cache hold it shared,
/// so any number of them run together; pruning holds it exclusively and never waits for it, so it never
/// removes a file a download is writing or an upload is reading. Released when the value goes away
/// (closing the descriptor drops the lock, also when the process dies).
final class CacheLease: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// Waits for a shared hold (only a prune in progress makes it wait, and a prune is short).
    static func shared(_ directory: String) throws(ImageError) -> CacheLease {
        let lease = try openLockFile(directory)
        while flock(lease.descriptor, LOCK_SH) != 0 {
            guard errno == EINTR else {
                throw .cache(path: lockPath(directory), reason: "cannot lock: \(String(cString: strerror(errno)))")
            }
        }
        return lease
    }

    /// An exclusive hold if nobody holds the cache now; nil while a download or upload is in flight.
    static func exclusiveIfFree(_ directory: String) throws(ImageError) -> CacheLease? {
        let lease = try openLockFile(directory)
        while flock(lease.descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EWOULDBLOCK { return nil }
            guard errno == EINTR else {
                throw .cache(path: lockPath(directory), reason: "cannot lock: \(String(cString: strerror(errno)))")
            }
        }
        return lease
    }

    /// Beside the directory rather than in it, so the directory holds images only.
    static func lockPath(_ directory: String) -> String {
        var trimmed = directory
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + ".lock"
    }

    private static func openLockFile(_ directory: String) throws(ImageError) -> CacheLease {
        let path = lockPath(directory)
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true
            )
        } catch {
            throw .cache(path: path, reason: "cannot create its directory: \(error)")
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .cache(path: path, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        return CacheLease(descriptor: descriptor)
    }
}
