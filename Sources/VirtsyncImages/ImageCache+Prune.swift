import Foundation

/// What a prune of the image cache did.
public struct CachePrune: Sendable, Hashable {
    /// The SHA-256 names of the images removed.
    public var removed: [String] = []
    /// Bytes of the images removed.
    public var freedBytes: Int64 = 0
    /// True when a download or an upload held the cache, so nothing was removed this time.
    public var busy = false

    public init(removed: [String] = [], freedBytes: Int64 = 0, busy: Bool = false) {
        self.removed = removed
        self.freedBytes = freedBytes
        self.busy = busy
    }
}

extension ImageCache {
    /// Removes every cached image whose SHA-256 is not in `keeping` (the images the applied revision's
    /// manifests name), and what dead downloads left (`<sha256>.download`, `<sha256>.ready`).
    ///
    /// Never while a download or an upload from the cache is in flight, in this process or another: it
    /// then removes nothing and says `busy` (the next apply prunes). Files whose names are not an
    /// image's are not the cache's and stay.
    public func prune(keeping: Set<String>) throws(ImageError) -> CachePrune {
        let manager = FileManager.default
        guard manager.fileExists(atPath: directory) else { return CachePrune() }
        guard let lease = try CacheLease.exclusiveIfFree(directory) else { return CachePrune(busy: true) }
        defer { withExtendedLifetime(lease) {} }
        let keep = Set(keeping.map { $0.lowercased() })
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            throw .cache(path: directory, reason: "cannot list: \(error)")
        }
        var result = CachePrune()
        for name in names.sorted() {
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            guard Self.isImageName(parts[0]) else { continue }
            let leftover = parts.count == 2
            if leftover && !["download", "ready"].contains(parts[1]) { continue }
            if !leftover && keep.contains(parts[0]) { continue }
            let path = (directory as NSString).appendingPathComponent(name)
            let size = (try? manager.attributesOfItem(atPath: path))?[.size] as? Int64 ?? 0
            do {
                try manager.removeItem(atPath: path)
            } catch {
                throw .cache(path: path, reason: "cannot remove: \(error)")
            }
            if !leftover { result.removed.append(name) }
            result.freedBytes += size
        }
        return result
    }

    /// 64 lower-case hex digits: how the cache names an image.
    static func isImageName(_ name: String) -> Bool {
        name.utf8.count == 64 && name.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
