import Foundation
import Isofs
import TestSupport
import Testing

/// The image libisofs makes carries the label and the files with their real names: checked with
/// xorriso's reader, which knows nothing of how it was made.
@Suite("ISOImage")
struct ISOImageTests {
    @Test("a cidata image lists its label and files, with their contents")
    func cidata() throws {
        let userData = Array("#cloud-config\npassword: s3cret\n".utf8)
        let bytes = try ISOImage.make(
            volumeID: "cidata",
            files: [
                .init(name: "user-data", contents: userData),
                .init(name: "meta-data", contents: Array("instance-id: a\n".utf8)),
            ]
        )
        #expect(bytes.count % 2048 == 0)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-\(UUID().uuidString).iso")
        defer { try? FileManager.default.removeItem(at: path) }
        try Data(bytes).write(to: path)
        let listing = try Self.xorriso(["-indev", path.path, "-pvd_info", "-ls", "/"])
        #expect(listing.contains("Volume Id    : cidata"))
        #expect(listing.contains("'user-data'"))
        #expect(listing.contains("'meta-data'"))
        let extracted = path.path + ".user-data"
        defer { try? FileManager.default.removeItem(atPath: extracted) }
        _ = try Self.xorriso(["-osirrox", "on", "-indev", path.path, "-extract", "/user-data", extracted])
        #expect(try Data(contentsOf: URL(fileURLWithPath: extracted)) == Data(userData))
    }

    @Test("an empty file is fine")
    func emptyFile() throws {
        let bytes = try ISOImage.make(volumeID: "cidata", files: [.init(name: "network-config", contents: [])])
        #expect(bytes.count >= 16 * 2048)
    }

    /// What xorriso printed, standard output then standard error (it writes its reports to both).
    static func xorriso(_ arguments: [String]) throws -> String {
        let result = try ChildProcess.run(["xorriso"] + arguments)
        return result.output + result.error
    }
}
