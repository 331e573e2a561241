import LibvirtXML
import VirtsyncManifest

extension DomainRenderer {
    /// `<devices>`: the emulator, then disks, interfaces and graphics, libvirt's order of device kinds.
    static func devices(_ devices: DomainSpec.Devices, volumeFormats: [ObjectID: String]) -> XElement {
        var element = XElement("devices")
        element.append(devices.emulator.map { XElement("emulator", text: $0) })
        element.children += devices.disks.map { disk($0, volumeFormats: volumeFormats) }
        element.children += devices.interfaces.map(interface)
        element.children += devices.graphics.map(graphics)
        return element
    }

    /// A `<disk>`: `type='volume'` for a pool volume, `type='file'` for a path or an empty CD-ROM drive.
    /// CD-ROMs are read-only in libvirt whatever the manifest says, so they always get `<readonly/>`.
    static func disk(_ disk: DomainSpec.Disk, volumeFormats: [ObjectID: String] = [:]) -> XElement {
        let isVolume = if case .volume = disk.source { true } else { false }
        var element = XElement("disk", ["type": isVolume ? "volume" : "file", "device": disk.device.rawValue])
        element.append(
            XElement(
                "driver",
                [
                    "name": "qemu", "type": driverType(disk, volumeFormats: volumeFormats),
                    "cache": disk.cache.flatMap(cacheMode), "io": disk.io?.rawValue,
                ]),
            source(disk.source),
            XElement("target", ["dev": disk.target, "bus": disk.bus.rawValue]),
            disk.device == .cdrom || disk.readonly ? XElement("readonly") : nil)
        return element
    }

    /// The driver type: the manifest's format, else `raw` for a CD-ROM, the declared volume's format for
    /// a volume (none when the volume is not declared: the planner knows it from the host), `qcow2` for a path.
    static func driverType(_ disk: DomainSpec.Disk, volumeFormats: [ObjectID: String]) -> String? {
        if let format = disk.format { return format }
        if disk.device == .cdrom { return "raw" }
        switch disk.source {
        case .volume(let pool, let name): return volumeFormats[ObjectID(.volume, name, pool: pool)]
        case .path, .empty: return "qcow2"
        }
    }

    /// libvirt stores `cache='default'` as "not set" and never writes it back, so it is not rendered.
    static func cacheMode(_ cache: DomainSpec.Disk.Cache) -> String? {
        cache == .hypervisorDefault ? nil : cache.rawValue
    }

    static func source(_ source: DomainSpec.Disk.Source) -> XElement? {
        switch source {
        case .volume(let pool, let name): XElement("source", ["pool": pool, "volume": name])
        case .path(let path): XElement("source", ["file": path])
        case .empty: nil
        }
    }

    /// An `<interface>` on a libvirt network or a host bridge; libvirt prints MACs in lower case.
    static func interface(_ interface: DomainSpec.Interface) -> XElement {
        let (type, source): (String, XElement) =
            switch interface.source {
            case .network(let name): ("network", XElement("source", ["network": name]))
            case .bridge(let name): ("bridge", XElement("source", ["bridge": name]))
            }
        var element = XElement("interface", ["type": type])
        element.append(
            interface.mac.map { XElement("mac", ["address": $0.lowercased()]) },
            source,
            XElement("model", ["type": interface.model]),
            virtioModels.contains(interface.model) ? interface.driver.map { XElement("driver", ["name": $0]) } : nil)
        return element
    }

    /// libvirt reads `<driver name=>` only for virtio models and silently drops it for others (`e1000`),
    /// so rendering it there would be a difference no define could ever remove.
    static let virtioModels: Set<String> = ["virtio", "virtio-transitional", "virtio-non-transitional"]

    /// A `<graphics>` console: a fixed port turns autoport off. Without a port, VNC is kept by libvirt
    /// as `port='-1' autoport='yes'` and SPICE as `autoport='yes'` alone.
    static func graphics(_ graphics: DomainSpec.Graphics) -> XElement {
        let autoPort: String? = graphics.type == .vnc ? "-1" : nil
        return XElement(
            "graphics",
            [
                "type": graphics.type.rawValue, "port": graphics.port.map(String.init) ?? autoPort,
                "autoport": graphics.port == nil ? "yes" : "no", "listen": graphics.listen,
            ])
    }
}
