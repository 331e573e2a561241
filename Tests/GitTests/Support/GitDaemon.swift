import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `git daemon` serving a directory on 127.0.0.1 at a free port, for the length of a test.
final class GitDaemon {
    let port: Int
    private let process = Process()

    /// Starts the daemon over `basePath` and waits until it accepts connections.
    init(basePath: URL) throws {
        port = try freePort()
        // git-daemon itself, not the `git daemon` wrapper: the kill in `stop` must reach the server.
        process.executableURL = URL(fileURLWithPath: try Shell.run(["git", "--exec-path"]) + "/git-daemon")
        process.arguments = [
            "--export-all", "--base-path=\(basePath.path)", "--port=\(port)",
            "--listen=127.0.0.1", "--reuseaddr", basePath.path,
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilListening()
    }

    /// `git://127.0.0.1:<port>/<name>`.
    func url(_ name: String) -> String {
        "git://127.0.0.1:\(port)/\(name)"
    }

    /// Stops the daemon and waits for it to exit.
    func stop() {
        process.kill()
    }

    deinit {
        stop()
    }

    private func waitUntilListening() throws {
        for _ in 0..<100 {
            if canConnect(port: port) { return }
            usleep(50_000)
        }
        stop()
        throw Shell.Failure(description: "git daemon did not listen on port \(port) within 5 s")
    }
}

extension Process {
    /// Ends a server the test started, and waits for it.
    ///
    /// SIGKILL, because a child spawned from a Swift concurrency thread inherits that thread's
    /// mask, which blocks SIGTERM: `terminate()` would never end it.
    func kill() {
        guard isRunning else { return }
        _ = Glibc.kill(processIdentifier, SIGKILL)
        waitUntilExit()
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on right now (the kernel's pick for port 0).
func freePort() throws -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = loopback(port: 0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
            bind(socket, socketAddress, length) == 0 && getsockname(socket, socketAddress, &length) == 0
        }
    }
    guard bound else { throw Shell.Failure(description: "no free port: errno \(errno)") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Whether something accepts TCP connections on 127.0.0.1:`port`.
func canConnect(port: Int) -> Bool {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = loopback(port: port)
    return withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
            connect(socket, socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
}

private func loopback(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
    return address
}
