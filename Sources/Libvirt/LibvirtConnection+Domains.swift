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

    /// Defines (or redefines) a persistent domain (`virDomainDefineXMLFlags`). With `validate`, libvirtd
    /// checks the XML against its schema first (`VIR_DOMAIN_DEFINE_VALIDATE`), parsing the schema again on
    /// every call (about 6 ms); virtsync checks offline instead (VirtsyncSchema) and leaves it off.
    public func defineDomain(xml: String, validate: Bool = false) throws(LibvirtError) -> LibvirtDomain {
        let flags = validate ? VIR_DOMAIN_DEFINE_VALIDATE.rawValue : 0
        let domain = try writeHandle("virDomainDefineXMLFlags") { virDomainDefineXMLFlags(handle, xml, flags) }
        return LibvirtDomain(adopting: domain, connection: self)
    }
}
