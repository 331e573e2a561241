import LibvirtXML

/// Device addresses that stop being valid after a merge, dropped so libvirt assigns new ones.
///
/// A disk moved to another bus keeps a PCI address its new bus cannot use, and a machine type of another
/// family (`pc` ↔ `q35`) has another PCI topology, so its controllers and every address go. Without this,
/// a redefine after such a change would fail in libvirt.
enum DeviceAddressReset {
    static func apply(want: XElement, have: XElement, merged: inout XElement, rules: EquivalenceRules) {
        let wantMachine = want.descendant("os/type")?[attribute: "machine"]
        let haveMachine = have.descendant("os/type")?[attribute: "machine"]
        if let wantMachine, let haveMachine,
            !rules.equivalent(path: "os/type@machine", want: wantMachine, have: haveMachine),
            family(of: wantMachine) != family(of: haveMachine)
        {
            resetAll(&merged)
            return
        }
        resetMovedDisks(have: have, merged: &merged)
    }

    static func family(of machine: String) -> String {
        if machine == "q35" || machine.hasPrefix("pc-q35") { return "q35" }
        if machine == "pc" || machine.hasPrefix("pc-i440fx") || machine.hasPrefix("pc-") { return "pc" }
        return machine
    }

    private static func resetAll(_ domain: inout XElement) {
        guard var devices = domain.child("devices") else { return }
        devices.children.removeAll { $0.name == "controller" }
        for index in devices.children.indices { devices.children[index].children.removeAll { $0.name == "address" } }
        domain.setChild("devices", devices)
    }

    private static func resetMovedDisks(have: XElement, merged: inout XElement) {
        guard var devices = merged.child("devices") else { return }
        let oldBus = Dictionary(
            have.child("devices")?.children("disk").compactMap { disk in
                disk.child("target").flatMap { target in target[attribute: "dev"].map { ($0, target[attribute: "bus"]) }
                }
            } ?? [],
            uniquingKeysWith: { first, _ in first }
        )
        for index in devices.children.indices where devices.children[index].name == "disk" {
            guard let target = devices.children[index].child("target"), let dev = target[attribute: "dev"],
                let previous = oldBus[dev], previous != target[attribute: "bus"]
            else { continue }
            devices.children[index].children.removeAll { $0.name == "address" }
        }
        merged.setChild("devices", devices)
    }
}
