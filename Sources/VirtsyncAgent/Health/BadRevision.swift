import AtomicFiles
import Foundation

/// The revision whose change failed a health check on this host, and why: refused until a newer one
/// arrives. Kept in `STATE_DIR/bad-revision.json`, so a restarted agent does not apply it again.
struct BadRevision: Sendable {
    struct Record: Codable, Hashable, Sendable {
        var revision: String
        var reason: String
    }

    let path: String

    init(stateDirectory: String) {
        path = (stateDirectory as NSString).appendingPathComponent("bad-revision.json")
    }

    func load() -> Record? {
        FileManager.default.contents(atPath: path).flatMap { try? JSONDecoder().decode(Record.self, from: $0) }
    }

    func mark(_ revision: String, reason: String) {
        if let data = try? JSONEncoder().encode(Record(revision: revision, reason: reason)) {
            try? AtomicFile.write(data, to: path)
        }
    }

    /// A newer revision arrived and was accepted: the old verdict no longer matters.
    func clear() { try? FileManager.default.removeItem(atPath: path) }
}
