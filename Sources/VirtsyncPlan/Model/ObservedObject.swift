public import LibvirtXML
public import VirtsyncManifest

/// What libvirt has for one object, read by the host edge: a plain value the planner compares.
public struct ObservedObject: Sendable, Hashable {
    /// A domain's power state as libvirt reports it, folded to what a manifest can ask for.
    public enum Power: String, Sendable, Hashable, Codable { case running, paused, shutoff, other }

    public var id: ObjectID
    /// The persistent (inactive) definition; for a volume, its XML.
    public var xml: XElement
    /// A running domain's or active network's live definition, when it differs from the persistent one.
    public var liveXML: XElement?
    /// Domain: running or paused. Network, pool: started. Volume: always true.
    public var active: Bool
    public var power: Power
    public var autostart: Bool
    /// The domain carries virtsync's metadata mark (`OwnershipMark`).
    public var marked: Bool

    public init(
        id: ObjectID,
        xml: XElement,
        liveXML: XElement? = nil,
        active: Bool,
        power: Power = .other,
        autostart: Bool = false,
        marked: Bool = false
    ) {
        self.id = id
        self.xml = xml
        self.liveXML = liveXML
        self.active = active
        self.power = power
        self.autostart = autostart
        self.marked = marked
    }
}

/// Everything the host has that the plan may concern: objects read in full, and the names of the rest.
public struct ObservedState: Sendable {
    /// Objects read with their XML (those a manifest or the inventory names).
    public var objects: [ObjectID: ObservedObject]
    /// Every object that exists on the host, read or not (reference checks, name clashes).
    public var present: Set<ObjectID>
    /// Domains that use each volume path while running, for online growth with `blockResize`.
    public var runningDisks: [String: (domain: String, target: String)]

    public init(
        objects: [ObjectID: ObservedObject] = [:],
        present: Set<ObjectID> = [],
        runningDisks: [String: (domain: String, target: String)] = [:]
    ) {
        self.objects = objects
        self.present = present.union(objects.keys)
        self.runningDisks = runningDisks
    }
}
