import LibvirtXML

/// How the children of one name under one parent are paired between the manifest and libvirt.
///
/// Lists the manifest owns (disks, interfaces, vCPU pins, DHCP hosts) are matched by key, and a member
/// libvirt has beyond the manifest's is drift. Other repeated elements are matched by best fit, so what
/// libvirt adds (controllers, inputs, a memballoon) never shows as a difference.
struct ListRule: Sendable {
    enum Matching: Sendable {
        /// By a key read from the element; members without a key are paired by order.
        case key(@Sendable (XElementView) -> String?)
        /// By position: the order is the meaning (boot devices).
        case position
        /// The first unpaired member with no difference, else the first unpaired one.
        case bestFit
    }

    var matching: Matching
    /// Whether a member present only on the host is drift.
    var owned: Bool
    /// Whether a manifest that lists no member at all means "none" (devices, DHCP hosts) rather than
    /// "libvirt's default" (boot order: libvirt adds `<boot dev='hd'/>`).
    var emptyMeansNone = true

    /// Rules by `parent/child` element names; anything else is a unique child or a best fit.
    static let table: [String: ListRule] = [
        "devices/disk": ListRule(matching: .key { $0.child("target")?["dev"] }, owned: true),
        "devices/interface": ListRule(matching: .key { $0.child("mac")?["address"]?.lowercased() }, owned: true),
        "devices/graphics": ListRule(matching: .key { $0["type"] }, owned: true),
        "devices/hostdev": ListRule(matching: .bestFit, owned: true),
        "devices/filesystem": ListRule(matching: .key { $0.child("target")?["dir"] }, owned: true),
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

    static func rule(parent: String, child: String) -> ListRule? { table["\(parent)/\(child)"] }
}

/// A read-only view of an element for key functions (keeps `XElement` itself free of plan concerns).
struct XElementView {
    let element: XElement
    subscript(_ attribute: String) -> String? { element[attribute: attribute] }
    func child(_ name: String) -> XElementView? { element.child(name).map(XElementView.init) }
}
