import LibvirtXML
import Testing
import VirtsyncManifest

@testable import VirtsyncPlan

/// Graphics consoles and network interfaces in the form libvirt 9.0 keeps them.
@Suite struct DeviceRenderTests {
    typealias Graphics = DomainSpec.Graphics
    typealias Interface = DomainSpec.Interface

    @Test(
        "a fixed port turns autoport off; no port is autoport, with port -1 for VNC only",
        arguments: [
            (Graphics(type: .vnc), "<graphics type='vnc' port='-1' autoport='yes'/>"),
            (
                Graphics(type: .vnc, listen: "0.0.0.0"),
                "<graphics type='vnc' port='-1' autoport='yes' listen='0.0.0.0'/>"
            ),
            (Graphics(type: .vnc, port: 5901), "<graphics type='vnc' port='5901' autoport='no'/>"),
            (Graphics(type: .spice), "<graphics type='spice' autoport='yes'/>"),
            (
                Graphics(type: .spice, listen: "127.0.0.1", port: 5930),
                "<graphics type='spice' port='5930' autoport='no' listen='127.0.0.1'/>"
            ),
        ]
    )
    func graphicsPorts(graphics: Graphics, expected: String) {
        #expect(compact(DomainRenderer.graphics(graphics)) == expected)
    }

    @Test(
        "interfaces name their source, lower-case the MAC and keep a driver only on virtio models",
        arguments: [
            (
                Interface(source: .network("default")),
                "<interface type='network'><source network='default'/><model type='virtio'/></interface>"
            ),
            (
                Interface(source: .bridge("br0"), driver: "vhost", mac: "52:54:00:AB:CD:EF"),
                "<interface type='bridge'><mac address='52:54:00:ab:cd:ef'/><source bridge='br0'/><model type='virtio'/><driver name='vhost'/></interface>"
            ),
            (
                Interface(source: .network("lan"), model: "e1000", driver: "qemu"),
                "<interface type='network'><source network='lan'/><model type='e1000'/></interface>"
            ),
        ]
    )
    func interfaces(interface: Interface, expected: String) {
        #expect(compact(DomainRenderer.interface(interface)) == expected)
    }
}
