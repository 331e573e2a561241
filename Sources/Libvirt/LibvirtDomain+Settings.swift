internal import CLibvirt

extension LibvirtDomain {
    /// Sets, or with nil removes, the custom metadata element of a namespace (`virDomainSetMetadata`
    /// with `VIR_DOMAIN_METADATA_ELEMENT`). `key` is the XML prefix libvirt writes the element with.
    public func setMetadata(
        _ xml: String?,
        key: String,
        namespace: String,
        affect: DomainAffect
    ) throws(LibvirtError) {
        let type = Int32(VIR_DOMAIN_METADATA_ELEMENT.rawValue)
        try connection.write("virDomainSetMetadata") {
            virDomainSetMetadata(handle, type, xml, key, namespace, affect.domainFlags)
        }
    }

    /// The custom metadata element of a namespace, or nil when there is none (`virDomainGetMetadata`).
    public func metadata(namespace: String, affect: DomainAffect) throws(LibvirtError) -> String? {
        let type = Int32(VIR_DOMAIN_METADATA_ELEMENT.rawValue)
        do {
            return try Check.string(
                "virDomainGetMetadata",
                virDomainGetMetadata(handle, type, namespace, affect.domainFlags)
            )
        } catch  where error.isNoMetadata {
            return nil
        }
    }

    /// Sets the current memory (balloon) size (`virDomainSetMemoryFlags`).
    public func setMemory(kibibytes: UInt64, affect: DomainAffect) throws(LibvirtError) {
        try connection.write("virDomainSetMemoryFlags") {
            virDomainSetMemoryFlags(handle, UInt(kibibytes), affect.domainFlags)
        }
    }

    /// Sets the number of virtual CPUs (`virDomainSetVcpusFlags`).
    public func setVcpus(_ count: Int, affect: DomainAffect) throws(LibvirtError) {
        try connection.write("virDomainSetVcpusFlags") {
            virDomainSetVcpusFlags(handle, UInt32(clamping: count), affect.domainFlags)
        }
    }

    /// Grows a disk of the running domain, named by target (`vda`) or source path
    /// (`virDomainBlockResize` with `VIR_DOMAIN_BLOCK_RESIZE_BYTES`).
    public func blockResize(disk: String, bytes: UInt64) throws(LibvirtError) {
        try connection.write("virDomainBlockResize") {
            virDomainBlockResize(handle, disk, bytes, VIR_DOMAIN_BLOCK_RESIZE_BYTES.rawValue)
        }
    }

    /// Hot-plugs a device described by its XML (`virDomainAttachDeviceFlags`).
    public func attachDevice(xml: String, affect: DomainAffect) throws(LibvirtError) {
        try connection.write("virDomainAttachDeviceFlags") {
            virDomainAttachDeviceFlags(handle, xml, affect.domainFlags)
        }
    }
}
