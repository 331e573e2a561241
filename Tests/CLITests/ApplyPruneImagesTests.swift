import Foundation
import TestSupport
import Testing

/// `apply --prune` takes its paths for the host's whole desired state, images included: a cached image no
/// manifest names is removed; a plain `apply` of some paths leaves the cache alone.
@Suite("virtsync apply --prune and the image cache")
struct ApplyPruneImagesTests {
    static let unnamed = String(repeating: "e", count: 64)

    func stateWithCachedImage() throws -> String {
        let state = try CLI.stateDirectory()
        let images = (state as NSString).appendingPathComponent("images")
        try FileManager.default.createDirectory(atPath: images, withIntermediateDirectories: true)
        try Data(count: 2048).write(to: URL(fileURLWithPath: "\(images)/\(Self.unnamed)"))
        return state
    }

    @Test("apply --prune removes the cached image no manifest names and says so")
    func pruneRemoves() throws {
        let state = try stateWithCachedImage()
        let result = try CLI.run(["apply", "--prune", "--yes", "--state-dir", state, "manifests"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("image cache: removed 1 image(s) no manifest names"), "\(result.output)")
        #expect(!FileManager.default.fileExists(atPath: "\(state)/images/\(Self.unnamed)"))
    }

    @Test("apply without --prune leaves the cache as it is")
    func plainApplyKeeps() throws {
        let state = try stateWithCachedImage()
        let result = try CLI.run(["apply", "--state-dir", state, "manifests"])
        #expect(result.status == 0, "\(result.error)")
        #expect(!result.output.contains("image cache"))
        #expect(FileManager.default.fileExists(atPath: "\(state)/images/\(Self.unnamed)"))
    }
}
