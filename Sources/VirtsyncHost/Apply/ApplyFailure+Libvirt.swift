public import Libvirt
public import VirtsyncManifest
public import VirtsyncPlan

extension ApplyFailure {
    /// The failure of `operation` (nil: before any ran) of `object`'s step: its text as the error
    /// describes itself, and libvirt's numbers when libvirt raised it, directly or through `HostError`.
    public init(object: ObjectID, operation: Operation?, error: any Error) {
        self.init(
            object: object,
            operation: operation,
            libvirt: Self.libvirtError(in: error).map { LibvirtCause($0) },
            message: "\(error)"
        )
    }

    /// libvirt's error code, named; nil when libvirt did not raise the failure.
    public var libvirtCode: LibvirtErrorCode? { libvirt.map { LibvirtErrorCode(rawValue: $0.code) } }

    /// libvirt's error domain, named; nil when libvirt did not raise the failure.
    public var libvirtDomain: LibvirtErrorDomain? { libvirt.map { LibvirtErrorDomain(rawValue: $0.domain) } }

    static func libvirtError(in error: any Error) -> LibvirtError? {
        if let error = error as? LibvirtError { return error }
        if case HostError.libvirt(let inner) = error { return inner }
        return nil
    }
}

extension ApplyFailure.LibvirtCause {
    /// The numbers of a libvirt error.
    public init(_ error: LibvirtError) {
        self.init(function: error.operation, code: error.code.rawValue, domain: error.domain.rawValue)
    }
}
