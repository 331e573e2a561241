public import LibvirtXML
import Synchronization
public import VirtsyncManifest

/// What libvirt has for one object, read by the host edge: a plain value the planner compares.
public struct ObservedObject: Sendable, Hashable {
    /// A domain's power state as libvirt reports it, folded to what a manifest can ask for.
    public enum Power: String, Sendable, Hashable, Codable { case running, paused, shutoff, other }

    public var id: ObjectID
    /// The persistent (inactive) definition; for a volume, its XML.
    public var xml: XElement {
        get { tree.element }
        set { tree = ObservedTree(newValue) }
    }
    private var tree: ObservedTree
    /// A running domain's or active network's live definition, when it differs from the persistent one.
    public var liveXML: XElement?
    /// Domain: running or paused. Network, pool: started. Volume: always true.
    public var active: Bool
    public var power: Power
    public var autostart: Bool
    /// The domain carries virtsync's metadata mark (`OwnershipMark`); read from a domain's `xml` unless
    /// set. Networks and pools carry none: libvirt 9.0 has no metadata API for them.
    public var marked: Bool {
        get { markedValue ?? (id.kind == .domain && OwnershipMark.isMarked(xml)) }
        set { markedValue = newValue }
    }
    private var markedValue: Bool?
    /// libvirt's texts of this object as the host edge read them, digested; nil for an object not read
    /// from libvirt. What `VerdictMemo` keys on.
    public var digests: SourceDigests?

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
        self.tree = ObservedTree(xml)
        self.liveXML = liveXML
        self.active = active
        self.power = power
        self.autostart = autostart
        self.markedValue = marked
    }

    /// An object read from libvirt whose persistent definition is parsed only when `xml` is first asked
    /// for. The host edge defers only texts an earlier plan of this build parsed (their digest is in the
    /// `VerdictMemo`), so the parse is known to succeed; `parse` returning nil all the same leaves an empty
    /// `<root>` rather than stopping the plan. `marked` is read from the definition, when asked.
    package init(
        id: ObjectID,
        deferredText text: String,
        root: String,
        parse: @escaping @Sendable (String) -> XElement?,
        active: Bool,
        power: Power = .other
    ) {
        self.id = id
        self.tree = ObservedTree(text: text, root: root, parse: parse)
        self.active = active
        self.power = power
        self.autostart = false
        self.markedValue = nil
    }

    /// An object read from libvirt, its definition parsed; `marked` is read from it.
    package init(id: ObjectID, read xml: XElement, active: Bool, power: Power = .other) {
        self.init(id: id, xml: xml, active: active, power: power)
        self.markedValue = nil
    }
}

/// A persistent definition as a tree, or as libvirt's text until someone asks for the tree.
final class ObservedTree: Sendable, Hashable {
    private enum State {
        case parsed(XElement)
        case deferred(text: String, root: String, parse: @Sendable (String) -> XElement?)
    }

    private let state: Mutex<State>

    init(_ element: XElement) { state = Mutex(.parsed(element)) }

    init(text: String, root: String, parse: @escaping @Sendable (String) -> XElement?) {
        state = Mutex(.deferred(text: text, root: root, parse: parse))
    }

    var element: XElement {
        state.withLock { state in
            switch state {
            case .parsed(let element):
                return element
            case .deferred(let text, let root, let parse):
                let element = parse(text) ?? XElement(root)
                state = .parsed(element)
                return element
            }
        }
    }

    static func == (lhs: ObservedTree, rhs: ObservedTree) -> Bool { lhs === rhs || lhs.element == rhs.element }

    func hash(into hasher: inout Hasher) { hasher.combine(element) }
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
