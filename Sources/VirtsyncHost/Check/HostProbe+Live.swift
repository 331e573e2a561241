internal import Foundation

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

extension HostProbe {
    /// Reads this machine: `/proc/cpuinfo`, `/proc/modules`, `/dev/kvm`, libvirtd's socket and the
    /// process's user and groups. Anything unreadable becomes nil and is reported by the check.
    public static func live(
        connect: @escaping (String) -> Result<String, any Error>,
        socketPath: String = defaultSocketPath
    ) -> HostProbe {
        HostProbe(
            cpuinfo: readText("/proc/cpuinfo"),
            modules: readText("/proc/modules"),
            kvmDevice: fileStatus("/dev/kvm"),
            socketPath: socketPath,
            socket: fileStatus(socketPath),
            user: currentUser(),
            connect: connect
        )
    }

    static func readText(_ path: String) -> String? {
        // /proc files report size 0, so read through a handle to the end rather than by size.
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.readToEnd() else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func fileStatus(_ path: String) -> FileStatus? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        let ownerID = (attributes[.ownerAccountID] as? NSNumber)?.uint32Value ?? UInt32.max
        let groupID = (attributes[.groupOwnerAccountID] as? NSNumber)?.uint32Value ?? UInt32.max
        return FileStatus(
            type: fileType(attributes[.type] as? FileAttributeType),
            mode: UInt16(truncatingIfNeeded: (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0),
            ownerID: ownerID,
            owner: attributes[.ownerAccountName] as? String ?? String(ownerID),
            groupID: groupID,
            group: attributes[.groupOwnerAccountName] as? String ?? String(groupID)
        )
    }

    private static func fileType(_ type: FileAttributeType?) -> FileStatus.FileType {
        switch type {
        case .typeRegular: .regular
        case .typeDirectory: .directory
        case .typeCharacterSpecial: .characterDevice
        case .typeBlockSpecial: .blockDevice
        case .typeSocket: .socket
        case .typeSymbolicLink: .symbolicLink
        default: .unknown
        }
    }

    static func currentUser() -> UserIdentity {
        let uid = UInt32(getuid())
        let count = getgroups(0, nil)
        var ids = [gid_t](repeating: 0, count: Int(max(count, 0)))
        let filled = Int(max(count > 0 ? getgroups(count, &ids) : 0, 0))
        let supplementary: [UInt32] = ids[..<filled].map { UInt32($0) }
        let groupIDs = Set(supplementary + [UInt32(getgid())])
        return UserIdentity(
            uid: uid,
            name: userName(uid),
            groupIDs: groupIDs,
            groupNames: Set(groupIDs.compactMap(groupName))
        )
    }

    private static func userName(_ uid: UInt32) -> String {
        guard let entry = getpwuid(uid_t(uid)), let name = entry.pointee.pw_name else { return String(uid) }
        return String(cString: name)
    }

    private static func groupName(_ gid: UInt32) -> String? {
        guard let entry = getgrgid(gid_t(gid)), let name = entry.pointee.gr_name else { return nil }
        return String(cString: name)
    }
}
