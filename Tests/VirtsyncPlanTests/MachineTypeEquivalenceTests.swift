import Testing
import VirtsyncPlan

/// `pc` and `q35` are aliases libvirt expands at define time; exact names match only themselves.
@Suite("machine type equivalence")
struct MachineTypeEquivalenceTests {
    static let table: [(want: String, have: String, same: Bool)] = [
        ("pc", "pc-i440fx-7.2", true),
        ("q35", "pc-q35-7.2", true),
        ("q35", "pc-q35-8.1", true),
        ("virt", "virt-7.2", true),
        ("pc", "pc-q35-7.2", false),
        ("q35", "pc-i440fx-7.2", false),
        ("pc-q35-7.2", "pc-q35-7.2", true),
        ("pc-i440fx-7.2", "pc-i440fx-7.2", true),
        ("pc-q35-7.2", "pc-q35-8.0", false),
        ("pc-i440fx-7.2", "pc", false),
        ("pc", "pc-i440fx-", false),
        ("pc", "pc-i440fx-7.2-custom", false),
        ("PC", "pc-i440fx-7.2", false),
    ]

    @Test("the standard rules decide machine types as the table says", arguments: table)
    func standardRules(row: (want: String, have: String, same: Bool)) {
        #expect(
            EquivalenceRules.standard.equivalent(path: "os/type@machine", want: row.want, have: row.have) == row.same
        )
    }

    @Test("the rule speaks only for the machine attribute of os/type")
    func appliesOnlyToMachine() {
        let rule = MachineTypeEquivalence()
        #expect(rule.applies(to: "os/type@machine"))
        #expect(!rule.applies(to: "os/type@arch"))
        #expect(!rule.applies(to: "devices/disk[vda]/target@bus"))
        #expect(!EquivalenceRules.standard.equivalent(path: "os/type@arch", want: "pc", have: "pc-i440fx-7.2"))
    }
}
