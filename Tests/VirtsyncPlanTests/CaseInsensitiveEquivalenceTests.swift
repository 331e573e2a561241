import Testing
import VirtsyncPlan

/// MACs and UUIDs differ only in case between a manifest and libvirt's lower-case output.
@Suite("case-insensitive equivalence")
struct CaseInsensitiveEquivalenceTests {
    static let table: [(path: String, want: String, have: String, same: Bool)] = [
        ("devices/interface/mac@address", "52:54:00:AA:BB:CC", "52:54:00:aa:bb:cc", true),
        ("devices/interface/mac@address", "52:54:00:aa:bb:cc", "52:54:00:aa:bb:cd", false),
        ("uuid", "12345678-ABCD-1234-1234-123456789ABC", "12345678-abcd-1234-1234-123456789abc", true),
        ("uuid", "12345678-abcd-1234-1234-123456789abc", "12345678-abcd-1234-1234-123456789abd", false),
        ("ip/dhcp/host@mac", "52:54:00:0A:0B:0C", "52:54:00:0a:0b:0c", true),
        ("name", "Web1", "web1", false),
        ("devices/interface/source@bridge", "BR0", "br0", false),
    ]

    @Test("the standard rules ignore case only for MACs and UUIDs", arguments: table)
    func standardRules(row: (path: String, want: String, have: String, same: Bool)) {
        #expect(EquivalenceRules.standard.equivalent(path: row.path, want: row.want, have: row.have) == row.same)
    }

    @Test("the rule applies to MAC and UUID fields only")
    func appliesTo() {
        let rule = CaseInsensitiveEquivalence()
        #expect(rule.applies(to: "devices/interface/mac@address"))
        #expect(rule.applies(to: "uuid"))
        #expect(rule.applies(to: "ip/dhcp/host@mac"))
        #expect(!rule.applies(to: "name"))
        #expect(!rule.applies(to: "devices/disk/source@file"))
    }
}
