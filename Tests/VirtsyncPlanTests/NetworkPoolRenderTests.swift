import LibvirtXML
import Testing
import VirtsyncManifest

@testable import VirtsyncPlan

/// Network and pool details that libvirt writes its own way.
@Suite struct NetworkPoolRenderTests {
    @Test(
        "forward writes dev before mode, and NAT ports only under mode nat",
        arguments: [
            (NetworkSpec.Forward(mode: .nat), "<forward mode='nat'/>"),
            (
                NetworkSpec.Forward(mode: .nat, dev: "eth0", natPorts: 1024...65535),
                "<forward dev='eth0' mode='nat'><nat><port start='1024' end='65535'/></nat></forward>"
            ),
            (NetworkSpec.Forward(mode: .route, natPorts: 1...2), "<forward mode='route'/>"),
            (NetworkSpec.Forward(mode: .open), "<forward mode='open'/>"),
        ]
    )
    func forward(forward: NetworkSpec.Forward, expected: String) {
        #expect(compact(NetworkRenderer.forward(forward)) == expected)
    }

    @Test("an isolated network has no forward element")
    func isolated() {
        #expect(NetworkRenderer.render(name: "iso", NetworkSpec()).child("forward") == nil)
    }

    @Test("stp is written on/off", arguments: [(true, "on"), (false, "off")])
    func stp(stp: Bool, expected: String) {
        #expect(NetworkRenderer.bridge(.init(stp: stp))[attribute: "stp"] == expected)
    }

    @Test(
        "pool modes are written as libvirt prints them, four octal digits",
        arguments: [("0711", "0711"), ("711", "0711"), ("755", "0755"), ("02770", "2770"), ("rwx", "rwx")]
    )
    func octalMode(mode: String, expected: String) {
        #expect(StoragePoolRenderer.octalMode(mode) == expected)
    }

    @Test("permissions hold only the children that are set, and vanish when none is")
    func permissions() {
        #expect(StoragePoolRenderer.permissions(.init()) == nil)
        #expect(
            compact(StoragePoolRenderer.permissions(.init(owner: 107))!)
                == "<permissions><owner>107</owner></permissions>"
        )
    }
}
