public import Libvirt
public import VirtsyncManifest

/// Why the host edge could not read or write: libvirt's own error, a document libvirt returned that
/// did not parse, or a state file that could not be read or written.
public enum HostError: Error, Sendable, CustomStringConvertible {
    case libvirt(LibvirtError)
    case malformedXML(object: ObjectID, message: String)
    case stateFile(path: String, message: String)
    /// An object a step or an export needs is not on the host.
    case notFound(ObjectID)
    /// Something else a step needs is not on the host (a source image outside every pool), or the host
    /// could not be read for a reason libvirt did not give.
    case missing(String)
    /// An object that could not be written out (export).
    case unwritable(object: ObjectID, message: String)

    public var description: String {
        switch self {
        case .libvirt(let error): "libvirt: \(error)"
        case .malformedXML(let object, let message): "\(object): libvirt returned XML that does not parse: \(message)"
        case .stateFile(let path, let message): "\(path): \(message)"
        case .notFound(let id): "\(id) not found on the host"
        case .missing(let what): "\(what) not found on the host"
        case .unwritable(let object, let message): "\(object): \(message)"
        }
    }
}
