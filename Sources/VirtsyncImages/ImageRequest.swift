public import VirtsyncManifest

/// An image to fetch: where it is and the SHA-256 of the bytes there. The very value a volume's
/// `source: {url, sha256, caFile}` decodes to, so the manifest and the cache share one type.
public typealias ImageRequest = VolumeSpec.ImageSource
