public import VirtsyncManifest

/// Why one object's step did not apply: the object, the operation that failed, libvirt's own code and
/// domain when libvirt raised it, and the text to show.
///
/// Made where the step fails (the host edge), carried as a value through the reports, and turned into
/// text only at their edge (journald's `VIRTSYNC_ERROR`, the status file's `error`, the command line).
public struct ApplyFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// A libvirt error's numbers. Kept as libvirt's raw `virErrorNumber` and `virErrorDomain` so this
    /// pure module needs no libvirt; `VirtsyncHost` names them (`LibvirtErrorCode`).
    public struct LibvirtCause: Sendable, Hashable {
        /// The C function that failed, e.g. `virDomainCreate`.
        public var function: String
        /// `virErrorNumber` (`VIR_ERR_*`).
        public var code: Int32
        /// `virErrorDomain` (`VIR_FROM_*`).
        public var domain: Int32

        public init(function: String, code: Int32, domain: Int32) {
            self.function = function
            self.code = code
            self.domain = domain
        }
    }

    public var object: ObjectID
    /// The operation that failed; nil when the step failed before any ran (refused, or a failure
    /// outside the step's operations such as a rollback).
    public var operation: Operation?
    /// libvirt's error, when libvirt raised the failure.
    public var libvirt: LibvirtCause?
    /// The whole account, as reported: libvirt's message with its function, code and domain, or the
    /// host edge's own text.
    public var message: String

    public init(object: ObjectID, operation: Operation? = nil, libvirt: LibvirtCause? = nil, message: String) {
        self.object = object
        self.operation = operation
        self.libvirt = libvirt
        self.message = message
    }

    /// `message`: the object is said by whoever shows it.
    public var description: String { message }
}
