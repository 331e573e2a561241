import Foundation
import Isofs
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
            files: [.init(name: "user-data", contents: userData), .init(name: "meta-data", contents: Array("instance-id: a\n".utf8))])
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

    static func xorriso(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xorriso")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
