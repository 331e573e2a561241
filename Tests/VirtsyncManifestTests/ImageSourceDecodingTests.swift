import Testing
import VirtsyncManifest

/// `Volume.spec.source: {url, sha256, caFile}` and `backingStore: {volume: {pool, name}}`: read, checked,
/// and the backing volume's path taken from its pool's manifest.
@Suite("image sources and backing volumes")
struct ImageSourceDecodingTests {
    static let sha = String(repeating: "a1", count: 32)

    static func load(_ text: String) -> ManifestLoadResult {
        ManifestLoader.load([ManifestFile(path: "images.yaml", text: text)])
    }

    static let pool = """
        apiVersion: virtsync/v1
        kind: StoragePool
        metadata: {name: images}
        spec: {type: dir, target: {path: /var/lib/libvirt/images}}
        """

    static func base(source: String) -> String {
        """
        apiVersion: virtsync/v1
        kind: Volume
        metadata: {name: debian-12.qcow2}
        spec:
          pool: images
          capacity: 4GiB
          source: \(source)
        """
    }

    @Test("an https URL with its SHA-256 and a CA file reads as an image source")
    func imageSource() throws {
        let result = Self.load(
            Self.base(
                source:
                    "{url: \"https://cloud.debian.org/d.qcow2.xz\", sha256: \(Self.sha.uppercased()), caFile: /etc/ca.pem}"
            )
        )
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        guard case .volume(let spec)? = result.manifests.first?.spec else {
            Issue.record("no volume")
            return
        }
        #expect(
            spec.image
                == VolumeSpec.ImageSource(
                    url: "https://cloud.debian.org/d.qcow2.xz",
                    sha256: Self.sha,
                    caFile: "/etc/ca.pem"
                )
        )
        #expect(spec.source == nil)
    }

    @Test("a path source still reads as a copy source")
    func pathSource() {
        let result = Self.load(Self.base(source: "{path: /var/lib/libvirt/images/base.qcow2}"))
        guard case .volume(let spec)? = result.manifests.first?.spec else {
            Issue.record("no volume")
            return
        }
        #expect(spec.source?.path == "/var/lib/libvirt/images/base.qcow2" && spec.image == nil)
    }

    @Test(
        "an ftp URL and a short checksum are errors at their lines",
        arguments: [
            ("{url: \"ftp://h/a.img\", sha256: \(sha)}", "expected an http://, https:// or file:// URL"),
            ("{url: \"http://h/a.img\", sha256: abc}", "expected the image's SHA-256 as 64 hex digits"),
            ("{url: \"http://h/a.img\"}", "sha256"),
        ]
    )
    func invalid(source: String, message: String) {
        let result = Self.load(Self.base(source: source))
        #expect(result.hasErrors)
        #expect(
            result.diagnostics.contains { $0.description.contains(message) && $0.location.line == 7 },
            "\(result.diagnostics)"
        )
    }

    @Test("a backing volume gets its path from the pool's manifest")
    func backingVolume() throws {
        let clone = """
            apiVersion: virtsync/v1
            kind: Volume
            metadata: {name: web-1.qcow2}
            spec:
              pool: images
              capacity: 20GiB
              backingStore: {volume: {pool: images, name: debian-12.qcow2}}
            """
        let result = Self.load(
            [Self.pool, Self.base(source: "{url: \"http://h/d.qcow2\", sha256: \(Self.sha)}"), clone].joined(
                separator: "\n---\n"
            )
        )
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        guard case .volume(let spec)? = result.manifests.first(where: { $0.metadata.name == "web-1.qcow2" })?.spec
        else {
            Issue.record("no clone")
            return
        }
        #expect(spec.backingStore?.path == "/var/lib/libvirt/images/debian-12.qcow2")
        #expect(spec.backingStore?.volume == VolumeSpec.VolumeReference(pool: "images", name: "debian-12.qcow2"))
    }

    @Test("a backing volume in a pool git does not declare is an error")
    func undeclaredPool() {
        let clone = """
            apiVersion: virtsync/v1
            kind: Volume
            metadata: {name: web-1.qcow2}
            spec:
              pool: images
              capacity: 20GiB
              backingStore: {volume: {pool: elsewhere, name: base.qcow2}}
            """
        let result = Self.load(clone)
        #expect(
            result.diagnostics.contains { $0.description.contains("pool 'elsewhere' is not declared in git") },
            "\(result.diagnostics)"
        )
    }
}
