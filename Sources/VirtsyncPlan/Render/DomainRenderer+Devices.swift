import LibvirtXML
import VirtsyncManifest

extension DomainRenderer {
    /// `<devices>`: the emulator, then every declared list (`DomainSpec.Devices.lists`) in libvirt's order.
    static func devices(_ devices: DomainSpec.Devices, volumeFormats: [ObjectID: String]) -> XElement {
        var element = XElement("devices")
        element.append(devices.emulator.map { XElement("emulator", text: $0) })
        let context = RenderContext(volumeFormats: volumeFormats)
        for list in DomainSpec.Devices.lists { element.children += list.render(devices, context) ?? [] }
        return element
    }

    /// One disk, as `devices` renders it (the declaration's rendering, named for the tests).
    static func disk(_ disk: DomainSpec.Disk, volumeFormats: [ObjectID: String] = [:]) -> XElement {
        disk.xml(volumeFormats: volumeFormats)
    }

    static func interface(_ interface: DomainSpec.Interface) -> XElement { interface.xml }

    static func graphics(_ graphics: DomainSpec.Graphics) -> XElement { graphics.xml }
}
