public import Foundation

/// Runs a program to its end and returns what it printed. Standard output and standard error go to
/// temporary files, not pipes: a child that fills an unread pipe blocks forever, and reading two pipes
/// in turn deadlocks as soon as the other one fills.
public struct ChildProcess: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var error: String
    }

    public var executable: String
    public var arguments: [String]
    public var directory: URL?
    public var environment: [String: String]?
    public var input: Data?

    /// `executable` is a path, or a name looked up on `PATH`.
    public init(
        _ executable: String, _ arguments: [String], directory: URL? = nil, environment: [String: String]? = nil,
        input: Data? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.directory = directory
        self.environment = environment
        self.input = input
    }

    public func run() throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = ["in", "out", "err"].map { scratch.appendingPathComponent($0) }
        FileManager.default.createFile(atPath: files[0].path, contents: input ?? Data())
        FileManager.default.createFile(atPath: files[1].path, contents: nil)
        FileManager.default.createFile(atPath: files[2].path, contents: nil)
        let handles = try (FileHandle(forReadingFrom: files[0]), FileHandle(forWritingTo: files[1]), FileHandle(forWritingTo: files[2]))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.contains("/") ? executable : "/usr/bin/env")
        process.arguments = executable.contains("/") ? arguments : [executable] + arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        (process.standardInput, process.standardOutput, process.standardError) = handles
        try process.run()
        process.waitUntilExit()
        try [handles.0, handles.1, handles.2].forEach { try $0.close() }
        return Result(
            status: process.terminationStatus,
            output: try String(contentsOf: files[1], encoding: .utf8),
            error: try String(contentsOf: files[2], encoding: .utf8))
    }
}
