/// A compression an image may come in, named by the end of its URL as distributions publish them.
public enum CompressionFormat: String, Sendable, Hashable, CaseIterable {
    case xz, gzip, bzip2

    /// The format a file name (or URL path) ends in: `.xz`, `.gz`, `.bz2`; nil when none.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".xz") {
            self = .xz
        } else if lower.hasSuffix(".gz") {
            self = .gzip
        } else if lower.hasSuffix(".bz2") {
            self = .bzip2
        } else {
            return nil
        }
    }
}
