package import LibvirtXML
import VirtsyncManifest

/// How the children of one name under one parent are paired between the manifest and libvirt.
///
/// Lists the manifest owns (disks, interfaces, vCPU pins, DHCP hosts) are matched by key, and a member
/// libvirt has beyond the manifest's is drift. Other repeated elements are matched by best fit, so what
/// libvirt adds (controllers, inputs, a memballoon) never shows as a difference.
package struct ListRule: Sendable {
    package enum Matching: Sendable {
        /// By a key read from the element; members without a key are paired by order.
        case key(@Sendable (XElementView) -> String?)
        /// By position: the order is the meaning (boot devices).
        case position
        /// The first unpaired member with no difference, else the first unpaired one.
        case bestFit
    }

    package var matching: Matching
    /// Whether a member present only on the host is drift.
    package var owned: Bool
    /// Whether a manifest that lists no member at all means "none" (devices, DHCP hosts) rather than
    /// "libvirt's default" (boot order: libvirt adds `<boot dev='hd'/>`).
    package var emptyMeansNone = true

    /// Rules by `parent/child` element names; anything else is a unique child or a best fit. The typed
    /// device lists' rules come from their declarations (`DomainSpec.Devices.lists`), so a declared list
    /// always has its key; a list a manifest may leave out is owned only by the manifests that name it
    /// (`XMLComparator.owning`).
    package static let table: [String: ListRule] = declaredDeviceLists.merging(others) { declared, _ in declared }

    static let declaredDeviceLists: [String: ListRule] = Dictionary(
        uniqueKeysWithValues: DomainSpec.Devices.lists.map { list in
            let key = list.xmlKey
            return ("devices/\(list.element)", ListRule(matching: .key { key($0.element) }, owned: list.alwaysOwned))
        }
    )

    static let others: [String: ListRule] = [
        // Controllers by fit, not by index: virt-install leaves indices out and libvirt numbers them.
        "devices/controller": ListRule(matching: .bestFit, owned: false),
        "devices/input": ListRule(matching: .key { "\($0["type"] ?? "")/\($0["bus"] ?? "")" }, owned: false),
        "os/boot": ListRule(matching: .position, owned: true, emptyMeansNone: false),
        "cputune/vcpupin": ListRule(matching: .key { $0["vcpu"] }, owned: true),
        "network/ip": ListRule(matching: .key { $0["address"] }, owned: true, emptyMeansNone: false),
        "dhcp/range": ListRule(matching: .key { $0["start"] }, owned: true),
        "dhcp/host": ListRule(matching: .key { ($0["mac"] ?? $0["ip"])?.lowercased() }, owned: true),
        "network/portgroup": ListRule(matching: .key { $0["name"] }, owned: true),
        "network/route": ListRule(matching: .key { $0["address"] }, owned: true),
    ]

    /// The table by parent, then child: a lookup per element pair of every comparison, which joining the
    /// two names into one key made allocate (`devices/interface` is too long for an inline string).
    static let byParent: [String: [String: ListRule]] = table.reduce(into: [:]) { index, entry in
        let names = entry.key.split(separator: "/", maxSplits: 1).map(String.init)
        index[names[0], default: [:]][names[1]] = entry.value
    }

    package static func rule(parent: String, child: String) -> ListRule? { byParent[parent]?[child] }
}

/// A read-only view of an element for key functions (keeps `XElement` itself free of plan concerns).
package struct XElementView {
    package let element: XElement
    package init(element: XElement) { self.element = element }
    package subscript(_ attribute: String) -> String? { element[attribute: attribute] }
    package func child(_ name: String) -> XElementView? { element.child(name).map(XElementView.init) }
}
