public import VirtsyncManifest

/// What a manifest asks beside its XML: power state, autostart, restart and deletion policies.
///
/// Kept apart from rendering so that code needing only these facts (the inventory) does not render.
public struct ManifestPolicy: Sendable, Hashable {
    /// Network, pool: started or not; nil leaves it alone.
    public var active: Bool?
    /// Domain: the power state to keep; nil leaves it alone.
    public var power: DomainSpec.PowerState?
    public var autostart: Bool?
    public var restartPolicy: DomainSpec.RestartPolicy = .never
    public var shutdownTimeoutSeconds = 120
    /// Domain: checked after the agent creates, restarts or replaces it.
    public var health: HealthCheck?
    public var deletionPolicy: VolumeSpec.DeletionPolicy?
    /// Pool: `pool-build` on create.
    public var build = false
    /// Volume: copy contents from the volume at this path on create.
    public var copyFrom: String?
    /// Volume: contents from an image by URL.
    public var image: VolumeSpec.ImageSource?
    /// Volume: the cloud-init seed it carries (a derived seed volume).
    public var seed: SeedSpec?

    public init(_ manifest: Manifest) {
        switch manifest.spec {
        case .network(let spec):
            active = spec.active
            autostart = spec.autostart
        case .storagePool(let spec):
            active = spec.active
            autostart = spec.autostart
            build = spec.build
        case .volume(let spec):
            deletionPolicy = spec.deletionPolicy
            copyFrom = spec.source?.path
            image = spec.image
            seed = spec.seed
        case .domain(let spec):
            power = spec.state
            autostart = spec.autostart
            restartPolicy = spec.restartPolicy
            shutdownTimeoutSeconds = spec.shutdownTimeoutSeconds
            health = spec.health
        case .rawXML(let raw):
            active = raw.active
            power = raw.state
            autostart = raw.autostart
            restartPolicy = raw.restartPolicy
            shutdownTimeoutSeconds = raw.shutdownTimeoutSeconds
            deletionPolicy = raw.kind == .volume ? raw.deletionPolicy : nil
            health = raw.kind == .domain ? raw.health : nil
            build = raw.kind == .storagePool
        }
    }
}
