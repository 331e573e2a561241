import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Whether a TCP port accepts a connection from this host within a timeout: a health check's `tcp`.
enum TCPProbe {
    /// Tries every address `host` resolves to; true as soon as one connection is accepted.
    static func accepts(host: String, port: Int, timeoutMilliseconds: Int32 = 1000) -> Bool {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0 else { return false }
        defer { freeaddrinfo(list) }
        var entry = list
        while let info = entry {
            if connects(info.pointee, timeoutMilliseconds: timeoutMilliseconds) { return true }
            entry = info.pointee.ai_next
        }
        return false
    }

    /// A non-blocking connect, waited for with poll(2) so a silent (filtered) port costs the timeout,
    /// not the kernel's minutes.
    private static func connects(_ info: addrinfo, timeoutMilliseconds: Int32) -> Bool {
        let fd = socket(
            info.ai_family,
            info.ai_socktype | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
            info.ai_protocol
        )
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if connect(fd, info.ai_addr, info.ai_addrlen) == 0 { return true }
        guard errno == EINPROGRESS else { return false }
        var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        guard poll(&descriptor, 1, timeoutMilliseconds) == 1 else { return false }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 else { return false }
        return error == 0
    }
}
