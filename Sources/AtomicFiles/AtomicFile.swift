public import Foundation

/// Writes a file so that a reader (or a crash) sees the old content or the new, never half of either:
/// a temporary file beside it, fsync, rename over the target, fsync of the directory.
///
/// Written by hand because Foundation's `.atomic` option renames without fsync, so a power cut can
/// leave an empty file behind.
public enum AtomicFile {
    /// - Parameter keepPrevious: the content replaced stays as `PATH.prev` (a hard link, so it costs
    ///   no copy), for `read` to fall back on when the current file is damaged by something else.
    public static func write(_ data: Data, to path: String, keepPrevious: Bool = false) throws(AtomicFileError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = "\(path).tmp-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw AtomicFileError(path: directory, message: "cannot create directory: \(error.localizedDescription)")
        }
        removeStaleTemporaries(of: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AtomicFileError(path: temporary, message: String(cString: strerror(errno))) }
        let written = data.withUnsafeBytes { buffer in
            buffer.baseAddress.map { Foundation.write(fd, $0, buffer.count) } ?? 0
        }
        let synced = fsync(fd) == 0
        close(fd)
        if keepPrevious, written == data.count, synced {
            // A crash between these two calls leaves no `.prev`, never a damaged target.
            unlink("\(path).prev")
            link(path, "\(path).prev")
        }
        guard written == data.count, synced, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw AtomicFileError(path: path, message: "cannot write: \(reason)")
        }
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }

    /// What `read` found.
    public enum Contents {
        /// No file: nothing was ever written.
        case missing
        case current(Data)
        /// The file is damaged (empty, truncated, not what `isValid` accepts); the previous one is good.
        case previous(Data)
        /// Both are damaged or the previous one is missing.
        case damaged
    }

    /// The file's content when `isValid` accepts it, else the previous content kept by `write`.
    public static func read(_ path: String, isValid: (Data) -> Bool) -> Contents {
        guard let data = FileManager.default.contents(atPath: path) else {
            return FileManager.default.fileExists(atPath: path) ? .damaged : .missing
        }
        if isValid(data) { return .current(data) }
        if let previous = FileManager.default.contents(atPath: "\(path).prev"), isValid(previous) {
            return .previous(previous)
        }
        return .damaged
    }

    /// Temporary files of writers that died before their rename (`PATH.tmp-PID` of a PID that no longer
    /// runs): harmless, since nothing reads them, but they would pile up with every crash.
    static func removeStaleTemporaries(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink((directory as NSString).appendingPathComponent(name)) }
        }
    }
}
