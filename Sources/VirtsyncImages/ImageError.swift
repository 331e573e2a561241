/// Why an image could not be had; each message says what to fix.
public enum ImageError: Error, Sendable, Hashable, CustomStringConvertible {
    case unsupportedURL(String)
    case http(url: String, status: Int)
    /// The server sent nothing for this long (a stalled download), or the connection could not be made.
    case timeout(url: String, seconds: Int)
    /// The body ended before the length the server announced.
    case truncated(url: String, received: Int64, expected: Int64)
    case checksumMismatch(url: String, want: String, have: String)
    case transfer(url: String, reason: String)
    case decompression(url: String, reason: String)
    case cache(path: String, reason: String)

    public var description: String {
        switch self {
        case .unsupportedURL(let url): "image URL \(url): only http://, https:// and file:// are supported"
        case .http(let url, let status): "image \(url): the server answered HTTP \(status)"
        case .timeout(let url, let seconds):
            "image \(url): no data for \(seconds) s (download stalled or server unreachable)"
        case .truncated(let url, let received, let expected):
            "image \(url): the download ended after \(received) of \(expected) bytes"
        case .checksumMismatch(let url, let want, let have):
            "image \(url): SHA-256 mismatch (manifest says \(want), the downloaded bytes have \(have))"
        case .transfer(let url, let reason): "image \(url): download failed: \(reason)"
        case .decompression(let url, let reason): "image \(url): \(reason)"
        case .cache(let path, let reason): "image cache \(path): \(reason)"
        }
    }
}
