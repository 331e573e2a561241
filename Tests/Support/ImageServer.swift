public import Foundation

/// The test image server (Fixtures/image_server.py) on 127.0.0.1, serving the files of a directory:
/// plainly, stalling half way, or cut short. Stopped when the value goes away.
public final class ImageServer {
    public let directory: URL
    public let port: Int
    private let process: Process
    private let lifeline = Pipe()

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-images-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = Bundle.module.url(forResource: "Fixtures/image_server", withExtension: "py")!
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, directory.path]
        let output = Pipe()
        process.standardOutput = output
        // Not the test process's stderr: `swift test` waits for every holder of that pipe to close it, so a
        // server left behind (a lifeline end leaked into another child keeps it alive) would hang the run.
        process.standardError = FileHandle.nullDevice
        // The server exits when this pipe closes, so a crashed test leaves no server behind.
        process.standardInput = lifeline
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    deinit {
        // No waitUntilExit: under Swift Testing it can wait on a run loop that never hears of the exit.
        // SIGKILL, not terminate(): a child can inherit SIGTERM ignored from the test runner, and servers
        // outlived their tests that way.
        kill(process.processIdentifier, SIGKILL)
        try? FileManager.default.removeItem(at: directory)
    }

    public func url(_ mode: String, _ name: String) -> String { "http://127.0.0.1:\(port)/\(mode)/\(name)" }

    /// Puts a file to serve.
    public func serve(_ data: Data, as name: String) throws { try data.write(to: directory.appendingPathComponent(name)) }

    /// Requests served for the file `name` so far (the server counts them in `.count/NAME`).
    public func count(_ name: String) -> Int {
        let file = directory.appendingPathComponent(".count").appendingPathComponent(name)
        return (try? String(contentsOf: file, encoding: .utf8)).flatMap { Int($0) } ?? 0
    }
}
