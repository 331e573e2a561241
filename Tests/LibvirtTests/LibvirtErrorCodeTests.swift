import Foundation
import Libvirt
import Testing

/// The named error codes are libvirt's own: each name has the number its `VIR_ERR_*` / `VIR_FROM_*`
/// constant has in the installed `virterror.h`.
@Suite("libvirt's error codes by name")
struct LibvirtErrorCodeTests {
    static let header = "/usr/include/libvirt/virterror.h"

    static let codes: [(String, LibvirtErrorCode)] = [
        ("VIR_ERR_INTERNAL_ERROR", .internalError), ("VIR_ERR_NO_SUPPORT", .noSupport),
        ("VIR_ERR_NO_CONNECT", .noConnect),
        ("VIR_ERR_INVALID_ARG", .invalidArgument), ("VIR_ERR_OPERATION_FAILED", .operationFailed),
        ("VIR_ERR_DOM_EXIST", .domainExists), ("VIR_ERR_XML_DETAIL", .xmlDetail),
        ("VIR_ERR_NETWORK_EXIST", .networkExists),
        ("VIR_ERR_NO_DOMAIN", .noDomain), ("VIR_ERR_NO_NETWORK", .noNetwork),
        ("VIR_ERR_NO_STORAGE_POOL", .noStoragePool),
        ("VIR_ERR_NO_STORAGE_VOL", .noStorageVolume), ("VIR_ERR_OPERATION_INVALID", .operationInvalid),
        ("VIR_ERR_NO_DOMAIN_METADATA", .noDomainMetadata), ("VIR_ERR_STORAGE_VOL_EXIST", .storageVolumeExists),
        ("VIR_ERR_XML_INVALID_SCHEMA", .xmlInvalidSchema),
    ]

    @Test("every named code has its header constant's number")
    func codesMatchHeader() throws {
        let numbers = try Self.constants()
        for (name, code) in Self.codes {
            #expect(numbers[name] == code.rawValue, "\(name)")
        }
        for (name, domain) in [
            ("VIR_FROM_QEMU", LibvirtErrorDomain.qemu), ("VIR_FROM_STORAGE", .storage), ("VIR_FROM_EVENT", .event),
        ] {
            #expect(numbers[name] == domain.rawValue, "\(name)")
        }
    }

    /// `NAME = NUMBER` of every `VIR_ERR_*` and `VIR_FROM_*` enumerator in the header.
    static func constants() throws -> [String: Int32] {
        let text = try String(contentsOfFile: header, encoding: .utf8)
        var found: [String: Int32] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, parts[0].hasPrefix("VIR_ERR_") || parts[0].hasPrefix("VIR_FROM_") else { continue }
            if let number = Int32(parts[1].prefix { $0.isNumber || $0 == "-" }) { found[parts[0]] = number }
        }
        return found
    }
}
