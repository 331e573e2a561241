/// How far a download is; `total` is nil when the server sent no length.
public struct DownloadProgress: Sendable, Hashable {
    public var url: String
    public var received: Int64
    public var total: Int64?

    public init(url: String, received: Int64, total: Int64?) {
        self.url = url
        self.received = received
        self.total = total
    }

    /// Whole percent, when the length is known.
    public var percent: Int? { total.flatMap { $0 > 0 ? Int(received * 100 / $0) : nil } }
}
