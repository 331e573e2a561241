public import LibvirtXML

/// What libvirt accepts in a domain document but does not keep in its definition. Removed from the
/// desired document before comparing, or it would differ forever (a perpetual diff).
///
/// - `<channel type='unix'><source mode='bind'/>` without a path: libvirt chooses the socket path at start.
/// - `<driver name='vhost'>` on an interface whose model is not virtio: only virtio has backends.
/// - `cache='default'` on a disk driver: it is the absence of a cache mode.
public enum DroppedByLibvirt {
    public static func normalize(_ domain: XElement) -> XElement {
        guard domain.name == "domain", var devices = domain.child("devices") else { return domain }
        for index in devices.children.indices {
            var device = devices.children[index]
            switch device.name {
            case "channel" where device[attribute: "type"] == "unix":
                if let source = device.child("source"), source[attribute: "path"] == nil, source[attribute: "mode"] == "bind" {
                    device.setChild("source", nil)
                }
            case "interface":
                let model = device.child("model")?[attribute: "type"]
                if let model, !model.hasPrefix("virtio") { device.setChild("driver", nil) }
            case "disk":
                if var driver = device.child("driver"), driver[attribute: "cache"] == "default" {
                    driver[attribute: "cache"] = nil
                    device.setChild("driver", driver)
                }
            default: continue
            }
            devices.children[index] = device
        }
        var result = domain
        result.setChild("devices", devices)
        return result
    }
}
