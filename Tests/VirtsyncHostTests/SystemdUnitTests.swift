import Foundation
import TestSupport
import Testing

/// The files of `systemd/` are what systemd itself accepts: the unit verifies cleanly, its hardening keeps
/// `systemd-analyze security` exposure at most 2.5, and the sysusers and tmpfiles entries make the user,
/// its libvirt membership and the state directory.
///
/// `systemd-analyze verify` refuses a unit whose ExecStart binary does not exist, and these tests run before
/// (and without) `make install`. Rewriting ExecStart to /bin/true would verify a different unit, so the unit
/// is verified unmodified under `--root` in a scratch tree laid out like an installed host: a stub executable
/// at /usr/local/bin/virtsync, the unit in /etc/systemd/system, and a copy of the host's unit directory so
/// that the targets every service depends on (sysinit.target, basic.target, ...) resolve.
@Suite("systemd unit files")
struct SystemdUnitTests {
    static let systemdDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("systemd")
    static let unit = systemdDirectory.appendingPathComponent("virtsync.service")

    @Test("systemd-analyze verify accepts the unit without a word on stderr")
    func verify() throws {
        let root = try ScratchRoot(withBinary: true)
        defer { root.remove() }
        let result = try ChildProcess("systemd-analyze", ["verify", "--root=\(root.path)", "virtsync.service"]).run()
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.isEmpty, "\(result.error)")
    }

    @Test("systemd-analyze verify in the scratch root notices a missing ExecStart binary")
    func verifyNoticesMissingBinary() throws {
        let root = try ScratchRoot(withBinary: false)
        defer { root.remove() }
        let result = try ChildProcess("systemd-analyze", ["verify", "--root=\(root.path)", "virtsync.service"]).run()
        #expect(result.status != 0)
        #expect(result.error.contains("/usr/local/bin/virtsync is not executable"), "\(result.error)")
    }

    @Test("systemd-analyze security rates the unit's exposure at most 2.5")
    func exposure() throws {
        let result = try ChildProcess("systemd-analyze", ["security", "--offline=true", Self.unit.path]).run()
        #expect(result.status == 0, "\(result.error)")
        let exposure = try #require(Self.overallExposure(result.output), "\(result.output)")
        print("virtsync.service exposure: \(exposure)")
        #expect(exposure <= 2.5, "\(result.output)")
    }

    @Test("sysusers makes the virtsync user a libvirt member and tmpfiles its 0750 state directory")
    func sysusersAndTmpfiles() throws {
        let root = try ScratchRoot(withBinary: false)
        defer { root.remove() }
        try root.install(
            Self.systemdDirectory.appendingPathComponent("virtsync.sysusers"),
            at: "usr/lib/sysusers.d/virtsync.conf"
        )
        try root.install(
            Self.systemdDirectory.appendingPathComponent("virtsync.tmpfiles"),
            at: "usr/lib/tmpfiles.d/virtsync.conf"
        )
        let sysusers = try ChildProcess("systemd-sysusers", ["--root=\(root.path)", "virtsync.conf"]).run()
        #expect(sysusers.status == 0, "\(sysusers.error)")
        let tmpfiles = try ChildProcess("systemd-tmpfiles", ["--root=\(root.path)", "--create", "virtsync.conf"]).run()
        #expect(tmpfiles.status == 0, "\(tmpfiles.error)")

        let passwd = try root.read("etc/passwd").split(separator: "\n").first { $0.hasPrefix("virtsync:") }
        let fields = try #require(passwd, "no virtsync user").split(separator: ":", omittingEmptySubsequences: false)
        #expect(fields[5] == "/var/lib/virtsync")
        let libvirt = try root.read("etc/group").split(separator: "\n").first { $0.hasPrefix("libvirt:") }
        #expect(
            libvirt?.split(separator: ":").last?.split(separator: ",").contains("virtsync") == true,
            "\(libvirt ?? "")"
        )

        let state = try FileManager.default.attributesOfItem(atPath: root.path + "/var/lib/virtsync")
        #expect((state[.posixPermissions] as? Int) == 0o750)
        #expect((state[.ownerAccountID] as? Int).map(String.init) == String(fields[2]))
    }

    /// The figure of "→ Overall exposure level for virtsync.service: 1.3 OK".
    static func overallExposure(_ output: String) -> Double? {
        guard let line = output.split(separator: "\n").last(where: { $0.contains("Overall exposure level") }),
            let colon = line.lastIndex(of: ":")
        else { return nil }
        return line[line.index(after: colon)...].split(separator: " ").first.flatMap { Double($0) }
    }
}

/// A throwaway filesystem root laid out like a host after `make install`, for systemd's `--root=` tools.
private struct ScratchRoot {
    let path: String

    init(withBinary: Bool) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-unit-\(UUID().uuidString)").path
        let files = FileManager.default
        try files.createDirectory(atPath: path + "/etc/systemd/system", withIntermediateDirectories: true)
        try files.createDirectory(atPath: path + "/usr/lib/systemd", withIntermediateDirectories: true)
        try files.copyItem(atPath: "/usr/lib/systemd/system", toPath: path + "/usr/lib/systemd/system")
        try install(SystemdUnitTests.unit, at: "etc/systemd/system/virtsync.service")
        for database in ["passwd", "group"] {
            try files.copyItem(atPath: "/etc/\(database)", toPath: path + "/etc/\(database)")
        }
        if withBinary {
            try files.createDirectory(atPath: path + "/usr/local/bin", withIntermediateDirectories: true)
            let stub = path + "/usr/local/bin/virtsync"
            try Data("#!/bin/sh\n".utf8).write(to: URL(fileURLWithPath: stub))
            try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stub)
        }
    }

    func install(_ file: URL, at relative: String) throws {
        let target = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try FileManager.default.copyItem(at: file, to: target)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
