import Glibc

/// The process's private mappings of files, from `/proc/self/smaps`: what `StartupPages` and `FaultAround`
/// act on.
struct FileMapping {
    var start: UInt
    var end: UInt
    /// `r-xp`, `r--p`, `rw-p`, ...
    var permissions: String
    /// Kilobytes of anonymous (copy-on-write) pages: data of the process's own, such as relocated data.
    var anonymousKiB: Int

    var length: Int { Int(end - start) }
    var isReadOnly: Bool { permissions == "r-xp" || permissions == "r--p" }

    /// Every private mapping of a file (the path starts with `/`); empty when /proc cannot be read.
    static func current() -> [FileMapping] {
        guard let smaps = read("/proc/self/smaps") else { return [] }
        var mappings: [FileMapping] = []
        var candidate: FileMapping?
        for line in smaps.split(separator: UInt8(ascii: "\n")) {
            if let (mapping, isPrivateFile) = header(line) {
                candidate = isPrivateFile ? mapping : nil
            } else if var mapping = candidate, line.starts(with: "Anonymous:".utf8) {
                candidate = nil
                guard let kilobytes = number(in: line) else { continue }
                mapping.anonymousKiB = kilobytes
                mappings.append(mapping)
            }
        }
        return mappings
    }

    /// A mapping's header line (`START-END PERMS OFFSET DEV INODE PATH`); nil for the field lines after it.
    private static func header(_ line: ArraySlice<UInt8>) -> (FileMapping, isPrivateFile: Bool)? {
        let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 5, omittingEmptySubsequences: true)
        guard fields.count >= 5, let dash = fields[0].firstIndex(of: UInt8(ascii: "-")),
            let start = UInt(String(decoding: fields[0][..<dash], as: UTF8.self), radix: 16),
            let end = UInt(String(decoding: fields[0][(dash + 1)...], as: UTF8.self), radix: 16)
        else { return nil }
        let permissions = String(decoding: fields[1], as: UTF8.self)
        // The path is padded with spaces, which the last split keeps.
        let isFile = fields.count == 6 && fields[5].drop(while: { $0 == UInt8(ascii: " ") }).first == UInt8(ascii: "/")
        let mapping = FileMapping(start: start, end: end, permissions: permissions, anonymousKiB: 0)
        return (mapping, isFile && permissions.hasSuffix("p"))
    }

    private static func number(in line: ArraySlice<UInt8>) -> Int? {
        line.split(separator: UInt8(ascii: " ")).dropFirst().first.flatMap { Int(String(decoding: $0, as: UTF8.self)) }
    }

    /// A /proc file whole (its size reads as 0, so it is read until end of file).
    private static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return count == 0 ? bytes : nil }
            bytes += buffer[0..<count]
        }
    }
}
