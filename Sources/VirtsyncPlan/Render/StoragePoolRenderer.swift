public import LibvirtXML
public import VirtsyncManifest

/// Renders a `StoragePool` manifest as libvirt's `<pool>` document (seed 3.3 `pool-define-as --type dir`).
///
/// Capacity, allocation and the empty `<source/>` that libvirt reports are facts of the host, not of the
/// manifest, and are not rendered.
public enum StoragePoolRenderer {
    /// The `<pool>` document for a pool named `name`.
    public static func render(name: String, _ spec: StoragePoolSpec) -> XElement {
        var target = XElement("target", children: [XElement("path", text: spec.targetPath)])
        target.append(spec.permissions.flatMap(permissions))
        var pool = XElement("pool", ["type": spec.type.rawValue])
        pool.append(XElement("name", text: name), spec.uuid.map { XElement("uuid", text: $0) }, target)
        return pool
    }

    /// `<permissions>` with only the children the manifest sets; nil when it sets none.
    static func permissions(_ permissions: StoragePoolSpec.Permissions) -> XElement? {
        var element = XElement("permissions")
        element.append(
            permissions.mode.map { XElement("mode", text: octalMode($0)) },
            permissions.owner.map { XElement("owner", text: String($0)) },
            permissions.group.map { XElement("group", text: String($0)) }
        )
        return element.children.isEmpty ? nil : element
    }

    /// libvirt prints a mode as four octal digits (`%04o`), so `711` and `0711` both become `0711`.
    /// Text that is not octal is left as written for libvirt to refuse with its own message.
    static func octalMode(_ mode: String) -> String {
        guard let value = Int(mode, radix: 8), value >= 0 else { return mode }
        let digits = String(value, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
