/// A manifest file's path (as the user should see it) and its text. Reading it from disk or git is the
/// source's job; the loader only parses, so it stays pure.
public struct ManifestFile: Sendable, Hashable {
    public var path: String
    public var text: String
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// `.xml` files are bare libvirt XML; `.yaml` / `.yml` are virtsync documents.
    public var isBareXML: Bool { path.hasSuffix(".xml") }
}
