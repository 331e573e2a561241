public import LibvirtXML

/// What a difference in a device list does to a running domain.
public enum DeviceChange: String, Sendable, Hashable {
    /// libvirt hot-plugs an added member: the definition and the running domain change together. A
    /// member removed or changed still waits for a restart (unplugging needs the guest's cooperation).
    case live
    /// Only the definition changes; the running domain keeps its devices until it restarts.
    case pendingRestart = "pending-restart"

    /// What the reference says about it.
    public var described: String {
        switch self {
        case .live:
            "a member added to a running domain is hot-plugged (`update`); one removed or changed is `pending-restart`"
        case .pendingRestart: "a change to a running domain is `pending-restart`"
        }
    }
}

/// What rendering a device needs besides the device: the formats of the volumes declared beside it.
public struct RenderContext: Sendable {
    public var volumeFormats: [ObjectID: String]
    public init(volumeFormats: [ObjectID: String] = [:]) { self.volumeFormats = volumeFormats }
}

/// One typed list under `spec.devices`, declared once: its YAML key, the `<devices>` child it renders,
/// the key that pairs its members with libvirt's, its change class and its reference rows. Decoding,
/// validation, rendering, the planner's list rule and the docs' tables all read this declaration, so a
/// new device kind is one entry in `DomainSpec.Devices.lists` (and its item type).
public struct DeviceList: Sendable {
    /// The YAML key under `devices` (`serials`).
    public let key: String
    /// The element under `<devices>` (`serial`).
    public let element: String
    public let meaning: String
    /// How members are keyed, as the reference says it (`` `port` ``).
    public let keyText: String
    public let change: DeviceChange
    /// Owned (a host member beyond the manifest's is drift) even when the manifest leaves the list out.
    /// True only for the lists virtsync owned before declarations (disks, interfaces, graphics, and the
    /// filesystems and host devices of raw XML); a newer list is owned once a manifest names it, so
    /// upgrading never turns an unchanged manifest's plan into drift.
    public let alwaysOwned: Bool
    /// The item's own members, for the reference's table of this list.
    public let itemRows: [ReferenceRow]
    /// The key of one `<devices>` child, read the same way from the rendered and from libvirt's XML;
    /// nil pairs the member by order.
    public let xmlKey: @Sendable (XElement) -> String?
    let decode: @Sendable (Field, inout DomainSpec.Devices) -> Void
    /// Whether the manifest names the list (always, for a list that cannot be left out).
    public let isNamed: @Sendable (DomainSpec.Devices) -> Bool
    /// The list's elements, or nil when the manifest does not name the list (and it is not always owned).
    public let render: @Sendable (DomainSpec.Devices, RenderContext) -> [XElement]?
    private(set) var validate: @Sendable (DomainSpec.Devices, ValidationScope, inout Findings) -> Void

    /// A list the manifest may leave out (nil: libvirt's own members are not virtsync's business).
    init<Item: Sendable>(
        _ key: String,
        element: String,
        _ path: any WritableKeyPath<DomainSpec.Devices, [Item]?> & Sendable,
        schema: Schema<Item>,
        keyedBy keyText: String,
        xmlKey: @escaping @Sendable (XElement) -> String?,
        change: DeviceChange,
        alwaysOwned: Bool = false,
        _ meaning: String,
        xml: @escaping @Sendable (Item, RenderContext) -> XElement,
        check: @escaping @Sendable (Item, String, ValidationScope, inout Findings) -> Void = { _, _, _, _ in }
    ) {
        self.init(
            key,
            element: element,
            get: { $0[keyPath: path] },
            set: { $0[keyPath: path] = $1 },
            read: Reader.mapping(schema),
            rows: schema.rows(),
            keyedBy: keyText,
            xmlKey: xmlKey,
            change: change,
            alwaysOwned: alwaysOwned,
            meaning,
            xml: xml
        )
        let uniqueness = self.uniqueKeys
        let items: @Sendable (DomainSpec.Devices) -> [Item] = { $0[keyPath: path] ?? [] }
        let (name, field) = (key, "spec.devices.\(key)")
        self.validate = { devices, scope, findings in
            let all = items(devices)
            uniqueness(all.map { xml($0, RenderContext()) }, name, &findings)
            for (index, item) in all.enumerated() { check(item, "\(field)[\(index)]", scope, &findings) }
        }
    }

    /// A list owned whether or not the manifest names it (disks, interfaces, graphics).
    init<Item: Sendable>(
        _ key: String,
        element: String,
        _ path: any WritableKeyPath<DomainSpec.Devices, [Item]> & Sendable,
        schema: Schema<Item>,
        keyedBy keyText: String,
        xmlKey: @escaping @Sendable (XElement) -> String?,
        change: DeviceChange,
        _ meaning: String,
        xml: @escaping @Sendable (Item, RenderContext) -> XElement,
        validate: @escaping @Sendable (DomainSpec.Devices, ValidationScope, inout Findings) -> Void
    ) {
        self.init(
            key,
            element: element,
            get: { $0[keyPath: path] },
            set: { $0[keyPath: path] = $1 },
            read: Reader.mapping(schema),
            rows: schema.rows(),
            keyedBy: keyText,
            xmlKey: xmlKey,
            change: change,
            alwaysOwned: true,
            meaning,
            xml: xml
        )
        self.validate = validate
    }

    private init<Item: Sendable>(
        _ key: String,
        element: String,
        get: @escaping @Sendable (DomainSpec.Devices) -> [Item]?,
        set: @escaping @Sendable (inout DomainSpec.Devices, [Item]) -> Void,
        read: Reader<Item>,
        rows: [ReferenceRow],
        keyedBy keyText: String,
        xmlKey: @escaping @Sendable (XElement) -> String?,
        change: DeviceChange,
        alwaysOwned: Bool,
        _ meaning: String,
        xml: @escaping @Sendable (Item, RenderContext) -> XElement
    ) {
        self.key = key
        self.element = element
        self.meaning = meaning
        self.keyText = keyText
        self.change = change
        self.alwaysOwned = alwaysOwned
        self.itemRows = rows
        self.xmlKey = xmlKey
        let list = Reader.list(read)
        self.decode = { field, devices in
            if let items = list.read(field) { set(&devices, items) }
        }
        self.render = { devices, context in get(devices)?.map { xml($0, context) } }
        self.isNamed = { get($0) != nil }
        self.validate = { _, _, _ in }
    }

    /// Two members with one key would pair with one host member between them: refused.
    private var uniqueKeys: @Sendable ([XElement], String, inout Findings) -> Void {
        let xmlKey = self.xmlKey
        return { elements, name, findings in
            var seen: [String: Int] = [:]
            for (index, element) in elements.enumerated() {
                guard let value = xmlKey(element) else { continue }
                if let earlier = seen[value] {
                    findings.error(
                        "spec.devices.\(name)[\(index)]",
                        "key '\(value)' is already used by \(name)[\(earlier)]"
                    )
                } else {
                    seen[value] = index
                }
            }
        }
    }
}
