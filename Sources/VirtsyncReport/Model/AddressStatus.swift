public import Foundation
public import VirtsyncManifest

/// One IP address of a managed domain in the status file: where an operator finds the VM.
public struct AddressStatus: Sendable, Hashable, Codable {
    /// `lease` (a libvirt network's DHCP) or `agent` (the QEMU guest agent).
    public var source: String
    public var interface: String
    public var mac: String?
    public var address: String
    public var prefix: Int

    public init(source: String, interface: String, mac: String?, address: String, prefix: Int) {
        self.source = source
        self.interface = interface
        self.mac = mac
        self.address = address
        self.prefix = prefix
    }
}

/// A download in progress (an image by URL), in the status file while it runs.
public struct DownloadStatus: Sendable, Hashable, Codable {
    public var object: ObjectID
    public var url: String
    public var receivedBytes: Int64
    public var totalBytes: Int64?
    public var updatedAt: Date

    public init(object: ObjectID, url: String, receivedBytes: Int64, totalBytes: Int64?, updatedAt: Date) {
        self.object = object
        self.url = url
        self.receivedBytes = receivedBytes
        self.totalBytes = totalBytes
        self.updatedAt = updatedAt
    }
}
