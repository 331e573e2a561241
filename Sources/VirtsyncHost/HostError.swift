public import Libvirt

/// Why the host edge could not read or write: libvirt's own error, a document libvirt returned that
/// did not parse, or a state file that could not be read or written.
public enum HostError: Error, Sendable, CustomStringConvertible {
    case libvirt(LibvirtError)
    case malformedXML(object: String, message: String)
    case stateFile(path: String, message: String)
    case notFound(String)
    /// An object that could not be written out (export).
    case unwritable(object: String, message: String)

    public var description: String {
        switch self {
        case .libvirt(let error): "libvirt: \(error)"
        case .malformedXML(let object, let message): "\(object): libvirt returned XML that does not parse: \(message)"
        case .stateFile(let path, let message): "\(path): \(message)"
        case .notFound(let what): "\(what) not found on the host"
        case .unwritable(let object, let message): "\(object): \(message)"
        }
    }
}
