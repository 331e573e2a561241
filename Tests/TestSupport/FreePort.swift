import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// TCP ports on 127.0.0.1, for the servers and agents a test starts.
public enum FreePort {
    /// A port nothing listens on right now: the kernel's pick for a socket bound to port 0, then released.
    public static func next() throws -> Int { try PortListener(listening: false).port }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    public static func accepts(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = loopback(port)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    static func loopback(_ port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        return address
    }
}

/// A TCP listener on 127.0.0.1 for the length of a test: the service a health check asks for. It
/// accepts nothing; the kernel completes connections into its backlog, which is all a check needs.
public final class PortListener: Sendable {
    public let port: Int
    private let descriptor: Int32

    public convenience init() throws { try self.init(listening: true) }

    init(listening: Bool) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = FreePort.loopback(0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard descriptor >= 0, bound, !listening || listen(descriptor, 16) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            throw SupportFailure(description: "cannot bind a port on 127.0.0.1: errno \(errno)")
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }

    /// A port nothing listens on (bound for a moment, then closed).
    public static func unusedPort() throws -> Int { try FreePort.next() }
}
