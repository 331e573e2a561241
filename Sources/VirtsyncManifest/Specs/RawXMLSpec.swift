public import LibvirtXML

/// A manifest that carries libvirt's own XML: a bare `.xml` file, or `spec.xml` under a YAML document.
///
/// The root element decides the kind (`domain`, `network`, `pool`, `volume`). The policies beside it
/// say what the agent does with power state and autostart; nil leaves that fact alone.
public struct RawXMLSpec: Sendable, Hashable {
    public var kind: ManifestKind
    /// The document as written; its `<name>` equals `metadata.name`.
    public var xml: XElement
    /// The pool of a `Volume` (required for volumes, nil otherwise).
    public var pool: String?
    /// Networks and pools: started. Bare `.xml`: true (net-start / pool-start, as the seed does).
    public var active: Bool?
    /// Domains: power state. Bare `.xml`: nil (`virsh define` leaves it alone).
    public var state: DomainSpec.PowerState?
    /// Bare `.xml` network or pool: true (net-autostart / pool-autostart); domain: nil.
    public var autostart: Bool?
    public var restartPolicy: DomainSpec.RestartPolicy
    public var shutdownTimeoutSeconds: Int
    public var deletionPolicy: VolumeSpec.DeletionPolicy
    /// Domains: checked after the agent creates, restarts or replaces it (as `DomainSpec.health`).
    public var health: HealthCheck?
    /// Domains: a cloud-init seed attached as a cdrom beside the XML's own devices.
    public var cloudInit: CloudInit?

    public init(
        kind: ManifestKind,
        xml: XElement,
        pool: String? = nil,
        active: Bool? = nil,
        state: DomainSpec.PowerState? = nil,
        autostart: Bool? = nil,
        restartPolicy: DomainSpec.RestartPolicy = .never,
        shutdownTimeoutSeconds: Int = 120,
        deletionPolicy: VolumeSpec.DeletionPolicy = .retain,
        health: HealthCheck? = nil
    ) {
        self.health = health
        self.kind = kind
        self.xml = xml
        self.pool = pool
        self.active = active
        self.state = state
        self.autostart = autostart
        self.restartPolicy = restartPolicy
        self.shutdownTimeoutSeconds = shutdownTimeoutSeconds
        self.deletionPolicy = deletionPolicy
    }

    /// The defaults of a bare `.xml` file of this kind (seed 3.1–3.3 start and autostart; 4.2 only defines).
    public static func bare(kind: ManifestKind, xml: XElement) -> RawXMLSpec {
        switch kind {
        case .network, .storagePool: RawXMLSpec(kind: kind, xml: xml, active: true, autostart: true)
        case .domain, .volume: RawXMLSpec(kind: kind, xml: xml)
        }
    }
}
