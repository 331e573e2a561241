import Libvirt
import VirtsyncHost
import VirtsyncManifest
import VirtsyncReport

extension Reconciler {
    /// Puts each running managed domain's IP addresses (DHCP leases, guest agent) into the status, so
    /// `virtsync status`, the status file and the metric tell an operator where the VM is.
    func recordAddresses() {
        let domains = status.objects.map(\.id).filter { $0.kind == .domain }
        let found = AddressReader(connection: session.connection).addresses(of: domains)
        for index in status.objects.indices where status.objects[index].id.kind == .domain {
            status.objects[index].addresses = found[status.objects[index].id]?.map { address in
                AddressStatus(
                    source: address.source.rawValue,
                    interface: address.interface,
                    mac: address.mac,
                    address: address.address,
                    prefix: address.prefix
                )
            }
        }
    }
}
