import Crypto
import Foundation

/// Where downloaded bytes go: a file, a running SHA-256 and a byte count, with progress reported at
/// most once a second (and at the end), so a long download shows in the log without flooding it.
final class DownloadSink {
    private let file: FileHandle
    private var hasher = SHA256()
    private(set) var received: Int64 = 0
    private let url: String
    private let total: Int64?
    private let progress: (DownloadProgress) -> Void
    private var lastReport = ContinuousClock.now

    init(path: String, url: String, total: Int64?, progress: @escaping (DownloadProgress) -> Void) throws(ImageError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let file = FileHandle(forWritingAtPath: path)
        else { throw .cache(path: path, reason: "cannot create the download file") }
        self.file = file
        self.url = url
        self.total = total
        self.progress = progress
    }

    func write(_ bytes: Data) throws(ImageError) {
        hasher.update(data: bytes)
        do {
            try file.write(contentsOf: bytes)
        } catch {
            throw .cache(path: url, reason: "cannot write: \(error)")
        }
        received += Int64(bytes.count)
        let now = ContinuousClock.now
        if now - lastReport >= .seconds(1) {
            lastReport = now
            progress(DownloadProgress(url: url, received: received, total: total))
        }
    }

    /// Closes the file and returns the lower-case hex SHA-256 of everything written.
    func finish() throws(ImageError) -> String {
        progress(DownloadProgress(url: url, received: received, total: total))
        do {
            try file.synchronize()
            try file.close()
        } catch {
            throw .cache(path: url, reason: "cannot close the download: \(error)")
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
