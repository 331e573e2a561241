import Foundation
import TestSupport
import Testing

/// The real-host tier: every test here drives libvirtd through qemu:///system.
///
/// It runs only when `VIRTSYNC_REAL_HOST=1` (`make test` sets it after starting the services); once
/// enabled, a host that cannot be reached fails the tests rather than skipping them. The tests run one
/// at a time (they share one libvirtd, and TCG guests are heavy) and each works in its own namespace:
/// a random prefix on every object name, bridge and pool directory, removed again at the end.
@Suite(
    "Real host (qemu:///system)",
    .serialized,
    .enabled(if: RealHostSwitch.isOn, "set VIRTSYNC_REAL_HOST=1 to drive qemu:///system")
)
struct RealHost {
    static let uri = "qemu:///system"
    static let imagesRoot = "/var/lib/libvirt/images"

    /// Runs `body` with a fresh namespace and removes everything it created, even when `body` throws
    /// or an expectation fails.
    static func withHost(_ body: (HostFixture) throws -> Void) throws {
        let host = try HostFixture()
        defer { host.cleanup() }
        try body(host)
    }
}

/// `VIRTSYNC_REAL_HOST=1` turns the tier on (a type of its own: the suite's attribute cannot name the suite).
enum RealHostSwitch {
    static var isOn: Bool { ProcessInfo.processInfo.environment["VIRTSYNC_REAL_HOST"] == "1" }
}
