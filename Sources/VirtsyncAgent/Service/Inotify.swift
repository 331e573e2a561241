import Glibc

/// A Linux inotify instance: watches on directories, and the events read from them.
// @unchecked Sendable: the descriptor is an integer the kernel owns; adding and removing watches and
// reading are system calls that may run on any thread.
final class Inotify: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var call: String
        var errno: Int32
        var description: String { "\(call): \(String(cString: strerror(errno)))" }
    }

    struct Event {
        var watch: Int32
        var mask: UInt32
        /// The file's name within the watched directory ("" for the directory itself).
        var name: String
    }

    /// A definition rewritten (temporary file renamed over it) or removed; an autostart link made or removed.
    static let configMask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM)
    /// A volume's file written and closed (resized), made or removed, or its attributes changed.
    static let volumeMask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_ATTRIB)

    let descriptor: Int32

    init() throws(Failure) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw Failure(call: "inotify_init1", errno: errno) }
    }

    /// Adds a watch; nil when the directory does not exist or cannot be watched.
    func add(_ path: String, mask: UInt32) -> Int32? {
        let watch = inotify_add_watch(descriptor, path, mask)
        return watch >= 0 ? watch : nil
    }

    func remove(_ watch: Int32) { inotify_rm_watch(descriptor, watch) }

    func close() { _ = Glibc.close(descriptor) }

    /// The events that arrive within `timeoutMilliseconds` (none when the time passes first).
    func read(timeoutMilliseconds: Int32) -> [Event] {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeoutMilliseconds) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return [] }
        var events: [Event] = []
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let watch = bytes.load(fromByteOffset: offset, as: Int32.self)
                let mask = bytes.load(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(bytes.load(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = bytes[(offset + header)..<(offset + header + length)].prefix { $0 != 0 }
                events.append(Event(watch: watch, mask: mask, name: String(decoding: nameBytes, as: UTF8.self)))
                offset += header + length
            }
        }
        return events
    }
}
