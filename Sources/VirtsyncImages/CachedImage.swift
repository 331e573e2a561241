import Foundation

/// An image ready in the cache: the decompressed bytes at `path`, and whether this call downloaded it.
public struct CachedImage: Sendable, Hashable {
    public var path: String
    public var size: Int64
    /// False when the cache already held it (the second apply of a manifest downloads nothing).
    public var downloaded: Bool
}
