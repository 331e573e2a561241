/// An image to fetch: where it is and the SHA-256 of the bytes there, as distributions publish it.
public struct ImageRequest: Sendable, Hashable {
    /// `http://`, `https://` or `file://`.
    public var url: String
    /// Lower-case hex SHA-256 of the bytes at the URL (the compressed file, for `.xz`, `.gz`, `.bz2`).
    public var sha256: String
    /// PEM file of the certificate authorities to trust for `https://` instead of the system's.
    public var caFile: String?

    public init(url: String, sha256: String, caFile: String? = nil) {
        self.url = url
        self.sha256 = sha256.lowercased()
        self.caFile = caFile
    }
}
