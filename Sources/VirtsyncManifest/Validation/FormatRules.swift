internal import Foundation

/// `52:54:00:12:34:56`: six pairs of hex digits, as libvirt writes them.
enum MACRule {
    static func problem(with mac: String) -> String? {
        let parts = mac.split(separator: ":", omittingEmptySubsequences: false)
        let valid = parts.count == 6 && parts.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isHexDigit) }
        return valid ? nil : "'\(mac)' is not a MAC address of the form xx:xx:xx:xx:xx:xx"
    }
}

/// A UUID as libvirt takes it (`12345678-1234-1234-1234-123456789abc`).
enum UUIDRule {
    static func problem(with uuid: String) -> String? {
        UUID(uuidString: uuid) == nil ? "'\(uuid)' is not a UUID" : nil
    }
}
