import Testing
import VirtsyncPlan

/// A pool directory's mode is one octal number however many leading zeros it is written with.
@Suite("octal mode equivalence")
struct OctalModeEquivalenceTests {
    static let table: [(want: String, have: String, same: Bool)] = [
        ("711", "0711", true),
        ("0711", "00711", true),
        ("0755", "755", true),
        ("0711", "0755", false),
        ("0711", "711 ", false),
        ("0o711", "0711", false),
        ("0811", "0811", true),  // equal text needs no rule
        ("0811", "811", false),  // not octal: no rule can say they agree
    ]

    @Test("the standard rules compare pool modes as octal numbers", arguments: table)
    func standardRules(row: (want: String, have: String, same: Bool)) {
        #expect(EquivalenceRules.standard.equivalent(path: "target/permissions/mode", want: row.want, have: row.have) == row.same)
    }

    @Test("modes elsewhere are compared as text")
    func onlyPermissions() {
        #expect(OctalModeEquivalence().applies(to: "target/permissions/mode"))
        #expect(!OctalModeEquivalence().applies(to: "mode"))
        #expect(!EquivalenceRules.standard.equivalent(path: "forward@mode", want: "0711", have: "711"))
    }
}
