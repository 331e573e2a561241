internal import CLibvirt

extension LibvirtConnection {
    /// The domains that pass the filter, in one call (`virConnectListAllDomains`).
    public func listDomains(_ filter: DomainListFilter = []) throws(LibvirtError) -> [LibvirtDomain] {
        try CString.adoptHandles("virConnectListAllDomains") { virConnectListAllDomains(handle, $0, filter.rawValue) }
            .map { LibvirtDomain(adopting: $0, connection: self) }
    }

    /// The domain with this name, or nil when there is none (`virDomainLookupByName`).
    public func lookupDomain(name: String) throws(LibvirtError) -> LibvirtDomain? {
        try lookup { () throws(LibvirtError) in
            let domain = try Check.handle("virDomainLookupByName", virDomainLookupByName(handle, name))
            return LibvirtDomain(adopting: domain, connection: self)
        }
    }

    /// Defines (or redefines) a persistent domain, validating the XML against libvirt's schema
    /// (`virDomainDefineXMLFlags` with `VIR_DOMAIN_DEFINE_VALIDATE`).
    public func defineDomain(xml: String) throws(LibvirtError) -> LibvirtDomain {
        let domain = try writeHandle("virDomainDefineXMLFlags") {
            virDomainDefineXMLFlags(handle, xml, VIR_DOMAIN_DEFINE_VALIDATE.rawValue)
        }
        return LibvirtDomain(adopting: domain, connection: self)
    }
}
