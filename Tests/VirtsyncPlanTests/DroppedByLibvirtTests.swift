import LibvirtXML
import Testing
import VirtsyncPlan

@Suite("What libvirt drops from a definition is not wanted")
struct DroppedByLibvirtTests {
    static let cases: [(String, String, String)] = [
        ("a unix channel's pathless bind source",
         "<channel type='unix'><source mode='bind'/><target type='virtio' name='org.qemu.guest_agent.0'/></channel>",
         "<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>"),
        ("a unix channel's source with a path stays",
         "<channel type='unix'><source mode='bind' path='/run/x.sock'/></channel>",
         "<channel type='unix'><source mode='bind' path='/run/x.sock'/></channel>"),
        ("a vhost driver on an e1000 interface",
         "<interface type='network'><source network='n'/><model type='e1000'/><driver name='vhost'/></interface>",
         "<interface type='network'><source network='n'/><model type='e1000'/></interface>"),
        ("a vhost driver on a virtio interface stays",
         "<interface type='bridge'><source bridge='br0'/><model type='virtio'/><driver name='vhost'/></interface>",
         "<interface type='bridge'><source bridge='br0'/><model type='virtio'/><driver name='vhost'/></interface>"),
        ("cache='default' on a disk driver",
         "<disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='default'/><target dev='vda'/></disk>",
         "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><target dev='vda'/></disk>"),
    ]

    @Test("libvirt's drops are removed from the desired document", arguments: cases)
    func normalizes(_ example: (String, String, String)) throws {
        let (_, device, expected) = example
        let domain = try XElement(parsing: "<domain><devices>\(device)</devices></domain>")
        let want = try XElement(parsing: "<domain><devices>\(expected)</devices></domain>")
        #expect(DroppedByLibvirt.normalize(domain) == want)
    }
}
