import Foundation
import VirtsyncManifest

/// "Downloads" a `file://` URL: a streamed copy through the same sink, so the checksum and the cache
/// behave as for http.
struct FileDownloader {
    func download(
        _ request: ImageRequest,
        from source: URL,
        to path: String,
        progress: @escaping (DownloadProgress) -> Void
    ) throws(ImageError) -> (sha256: String, bytes: Int64) {
        guard let input = FileHandle(forReadingAtPath: source.path) else {
            throw .transfer(url: request.url, reason: "cannot open \(source.path)")
        }
        defer { try? input.close() }
        let total = (try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int64) ?? nil
        let sink = try DownloadSink(path: path, url: request.url, total: total, progress: progress)
        while true {
            let data: Data
            do {
                guard let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
                data = chunk
            } catch {
                throw .transfer(url: request.url, reason: "cannot read \(source.path): \(error)")
            }
            try sink.write(data)
        }
        return (try sink.finish(), sink.received)
    }
}
