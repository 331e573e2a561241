/// One field whose observed value differs from what the manifest wants.
///
/// `path` names the field in libvirt's own terms: child elements by name, list members by their key in
/// brackets, attributes after `@` (`devices/disk[vda]/driver@cache`, `memory`, `ip[192.168.1.1]/dhcp/host[52:54:00:aa:bb:cc]`).
/// A nil `want` is something present that the manifest does not have (a disk added by hand); a nil `have`
/// is something the manifest asks for that libvirt lacks.
public struct FieldChange: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String
    public var want: String?
    public var have: String?

    public init(path: String, want: String?, have: String?) {
        self.path = path
        self.want = want
        self.have = have
    }

    public var description: String { "\(path): want \(want ?? "(none)"), have \(have ?? "(none)")" }
}
