public import Foundation

/// Writes a file so that a reader (or a crash) sees the old content or the new, never half of either:
/// a temporary file beside it, fsync, rename over the target, fsync of the directory.
///
/// Written by hand because Foundation's `.atomic` option renames without fsync, so a power cut can
/// leave an empty file behind.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(HostError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = "\(path).tmp-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .stateFile(path: directory, message: "cannot create directory: \(error.localizedDescription)")
        }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .stateFile(path: temporary, message: String(cString: strerror(errno))) }
        let written = data.withUnsafeBytes { buffer in
            buffer.baseAddress.map { Foundation.write(fd, $0, buffer.count) } ?? 0
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == data.count, synced, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .stateFile(path: path, message: "cannot write: \(reason)")
        }
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }
}
