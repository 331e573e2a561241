public import Foundation

/// One host's previews as `GET /previews` serves them: who the host is, what it has applied, and every
/// ref it keeps a preview of. `virtsync preview` reads one of these from each host.
public struct PreviewReport: Sendable, Hashable, Codable {
    /// `host.name` of the agent's config.
    public var host: String
    /// `host.labels`, so a reader can tell which manifests select this host.
    public var labels: [String: String]
    /// The revision of `source.ref` last applied.
    public var appliedRevision: String?
    /// One per ref, sorted by ref name.
    public var previews: [PreviewStatus]
    /// Refs that matched the globs but are not planned, beyond `source.preview.maxRefs`.
    public var skipped: [String]

    public init(
        host: String,
        labels: [String: String] = [:],
        appliedRevision: String? = nil,
        previews: [PreviewStatus],
        skipped: [String] = []
    ) {
        self.host = host
        self.labels = labels
        self.appliedRevision = appliedRevision
        self.previews = previews
        self.skipped = skipped
    }

    /// The JSON `GET /previews` answers with: the status file's conventions (sorted keys, ISO-8601 dates
    /// in UTC with milliseconds).
    public func encoded() throws -> Data {
        try StatusFile.jsonEncoder().encode(self)
    }

    public static func decode(_ data: Data) throws -> PreviewReport {
        try StatusFile.jsonDecoder().decode(PreviewReport.self, from: data)
    }
}
