internal import CLibvirt

extension LibvirtNetwork {
    /// What `updateDHCPHost(_:hostXML:affect:)` does with a `<host>` entry.
    public enum DHCPHostUpdate: Sendable {
        /// Appends the entry.
        case add
        /// Removes the entry matching its MAC address (or name).
        case delete
        /// Replaces the entry matching its MAC address (or name).
        case modify

        var command: UInt32 {
            switch self {
            case .add: VIR_NETWORK_UPDATE_COMMAND_ADD_LAST.rawValue
            case .delete: VIR_NETWORK_UPDATE_COMMAND_DELETE.rawValue
            case .modify: VIR_NETWORK_UPDATE_COMMAND_MODIFY.rawValue
            }
        }
    }

    /// Changes one static DHCP host entry of the network's first `<ip>` element without restarting
    /// it (`virNetworkUpdate`, section `VIR_NETWORK_SECTION_IP_DHCP_HOST`, parent index -1).
    /// `hostXML` is one element, e.g. `<host mac='52:54:00:00:00:01' ip='192.168.122.10'/>`.
    public func updateDHCPHost(_ command: DHCPHostUpdate, hostXML: String, affect: DomainAffect) throws(LibvirtError) {
        let section = VIR_NETWORK_SECTION_IP_DHCP_HOST.rawValue
        try connection.write("virNetworkUpdate") {
            virNetworkUpdate(handle, command.command, section, -1, hostXML, affect.networkUpdateFlags)
        }
    }
}
