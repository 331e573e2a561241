public import Foundation

/// A fresh directory under the system's temporary directory, removed by `remove()` or when the value
/// goes away (keep it alive with `defer { directory.remove() }` while paths inside it are in use).
public final class TemporaryDirectory: Sendable {
    public let url: URL

    /// `<tmp>/<prefix>-<UUID>`, created.
    public init(prefix: String = "virtsync-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { remove() }

    /// A path inside the directory (not created).
    public func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
