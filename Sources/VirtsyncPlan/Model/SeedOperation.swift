public import VirtsyncManifest

/// What `writeSeed` writes: the seed's files. A plan may be printed or serialised, and user-data may
/// hold secrets, so the encoded form keeps only the domain, instance-id and digest; a plan decoded back
/// from JSON cannot write a seed (`isRedacted`), it can only show one.
public struct SeedOperation: Sendable, Hashable, Codable {
    public var seed: SeedSpec
    public private(set) var isRedacted = false

    public init(seed: SeedSpec) { self.seed = seed }

    /// `instance-id web-1, sha256 3f2a…`: what a reviewer needs, never the content.
    public var summary: String {
        "instance-id \(seed.instanceID), sha256 \(seed.cloudInit.digest.map { String($0.prefix(12)) + "…" } ?? "unknown")"
    }

    private enum CodingKeys: String, CodingKey { case domain, instanceID, sha256 }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seed.domain, forKey: .domain)
        try container.encode(seed.instanceID, forKey: .instanceID)
        try container.encodeIfPresent(seed.cloudInit.digest, forKey: .sha256)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let instanceID = try container.decode(String.self, forKey: .instanceID)
        seed = SeedSpec(
            domain: try container.decode(String.self, forKey: .domain),
            cloudInit: CloudInit(
                metaData: .inline("instance-id: \(instanceID)\n"),
                digest: try container.decodeIfPresent(String.self, forKey: .sha256)
            )
        )
        isRedacted = true
    }
}
