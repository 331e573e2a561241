public import Foundation
public import VirtsyncManifest

/// What a domain was before the agent (re)started it for a new revision, kept in
/// `STATE_DIR/rollback/NAME.json` until its health check passes, so that an agent that stopped or crashed
/// during the check takes it up again after its restart and can still undo a failure.
public struct RollbackPoint: Sendable, Hashable, Codable {
    /// The domain's name, as the file keeps it.
    public var name: String
    /// The persistent definition (secrets kept); nil when the domain did not exist (a create).
    public var definition: String?
    public var wasRunning: Bool
    /// The revision whose definition this is (the last one applied), nil when unknown.
    public var revision: String?
    public var takenAt: Date

    public init(name: String, definition: String?, wasRunning: Bool, revision: String?, takenAt: Date = Date()) {
        self.name = name
        self.definition = definition
        self.wasRunning = wasRunning
        self.revision = revision
        self.takenAt = takenAt
    }

    /// The domain the point is for.
    public var domain: ObjectID { ObjectID(.domain, name) }
}

/// The rollback points of one state directory.
public struct RollbackStore: Sendable {
    public let directory: String

    public init(stateDirectory: String) {
        directory = (stateDirectory as NSString).appendingPathComponent("rollback")
    }

    public func save(_ point: RollbackPoint) throws(HostError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .stateFile(path: directory, message: "\(error)")
        }
        let data: Data
        do {
            data = try JSONEncoder().encode(point)
        } catch {
            throw .stateFile(path: path(point.name), message: "cannot encode: \(error)")
        }
        try HostError.writeStateFile(data, to: path(point.name))
    }

    /// The rollback point of `domain`, nil when it has none.
    public func load(_ domain: ObjectID) -> RollbackPoint? { load(file: path(domain.name)) }

    public func remove(_ domain: ObjectID) { try? FileManager.default.removeItem(atPath: path(domain.name)) }

    /// The domains that have a rollback point: checks not finished (or rollbacks that failed).
    public func domains() -> [ObjectID] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".json") }
            .compactMap { load(file: (directory as NSString).appendingPathComponent($0))?.domain }.sorted()
    }

    private func load(file: String) -> RollbackPoint? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        return try? JSONDecoder().decode(RollbackPoint.self, from: data)
    }

    /// Domain names are checked before they reach XML; a `/` would still not leave the directory.
    func path(_ name: String) -> String {
        (directory as NSString).appendingPathComponent(name.replacingOccurrences(of: "/", with: "_") + ".json")
    }
}
