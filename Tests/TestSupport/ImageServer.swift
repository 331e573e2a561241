public import Foundation

/// The test image server (Fixtures/image_server.py) on 127.0.0.1, serving the files of a directory:
/// plainly, stalling half way, or cut short. Stopped when the value goes away.
public final class ImageServer {
    public let directory: URL
    public let port: Int
    private let server: RunningChild

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "virtsync-images-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = Bundle.module.url(forResource: "Fixtures/image_server", withExtension: "py")!
        // The server exits when its standard input (the lifeline) closes, so even a test process killed
        // outright leaves no server behind; when this value goes away it is killed at once.
        server = try ChildProcess("python3", [script.path, directory.path]).start(lifeline: true)
        guard let line = server.firstLine(), let port = Int(line) else {
            server.kill()
            throw SupportFailure(description: "the image server did not start: \(server.tail())")
        }
        self.port = port
    }

    deinit {
        server.kill()
        try? FileManager.default.removeItem(at: directory)
    }

    public func url(_ mode: String, _ name: String) -> String { "http://127.0.0.1:\(port)/\(mode)/\(name)" }

    /// Puts a file to serve.
    public func serve(_ data: Data, as name: String) throws {
        try data.write(to: directory.appendingPathComponent(name))
    }

    /// Requests served for the file `name` so far (the server counts them in `.count/NAME`).
    public func count(_ name: String) -> Int {
        let file = directory.appendingPathComponent(".count").appendingPathComponent(name)
        return (try? String(contentsOf: file, encoding: .utf8)).flatMap { Int($0) } ?? 0
    }
}
