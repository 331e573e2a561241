/// A failed libvirt call: which C function failed and libvirt's own account of why.
///
/// Built only by the error funnel (`Check`), from `virGetLastError()` read on the failing thread
/// right after the call, so `message` is libvirt's text, not a paraphrase.
public struct LibvirtError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The C function that failed, e.g. `"virDomainDefineXMLFlags"`.
    public var operation: String
    /// libvirt's `virErrorNumber` (`VIR_ERR_*`); `.unset` when libvirt set no error.
    public var code: LibvirtErrorCode
    /// libvirt's `virErrorDomain` (`VIR_FROM_*`): the subsystem that raised the error.
    public var domain: LibvirtErrorDomain
    /// libvirt's own message.
    public var message: String

    /// Creates an error; the funnel fills it from `virGetLastError()`.
    public init(operation: String, code: LibvirtErrorCode, domain: LibvirtErrorDomain, message: String) {
        self.operation = operation
        self.code = code
        self.domain = domain
        self.message = message
    }

    /// Whether the object looked for does not exist (no such domain, network, storage pool or volume).
    public var isNotFound: Bool {
        Self.notFoundCodes.contains(code)
    }

    /// `"<message> (<operation>, code <code>, domain <domain>)"`.
    public var description: String {
        "\(message) (\(operation), code \(code), domain \(domain))"
    }

    private static let notFoundCodes: Set<LibvirtErrorCode> = [.noDomain, .noNetwork, .noStoragePool, .noStorageVolume]
}

extension LibvirtError {
    /// Whether the error says a domain has no metadata element for the namespace asked about.
    var isNoMetadata: Bool {
        code == .noDomainMetadata
    }
}
