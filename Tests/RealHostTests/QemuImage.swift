import Foundation
import TestSupport
import Testing

/// `qemu-img info --output=json`, read independently of libvirt.
struct QemuImage {
    var format: String
    var virtualSize: UInt64

    static func info(_ path: String) throws -> QemuImage {
        // -U: the image may be open by a running guest.
        let result = Shell.run(["qemu-img", "info", "-U", "--output=json", path])
        try #require(result.succeeded, "qemu-img info \(path): \(result.error)")
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let format = try #require(json?["format"] as? String)
        let size = try #require((json?["virtual-size"] as? NSNumber)?.uint64Value)
        return QemuImage(format: format, virtualSize: size)
    }
}
