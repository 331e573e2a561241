import Foundation

/// A directory removed when the test's value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-compression-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `data` and compresses it with the tool (`xz`, `gzip`, `bzip2`), which replaces the file by
    /// its compressed form; returns that file.
    func compress(_ data: Data, with tool: String, name: String = "sample") throws -> URL {
        let plain = url.appendingPathComponent(name)
        try data.write(to: plain)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool, "-f", plain.path]
        try process.run()
        process.waitUntilExit()
        let suffix = ["xz": "xz", "gzip": "gz", "bzip2": "bz2"][tool]!
        return plain.appendingPathExtension(suffix)
    }
}
