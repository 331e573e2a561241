public import LibvirtXML

/// A domain document saved from a running VM (`virsh dumpxml` without `--inactive`, recognised by the
/// `id` on its root) carries what the QEMU driver set at start, not configuration: libvirt's parser drops
/// some of it (the `id`, a cdrom's tray, channel states, aliases), and these are left to this rule:
///
/// - `currentMemory`: the balloon's size at that moment, not the configured one;
/// - `resource/partition` `/machine`: the cgroup partition every VM gets by default;
/// - a `dynamic` `seclabel` without labels: the security driver's default;
/// - `cpu@check='full'` and the `cpu/feature` members QEMU reported for the model it ran;
/// - a graphics `listen` address the host's qemu.conf filled in.
///
/// Each is taken as the host's only when the host's definition lacks it, or (memory) when the document is
/// such a read-back at all; a document without the `id` is compared as written.
public enum RunningStateEquivalence {
    /// Whether `document`, as the manifest has it, was read from a running domain.
    public static func isReadBack(_ document: XElement) -> Bool {
        document.name == "domain" && document[attribute: "id"] != nil
    }

    /// `want` without the runtime values `have` (the persistent definition) does not carry.
    public static func adjust(want: XElement, have: XElement) -> XElement {
        var result = want
        if let current = have.child("currentMemory"), want.child("currentMemory") != nil {
            result.setChild("currentMemory", current)
        }
        if have.child("resource") == nil,
            let resource = want.child("resource"), resource.children.map(\.name) == ["partition"],
            resource.child("partition")?.text == "/machine"
        {
            result.setChild("resource", nil)
        }
        if have.children("seclabel").isEmpty {
            result.children.removeAll { $0.name == "seclabel" && isDefaultLabel($0) }
        }
        if let cpu = want.child("cpu") { result.setChild("cpu", adjustCPU(cpu, have: have.child("cpu"))) }
        if var devices = result.child("devices") {
            devices.children = devices.children.map { device in
                device.name == "graphics" ? adjustGraphics(device, have: have.child("devices")) : device
            }
            result.setChild("devices", devices)
        }
        return result
    }

    static func isDefaultLabel(_ label: XElement) -> Bool {
        label[attribute: "type"] == "dynamic"
            && label.children.allSatisfy { $0.name != "label" && $0.name != "baselabel" }
    }

    static func adjustCPU(_ cpu: XElement, have: XElement?) -> XElement {
        guard cpu[attribute: "check"] == "full", have?[attribute: "check"] != "full" else { return cpu }
        var result = cpu
        result[attribute: "check"] = nil
        let configured = Set(have?.children("feature").compactMap { $0[attribute: "name"] } ?? [])
        result.children.removeAll { $0.name == "feature" && !configured.contains($0[attribute: "name"] ?? "") }
        return result
    }

    static func adjustGraphics(_ graphics: XElement, have devices: XElement?) -> XElement {
        let configured = devices?.children("graphics").first { $0[attribute: "type"] == graphics[attribute: "type"] }
        guard let configured, configured[attribute: "listen"] == nil else { return graphics }
        var result = graphics
        result[attribute: "listen"] = nil
        result.children = result.children.map { child in
            guard child.name == "listen", configured.child("listen")?[attribute: "address"] == nil else { return child }
            var listen = child
            listen[attribute: "address"] = nil
            return listen
        }
        return result
    }
}
