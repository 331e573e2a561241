internal import CLibvirt

#if canImport(Glibc)
import Glibc
#endif

extension LibvirtDomain {
    /// The running domain's IP addresses from one source (`virDomainInterfaceAddresses`). Loopback
    /// addresses the agent reports are left out: they do not find a VM.
    public func interfaceAddresses(from source: InterfaceAddress.Source) throws(LibvirtError) -> [InterfaceAddress] {
        let flag =
            switch source {
            case .lease: VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE.rawValue
            case .agent: VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT.rawValue
            }
        var list: UnsafeMutablePointer<virDomainInterfacePtr?>?
        let count = try Check.status("virDomainInterfaceAddresses", virDomainInterfaceAddresses(handle, &list, flag, 0))
        defer {
            for index in 0..<Int(count) { virDomainInterfaceFree(list?[index]) }
            free(list)
        }
        var addresses: [InterfaceAddress] = []
        for index in 0..<Int(count) {
            guard let interface = list?[index]?.pointee else { continue }
            let name = interface.name.map { String(cString: $0) } ?? ""
            let mac = interface.hwaddr.map { String(cString: $0) }
            for slot in 0..<Int(interface.naddrs) {
                guard let entry = interface.addrs?[slot], let address = entry.addr.map({ String(cString: $0) }) else {
                    continue
                }
                let ipv6 = entry.type == Int32(VIR_IP_ADDR_TYPE_IPV6.rawValue)
                if address.hasPrefix("127.") || address == "::1" { continue }
                addresses.append(
                    InterfaceAddress(
                        interface: name,
                        mac: mac,
                        address: address,
                        prefix: Int(entry.prefix),
                        ipv6: ipv6,
                        source: source
                    )
                )
            }
        }
        return addresses
    }
}
