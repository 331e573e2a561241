internal import CLibvirt

/// libvirt's `virErrorNumber` (`VIR_ERR_*` in `virterror.h`): what went wrong, by number.
///
/// The names virtsync acts on or tests for, in one place; each takes its value from libvirt's own
/// header, so none is a number copied by hand. A code without a name here still compares by
/// `rawValue`.
public struct LibvirtErrorCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    init(_ number: virErrorNumber) { rawValue = Int32(number.rawValue) }

    /// Not libvirt's: the call failed but libvirt set no error.
    public static let unset = LibvirtErrorCode(rawValue: -1)
    /// `VIR_ERR_INTERNAL_ERROR` (1).
    public static let internalError = LibvirtErrorCode(VIR_ERR_INTERNAL_ERROR)
    /// `VIR_ERR_NO_SUPPORT` (3): the driver does not implement the call.
    public static let noSupport = LibvirtErrorCode(VIR_ERR_NO_SUPPORT)
    /// `VIR_ERR_NO_CONNECT` (5): no driver accepts the URI, or the hypervisor is unreachable.
    public static let noConnect = LibvirtErrorCode(VIR_ERR_NO_CONNECT)
    /// `VIR_ERR_INVALID_ARG` (8): drivers also answer flags they do not implement with it.
    public static let invalidArgument = LibvirtErrorCode(VIR_ERR_INVALID_ARG)
    /// `VIR_ERR_OPERATION_FAILED` (9).
    public static let operationFailed = LibvirtErrorCode(VIR_ERR_OPERATION_FAILED)
    /// `VIR_ERR_DOM_EXIST` (28): the domain already exists.
    public static let domainExists = LibvirtErrorCode(VIR_ERR_DOM_EXIST)
    /// `VIR_ERR_XML_DETAIL` (35): an XML document that does not parse.
    public static let xmlDetail = LibvirtErrorCode(VIR_ERR_XML_DETAIL)
    /// `VIR_ERR_NETWORK_EXIST` (37): the network already exists.
    public static let networkExists = LibvirtErrorCode(VIR_ERR_NETWORK_EXIST)
    /// `VIR_ERR_NO_DOMAIN` (42): no such domain.
    public static let noDomain = LibvirtErrorCode(VIR_ERR_NO_DOMAIN)
    /// `VIR_ERR_NO_NETWORK` (43): no such network.
    public static let noNetwork = LibvirtErrorCode(VIR_ERR_NO_NETWORK)
    /// `VIR_ERR_NO_STORAGE_POOL` (49): no such storage pool.
    public static let noStoragePool = LibvirtErrorCode(VIR_ERR_NO_STORAGE_POOL)
    /// `VIR_ERR_NO_STORAGE_VOL` (50): no such storage volume.
    public static let noStorageVolume = LibvirtErrorCode(VIR_ERR_NO_STORAGE_VOL)
    /// `VIR_ERR_OPERATION_INVALID` (55): not applicable in the object's current state.
    public static let operationInvalid = LibvirtErrorCode(VIR_ERR_OPERATION_INVALID)
    /// `VIR_ERR_NO_DOMAIN_METADATA` (80): the domain has no metadata element for the namespace asked.
    public static let noDomainMetadata = LibvirtErrorCode(VIR_ERR_NO_DOMAIN_METADATA)
    /// `VIR_ERR_STORAGE_VOL_EXIST` (90): the storage volume already exists.
    public static let storageVolumeExists = LibvirtErrorCode(VIR_ERR_STORAGE_VOL_EXIST)
    /// `VIR_ERR_XML_INVALID_SCHEMA` (92): a document that breaks libvirt's RelaxNG schema.
    public static let xmlInvalidSchema = LibvirtErrorCode(VIR_ERR_XML_INVALID_SCHEMA)

    /// The number, as libvirt's messages and `virsh` print it.
    public var description: String { String(rawValue) }
}

/// libvirt's `virErrorDomain` (`VIR_FROM_*` in `virterror.h`): the subsystem that raised an error.
public struct LibvirtErrorDomain: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    init(_ number: virErrorDomain) { rawValue = Int32(number.rawValue) }

    /// Not libvirt's: the call failed but libvirt set no error.
    public static let unset = LibvirtErrorDomain(rawValue: -1)
    /// `VIR_FROM_QEMU` (10): the QEMU driver.
    public static let qemu = LibvirtErrorDomain(VIR_FROM_QEMU)
    /// `VIR_FROM_STORAGE` (18): the storage driver.
    public static let storage = LibvirtErrorDomain(VIR_FROM_STORAGE)
    /// `VIR_FROM_EVENT` (40): the event loop.
    public static let event = LibvirtErrorDomain(VIR_FROM_EVENT)

    /// The number, as libvirt's messages print it.
    public var description: String { String(rawValue) }
}
