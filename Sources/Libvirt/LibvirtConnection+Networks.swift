internal import CLibvirt

extension LibvirtConnection {
    /// The networks, in one call (`virConnectListAllNetworks`): all when `activeOnly` is nil,
    /// else only the active (true) or only the inactive (false) ones.
    public func listNetworks(activeOnly: Bool? = nil) throws(LibvirtError) -> [LibvirtNetwork] {
        let flags: UInt32 =
            switch activeOnly {
            case nil: 0
            case true?: VIR_CONNECT_LIST_NETWORKS_ACTIVE.rawValue
            case false?: VIR_CONNECT_LIST_NETWORKS_INACTIVE.rawValue
            }
        return try CString.adoptHandles("virConnectListAllNetworks") { virConnectListAllNetworks(handle, $0, flags) }
            .map { LibvirtNetwork(adopting: $0, connection: self) }
    }

    /// The network with this name, or nil when there is none (`virNetworkLookupByName`).
    public func lookupNetwork(name: String) throws(LibvirtError) -> LibvirtNetwork? {
        try lookup { () throws(LibvirtError) in
            let network = try Check.handle("virNetworkLookupByName", virNetworkLookupByName(handle, name))
            return LibvirtNetwork(adopting: network, connection: self)
        }
    }

    /// Defines (or redefines) a persistent network (`virNetworkDefineXMLFlags`); with `validate`, libvirtd
    /// checks the XML against its schema first (`VIR_NETWORK_DEFINE_VALIDATE`).
    public func defineNetwork(xml: String, validate: Bool = false) throws(LibvirtError) -> LibvirtNetwork {
        let flags = validate ? VIR_NETWORK_DEFINE_VALIDATE.rawValue : 0
        let network = try writeHandle("virNetworkDefineXMLFlags") { virNetworkDefineXMLFlags(handle, xml, flags) }
        return LibvirtNetwork(adopting: network, connection: self)
    }
}
