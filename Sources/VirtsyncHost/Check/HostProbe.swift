/// What `HostCheck` reads from the world, gathered in one value so the checks stay pure and a test can
/// describe any host with a literal. `live(connect:)` reads the real system.
public struct HostProbe {
    /// The text of `/proc/cpuinfo`; nil when it cannot be read.
    public var cpuinfo: String?
    /// The text of `/proc/modules` (what `lsmod` prints); nil when it cannot be read.
    public var modules: String?
    /// `/dev/kvm`; nil when absent.
    public var kvmDevice: FileStatus?
    /// Where libvirtd's read-write socket is looked for.
    public var socketPath: String
    /// The socket at `socketPath`; nil when absent.
    public var socket: FileStatus?
    /// Who runs the check.
    public var user: UserIdentity
    /// Opens the given libvirt URI and returns something that proves it answered (its canonical URI,
    /// hostname or version), or the error. The CLI supplies it: this module's checks do not link libvirt.
    public var connect: (String) -> Result<String, any Error>

    public init(
        cpuinfo: String?,
        modules: String?,
        kvmDevice: FileStatus?,
        socketPath: String = HostProbe.defaultSocketPath,
        socket: FileStatus?,
        user: UserIdentity,
        connect: @escaping (String) -> Result<String, any Error>
    ) {
        self.cpuinfo = cpuinfo
        self.modules = modules
        self.kvmDevice = kvmDevice
        self.socketPath = socketPath
        self.socket = socket
        self.user = user
        self.connect = connect
    }

    /// libvirtd's system socket, the one `qemu:///system` connects through.
    public static let defaultSocketPath = "/run/libvirt/libvirt-sock"
}

/// The facts of one file that decide whether a user may open it: type, mode bits, owner and group.
public struct FileStatus: Sendable, Hashable {
    /// The first character of `ls -l`.
    public enum FileType: Character, Sendable, Hashable {
        case regular = "-"
        case directory = "d"
        case characterDevice = "c"
        case blockDevice = "b"
        case socket = "s"
        case symbolicLink = "l"
        case fifo = "p"
        case unknown = "?"
    }

    public var type: FileType
    /// Permission bits (`0o660`).
    public var mode: UInt16
    public var ownerID: UInt32
    public var owner: String
    public var groupID: UInt32
    public var group: String

    public init(type: FileType, mode: UInt16, ownerID: UInt32, owner: String, groupID: UInt32, group: String) {
        self.type = type
        self.mode = mode
        self.ownerID = ownerID
        self.owner = owner
        self.groupID = groupID
        self.group = group
    }

    /// `crw-rw---- root:kvm`, as `ls -l` shows it.
    public var listing: String { "\(permissionString) \(owner):\(group)" }

    /// `crw-rw----`.
    public var permissionString: String {
        let letters: [Character] = ["r", "w", "x"]
        let bits = (0..<9).map { index -> Character in
            mode & (1 << (8 - index)) != 0 ? letters[index % 3] : "-"
        }
        return String(type.rawValue) + String(bits)
    }

    /// Whether `user` may read and write the file (what opening /dev/kvm or connecting to a socket needs).
    public func isReadWritable(by user: UserIdentity) -> Bool {
        if user.isRoot { return true }
        if user.uid == ownerID { return mode & 0o600 == 0o600 }
        if user.groupIDs.contains(groupID) { return mode & 0o060 == 0o060 }
        return mode & 0o006 == 0o006
    }
}

/// The user running the check: uid, name and the groups the process has (which, as the seed warns,
/// change only after logging in again).
public struct UserIdentity: Sendable, Hashable {
    public var uid: UInt32
    public var name: String
    public var groupIDs: Set<UInt32>
    public var groupNames: Set<String>

    public init(uid: UInt32, name: String, groupIDs: Set<UInt32>, groupNames: Set<String>) {
        self.uid = uid
        self.name = name
        self.groupIDs = groupIDs
        self.groupNames = groupNames
    }

    public var isRoot: Bool { uid == 0 }
}
