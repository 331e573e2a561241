import Foundation
import LibvirtXML

/// The `virNetworkUpdate` calls that turn one network's DHCP hosts into another's without a restart.
enum DHCPHostDiff {
    static func operations(want: XElement, have: XElement, comparator: XMLComparator) -> [Operation] {
        var deletions: [Operation] = []
        var additions: [Operation] = []
        for ip in want.children("ip") {
            let current = have.children("ip").first { $0[attribute: "address"] == ip[attribute: "address"] }
            let wanted = ip.child("dhcp")?.children("host") ?? []
            let existing = current?.child("dhcp")?.children("host") ?? []
            for host in existing where !wanted.contains(where: { comparator.matches(want: $0, have: host) }) {
                deletions.append(.updateDHCPHost(add: false, xml: line(host)))
            }
            for host in wanted where !existing.contains(where: { comparator.matches(want: host, have: $0) }) {
                additions.append(.updateDHCPHost(add: true, xml: line(host)))
            }
        }
        return deletions + additions
    }

    private static func line(_ element: XElement) -> String {
        element.xmlString().trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
