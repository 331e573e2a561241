public import Libvirt
public import VirtsyncManifest

/// Where a running domain can be reached: the DHCP leases of its libvirt networks, and what its QEMU
/// guest agent reports when one answers. Errors are expected here (no agent configured, agent not up
/// yet, a domain that stopped meanwhile) and mean "nothing known from that source", never a failure.
public struct AddressReader: Sendable {
    let connection: LibvirtConnection

    public init(connection: LibvirtConnection) { self.connection = connection }

    /// Addresses of the given domains that are running (other kinds are skipped); leases first, then
    /// the agent's addresses that the leases did not already give.
    public func addresses(of domains: [ObjectID]) -> [ObjectID: [InterfaceAddress]] {
        var result: [ObjectID: [InterfaceAddress]] = [:]
        // libvirt's test driver invents its addresses, and its virDomainInterfaceAddresses dereferences the
        // network's first <ip> without checking there is one: a domain on a network without an address
        // crashes the process (libvirt 9.0 test_driver.c). Nothing true is lost by not asking it.
        guard !connection.uri.hasPrefix("test:") else { return result }
        for id in domains where id.kind == .domain {
            guard let domain = try? connection.lookupDomain(name: id.name), (try? domain.isActive()) == true else {
                continue
            }
            let leases = (try? domain.interfaceAddresses(from: .lease)) ?? []
            let known = Set(leases.map(\.address))
            let agent = ((try? domain.interfaceAddresses(from: .agent)) ?? []).filter { !known.contains($0.address) }
            let all = leases + agent
            if !all.isEmpty { result[id] = all }
        }
        return result
    }
}
