import Foundation

/// What /proc says about a process: resident memory in MiB and CPU time in seconds.
struct ProcFigures {
    var rss: Double
    var anon: Double
    var file: Double
    var threads: Int
    var cpuSeconds: Double

    init(pid: Int32) throws {
        let status = try Self.status(pid)
        rss = status["VmRSS"] ?? 0
        anon = status["RssAnon"] ?? 0
        // Shared memory (RssShmem) is none of ours; file-backed is the binary and the C libraries.
        file = status["RssFile"] ?? 0
        threads = Int(status["Threads"] ?? 0)
        cpuSeconds = Double(try Self.cpuTicks(pid)) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The resident MiB of `path`'s executable mappings in `/proc/PID/smaps` (the code of the binary), 0
    /// when none is found.
    static func executableRSS(pid: Int32, path: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps", encoding: .utf8) else { return 0 }
        var inCode = false
        var kilobytes = 0.0
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let first = fields.first, first.contains("-"), fields.count >= 5 {
                inCode = fields.count == 6 && fields[1].contains("x") && fields[5] == path
            } else if inCode, fields.first == "Rss:", fields.count >= 2, let value = Double(fields[1]) {
                kilobytes += value
            }
        }
        return kilobytes / 1024
    }

    /// `/proc/PID/status` sizes in MiB (and the thread count as is).
    private static func status(_ pid: Int32) throws -> [String: Double] {
        let text = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\t" })
            guard parts.count >= 2, let number = Double(parts[1]) else { continue }
            values[String(parts[0])] = parts.count >= 3 && parts[2] == "kB" ? number / 1024 : number
        }
        return values
    }

    /// User plus system time in clock ticks, fields 14 and 15 of `/proc/PID/stat` (after the command name).
    private static func cpuTicks(_ pid: Int32) throws -> Int {
        let text = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        guard let close = text.lastIndex(of: ")") else { throw UsageError("cannot read /proc/\(pid)/stat") }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else {
            throw UsageError("cannot read /proc/\(pid)/stat")
        }
        return user + system
    }
}

/// `GET /metrics` on the agent, as Prometheus scrapes it; true when it answered 200.
enum MetricsScrape {
    static func get(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { return false }
        let request = Array("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        guard write(fd, request, request.count) == request.count else { return false }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { break }
            response += buffer[0..<count]
        }
        return String(decoding: response.prefix(16), as: UTF8.self).hasPrefix("HTTP/1.1 200")
    }
}
