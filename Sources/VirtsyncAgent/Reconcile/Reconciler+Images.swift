import Logging
import VirtsyncHost
import VirtsyncImages
import VirtsyncManifest

extension Reconciler {
    static let imageLogger = Logger(label: "virtsync.images")

    /// The image cache keeps the images the applied revision names and loses the rest, so it does not
    /// grow with every image a host ever used. Pruning waits for no one: while a download or upload
    /// holds the cache it is skipped, and the next pass prunes.
    func pruneImageCache(_ manifests: [Manifest]) {
        do {
            let pruned = try session.pruneImages(keeping: manifests)
            guard !pruned.removed.isEmpty else { return }
            Self.imageLogger.info(
                "removed cached images no manifest names",
                metadata: ["images": "\(pruned.removed.joined(separator: ","))", "freed.bytes": "\(pruned.freedBytes)"]
            )
        } catch {
            Self.imageLogger.warning("cannot prune the image cache", metadata: ["error": "\(error)"])
        }
    }
}
