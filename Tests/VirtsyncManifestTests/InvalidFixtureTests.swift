import Foundation
import Testing
import VirtsyncManifest

/// Each `Fixtures/invalid/NAME.yaml` (or `.xml`) holds one kind of mistake; `NAME.expected` holds the exact
/// diagnostics `virtsync validate` prints for it, one per line. The host is taken to be empty, so a
/// reference to an object no manifest declares is an error.
@Suite("Invalid manifests")
struct InvalidFixtureTests {
    static let names: [String] = (try? Fixtures.names(in: "invalid", withExtension: "expected")) ?? []

    @Test("there are fixtures for at least fifteen kinds of mistake")
    func enoughFixtures() {
        #expect(Self.names.count >= 15)
    }

    @Test("each invalid fixture is reported with exactly the expected text", arguments: names)
    func reportsExpectedDiagnostics(name: String) throws {
        let expected = try String(
            contentsOf: Fixtures.root.appending(path: "invalid/\(name).expected"),
            encoding: .utf8
        )
        let manifestPath = try ["yaml", "xml"].map { "invalid/\(name).\($0)" }.first {
            FileManager.default.fileExists(atPath: Fixtures.root.appending(path: $0).path)
        }
        let file = try Fixtures.file(#require(manifestPath))
        let loaded = ManifestLoader.load([file])
        let validated = ManifestValidator.validate(loaded.manifests, context: ValidationContext(hostObjects: []))
        let actual = (loaded.diagnostics + validated).sortedByLocation().map(\.description)
        #expect(actual == expected.split(separator: "\n").map(String.init))
        #expect(!actual.isEmpty)
    }
}
