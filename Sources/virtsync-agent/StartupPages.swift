import Glibc

/// Hands back, after the first reconcile, the pages of code and read-only data that only start-up used.
///
/// Measured with 50 managed objects (docs/benchmark.md): of the idle agent's 58-62 MiB resident, about 50 MiB
/// were file-backed: 27 MiB the agent's own code (19 MiB of its 29 MiB `.text`, plus the relocation and
/// dynamic symbol tables read once by the dynamic linker), the rest the C libraries' code (libvirt, libcrypto,
/// libc, libstdc++, libxml2, gnutls, glib, libgit2, ...). The kernel maps code in 64 KiB windows around each
/// page touched (fault-around), and start-up touches much that never runs again: argument parsing, the
/// config, dynamic linking, the libraries' initialisers, the first clone and apply. Those pages stay mapped
/// for the life of the process, and the kernel keeps mapped executable pages longer than other file pages.
/// Over a minute at rest (drift passes, the git poll, scrapes) the agent touched 6 MiB of its code, not 27.
///
/// So every private, read-only mapping of a file that holds no anonymous page is unmapped
/// (`MADV_DONTNEED`): what the agent uses afterwards faults back in from the page cache (a minor fault, no
/// I/O), what it does not stays in the page cache unmapped, which the kernel reclaims first. The resident
/// size then follows what idle operation uses: 39-41 MiB, steady over drift passes, git polls and scrapes,
/// against 58-60 MiB before (the rest is listed in docs/benchmark.md).
///
/// Only mappings that cannot hold data of the process's own are touched: not writable, private, and without
/// anonymous (copy-on-write) pages, such as a library's relocated read-only data, whose dropped pages would
/// read back unrelocated from the file. Dropping the mapping of a page in use is safe: the next access
/// faults it in again. Measured and not taken: `MADV_PAGEOUT` (it needs to own the binary, which the
/// unprivileged agent does not), `MADV_RANDOM` and evicting the binary from the page cache (executable
/// mappings are read around whatever the advice, so it came back whole), `malloc_trim` (0.2 MiB), one or two
/// malloc arenas (under 0.5 MiB), and releasing again later (the same 39-40 MiB).
enum StartupPages {
    /// Unmaps the read-only file mappings that hold no anonymous page; returns the bytes of address space
    /// advised (not all of it was resident).
    @discardableResult
    static func release() -> Int {
        guard let smaps = read("/proc/self/smaps") else { return 0 }
        var released = 0
        var candidate: (start: UInt, end: UInt)?
        for line in smaps.split(separator: UInt8(ascii: "\n")) {
            if let mapping = header(line) {
                candidate = mapping.droppable ? (mapping.start, mapping.end) : nil
            } else if let range = candidate, line.starts(with: "Anonymous:".utf8) {
                candidate = nil
                guard number(in: line) == 0, let address = UnsafeMutableRawPointer(bitPattern: range.start) else {
                    continue
                }
                if madvise(address, Int(range.end - range.start), MADV_DONTNEED) == 0 {
                    released += Int(range.end - range.start)
                }
            }
        }
        return released
    }

    /// A mapping's header line (`START-END PERMS OFFSET DEV INODE PATH`); nil for the field lines after it.
    private static func header(_ line: ArraySlice<UInt8>) -> (start: UInt, end: UInt, droppable: Bool)? {
        let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 5, omittingEmptySubsequences: true)
        guard fields.count >= 5, let dash = fields[0].firstIndex(of: UInt8(ascii: "-")),
            let start = UInt(String(decoding: fields[0][..<dash], as: UTF8.self), radix: 16),
            let end = UInt(String(decoding: fields[0][(dash + 1)...], as: UTF8.self), radix: 16)
        else { return nil }
        let permissions = String(decoding: fields[1], as: UTF8.self)
        // The path is padded with spaces, which the last split keeps.
        let isFile = fields.count == 6 && fields[5].drop(while: { $0 == UInt8(ascii: " ") }).first == UInt8(ascii: "/")
        return (start, end, isFile && (permissions == "r-xp" || permissions == "r--p"))
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
