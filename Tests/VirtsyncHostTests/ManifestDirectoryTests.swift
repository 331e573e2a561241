import Foundation
import Testing
import VirtsyncManifest
import VirtsyncSource

@Suite("Reading a manifest directory")
struct ManifestDirectoryTests {
    @Test("manifests are read in path order; a checkout's .git, other hidden entries and non-manifests are skipped")
    func hiddenAndOtherFilesSkipped() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vsdir-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "b/vm.yaml": "kind: Domain", "a.yml": "kind: Network", "pool.xml": "<pool/>", "README.md": "# fleet",
            ".git/config.yaml": "not a manifest", ".git/objects/ab/x.xml": "<broken", ".hidden.yaml": "kind: Domain",
            "c/.draft/vm.yaml": "kind: Domain",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try text.write(to: url, atomically: false, encoding: .utf8)
        }

        let read = try ManifestDirectory.read([root.path])

        #expect(read.map { String($0.path.dropFirst(root.path.count + 1)) } == ["a.yml", "b/vm.yaml", "pool.xml"])
        #expect(read.first?.text == "kind: Network")
    }

    @Test("extensions in any case are manifests; a link to a file is read, a link to a directory is not walked")
    func extensionsAndLinks() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vsdir-\(UUID().uuidString.prefix(8))")
        let outside = root.appendingPathComponent("outside")
        let tree = root.appendingPathComponent("tree")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        try "kind: Domain".write(to: outside.appendingPathComponent("vm.yaml"), atomically: false, encoding: .utf8)
        try "<pool/>".write(to: tree.appendingPathComponent("POOL.XML"), atomically: false, encoding: .utf8)
        try "x".write(to: tree.appendingPathComponent("noext."), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: tree.appendingPathComponent("linked.yaml"),
            withDestinationURL: outside.appendingPathComponent("vm.yaml")
        )
        try FileManager.default.createSymbolicLink(
            at: tree.appendingPathComponent("elsewhere"),
            withDestinationURL: outside
        )

        let read = try ManifestDirectory.read([tree.path + "/"])

        #expect(read.map { String($0.path.dropFirst(tree.path.count + 1)) } == ["POOL.XML", "linked.yaml"])
        #expect(read.last?.text == "kind: Domain")
    }

    @Test("writing refuses a file that exists, and two files of one name, before writing anything")
    func writeRefuses() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vsdir-\(UUID().uuidString.prefix(8))")
            .path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try ManifestDirectory.write([("a.yaml", "one"), ("sub/b.yaml", "two")], to: root, overwrite: false)
        #expect(try String(contentsOfFile: root + "/sub/b.yaml", encoding: .utf8) == "two")

        #expect(throws: ManifestDirectory.ReadError.self) {
            try ManifestDirectory.write([("c.yaml", "new"), ("a.yaml", "again")], to: root, overwrite: false)
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/c.yaml"))
        #expect(throws: ManifestDirectory.ReadError.self) {
            try ManifestDirectory.write([("d.yaml", "x"), ("d.yaml", "y")], to: root, overwrite: true)
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/d.yaml"))

        try ManifestDirectory.write([("a.yaml", "replaced")], to: root, overwrite: true)
        #expect(try String(contentsOfFile: root + "/a.yaml", encoding: .utf8) == "replaced")
    }

    @Test("a path that does not exist is an error naming it")
    func missingPath() {
        #expect(throws: ManifestDirectory.ReadError.self) { try ManifestDirectory.read(["/nonexistent/manifests"]) }
    }
}
