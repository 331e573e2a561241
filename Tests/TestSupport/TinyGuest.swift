import Foundation

/// The tiny test guest (scripts/tiny-guest.sh): a Debian kernel and an initramfs with busybox and
/// qemu-guest-agent, made at test time from `apt-get download` packages and cached between runs.
///
/// Booted by direct kernel boot with `console=ttyS0`, it prints its cidata user-data between
/// `tiny: user-data begin` and `tiny: user-data end`, runs the guest agent, gets an address by DHCP
/// (`tiny: address IFACE IP`), powers off with `tiny.halt=1` and serves HTTP on `tiny.port=N`; it prints
/// `tiny: ready` when done. See the script for the details.
public enum TinyGuest {
    /// Where the kernel and initramfs are kept between runs (`VIRTSYNC_TINY_GUEST_CACHE` overrides).
    public static var cacheDirectory: String {
        ProcessInfo.processInfo.environment["VIRTSYNC_TINY_GUEST_CACHE"] ?? "/var/cache/virtsync-tests/tiny-guest"
    }

    public struct Files: Sendable {
        public var kernel: String
        public var initrd: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Makes (or finds in the cache) the kernel and initramfs, then copies them into `directory` (which
    /// QEMU must be able to read: libvirt labels them for the guest) and returns the copies' paths.
    public static func files(copiedInto directory: String) throws -> Files {
        let script = RepositoryPaths.root.appendingPathComponent("scripts/tiny-guest.sh").path
        let result = try ChildProcess("/bin/bash", [script, cacheDirectory]).run()
        let paths = result.output.split(separator: "\n").map(String.init)
        guard result.succeeded, paths.count == 2 else {
            throw Failure(description: "scripts/tiny-guest.sh failed (\(result.status)): \(result.error)")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var copies: [String] = []
        for path in paths {
            let copy = (directory as NSString).appendingPathComponent((path as NSString).lastPathComponent)
            try? FileManager.default.removeItem(atPath: copy)
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            copies.append(copy)
        }
        return Files(kernel: copies[0], initrd: copies[1])
    }
}
