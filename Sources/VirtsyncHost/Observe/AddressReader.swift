public import Libvirt

/// Where a running domain can be reached: the DHCP leases of its libvirt networks, and what its QEMU
/// guest agent reports when one answers. Errors are expected here (no agent configured, agent not up
/// yet, a domain that stopped meanwhile) and mean "nothing known from that source", never a failure.
public struct AddressReader: Sendable {
    let connection: LibvirtConnection

    public init(connection: LibvirtConnection) { self.connection = connection }

    /// Addresses by domain name, for the named domains that are running; leases first, then the
    /// agent's addresses that the leases did not already give.
    public func addresses(ofDomains names: [String]) -> [String: [InterfaceAddress]] {
        var result: [String: [InterfaceAddress]] = [:]
        for name in names {
            guard let domain = try? connection.lookupDomain(name: name), (try? domain.isActive()) == true else { continue }
            let leases = (try? domain.interfaceAddresses(from: .lease)) ?? []
            let known = Set(leases.map(\.address))
            let agent = ((try? domain.interfaceAddresses(from: .agent)) ?? []).filter { !known.contains($0.address) }
            let all = leases + agent
            if !all.isEmpty { result[name] = all }
        }
        return result
    }
}
