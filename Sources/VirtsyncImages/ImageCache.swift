import Compression
import Dispatch
import Foundation
public import VirtsyncManifest

/// The host's image cache under the state directory: each image fetched once, kept by its SHA-256.
///
/// `<directory>/<sha256>` holds the image ready to upload (decompressed when its URL ends in `.xz`,
/// `.gz` or `.bz2`); it appears by an atomic rename only after the checksum matched, so a file there is
/// always a whole, verified image. A failed fetch leaves nothing behind.
public struct ImageCache: Sendable {
    public let directory: String
    public var timeouts: ImageTimeouts

    public init(directory: String, timeouts: ImageTimeouts = ImageTimeouts()) {
        self.directory = directory
        self.timeouts = timeouts
    }

    /// The cached image for `request`, downloading, checking and decompressing it when missing.
    /// Blocks the calling thread (which must not be one of async-http-client's event loops).
    public func image(
        for request: ImageRequest,
        progress: @escaping @Sendable (DownloadProgress) -> Void = { _ in }
    ) throws(ImageError) -> CachedImage {
        let lease = try CacheLease.shared(directory)
        defer { withExtendedLifetime(lease) {} }
        return try fetchIfMissing(request, progress: progress)
    }

    /// Runs `body` with the cached image for `request` (fetched when missing), holding the cache so that
    /// no prune removes the file while `body` reads it (an upload into a pool).
    public func withImage<Value>(
        for request: ImageRequest,
        progress: @escaping @Sendable (DownloadProgress) -> Void = { _ in },
        _ body: (CachedImage) throws -> Value
    ) throws -> Value {
        let lease = try CacheLease.shared(directory)
        defer { withExtendedLifetime(lease) {} }
        return try body(try fetchIfMissing(request, progress: progress))
    }

    private func fetchIfMissing(
        _ request: ImageRequest,
        progress: @escaping @Sendable (DownloadProgress) -> Void
    ) throws(ImageError) -> CachedImage {
        let final = (directory as NSString).appendingPathComponent(request.sha256)
        if let size = Self.size(final) { return CachedImage(path: final, size: size, downloaded: false) }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cache(path: directory, reason: "cannot create: \(error)")
        }
        let download = final + ".download"
        let ready = final + ".ready"
        defer {
            try? FileManager.default.removeItem(atPath: download)
            try? FileManager.default.removeItem(atPath: ready)
        }
        let (sha256, _) = try fetch(request, to: download, progress: progress)
        guard sha256 == request.sha256 else {
            throw .checksumMismatch(url: request.url, want: request.sha256, have: sha256)
        }
        try unpack(request, from: download, to: ready)
        guard rename(ready, final) == 0 else { throw .cache(path: final, reason: "cannot rename into place") }
        return CachedImage(path: final, size: Self.size(final) ?? 0, downloaded: true)
    }

    private func fetch(
        _ request: ImageRequest,
        to path: String,
        progress: @escaping @Sendable (DownloadProgress) -> Void
    ) throws(ImageError) -> (sha256: String, bytes: Int64) {
        guard let url = URL(string: request.url), let scheme = url.scheme?.lowercased() else {
            throw .unsupportedURL(request.url)
        }
        switch scheme {
        case "file": return try FileDownloader().download(request, from: url, to: path, progress: progress)
        case "http", "https":
            return try HTTPDownloader(timeouts: timeouts).download(request, to: path, progress: progress)
        default: throw .unsupportedURL(request.url)
        }
    }

    /// Decompresses by the URL's ending, or moves the download as it is.
    private func unpack(_ request: ImageRequest, from download: String, to ready: String) throws(ImageError) {
        let name = URL(string: request.url)?.path ?? request.url
        guard let format = CompressionFormat(fileName: name) else {
            guard rename(download, ready) == 0 else { throw .cache(path: ready, reason: "cannot rename") }
            return
        }
        do {
            try Decompressor.decompress(format, from: URL(fileURLWithPath: download), to: URL(fileURLWithPath: ready))
        } catch {
            throw .decompression(url: request.url, reason: "\(error)")
        }
    }

    private static func size(_ path: String) -> Int64? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int64
    }
}
