import Foundation
import TestSupport

extension TemporaryDirectory {
    /// Writes `data` and compresses it with the tool (`xz`, `gzip`, `bzip2`), which replaces the file by
    /// its compressed form; returns that file.
    func compress(_ data: Data, with tool: String, name: String = "sample") throws -> URL {
        let plain = url.appendingPathComponent(name)
        try data.write(to: plain)
        try ChildProcess.run([tool, "-f", plain.path]).check(tool)
        let suffix = ["xz": "xz", "gzip": "gz", "bzip2": "bz2"][tool]!
        return plain.appendingPathExtension(suffix)
    }
}
