/// A storage volume's sizes, in bytes, as `LibvirtStorageVolume.info()` reports them.
public struct VolumeInfo: Sendable, Equatable {
    /// The size the guest sees.
    public var capacity: UInt64
    /// The space the volume takes on the host now.
    public var allocation: UInt64

    /// Creates sizes from bytes.
    public init(capacity: UInt64, allocation: UInt64) {
        self.capacity = capacity
        self.allocation = allocation
    }
}
