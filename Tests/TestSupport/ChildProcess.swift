public import Foundation

/// The one way tests run a program: to its end (`run`), or as a server or agent kept for the length of a
/// test (`start`, which returns a `RunningChild`).
///
/// Standard output and standard error go to files, never pipes: a child that fills an unread pipe blocks
/// forever, and reading two pipes in turn deadlocks as soon as the other one fills. Standard input is
/// `/dev/null` or the given bytes. A child never inherits the test runner's descriptors (see `Spawn`).
public struct ChildProcess: Sendable {
    public struct Result: Sendable {
        /// The exit status; 128 + the signal's number when a signal ended the child, as a shell says.
        public var status: Int32
        public var outputData: Data
        public var error: String

        public init(status: Int32, outputData: Data, error: String) {
            (self.status, self.outputData, self.error) = (status, outputData, error)
        }

        public var output: String { String(decoding: outputData, as: UTF8.self) }
        public var succeeded: Bool { status == 0 }
        /// Standard output without leading and trailing white space.
        public var trimmedOutput: String { output.trimmingCharacters(in: .whitespacesAndNewlines) }
        /// The non-empty lines of standard output, trimmed.
        public var lines: [String] {
            output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// A child that could not be started, or (from `check`) exited other than with 0.
    public typealias Failure = SupportFailure

    public var executable: String
    public var arguments: [String]
    public var directory: URL?
    /// Variables set for the child on top of the test process's own environment.
    public var environment: [String: String]
    public var input: Data?

    /// `executable` is a path, or a name looked up on `PATH`.
    public init(
        _ executable: String,
        _ arguments: [String] = [],
        directory: URL? = nil,
        environment: [String: String] = [:],
        input: Data? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.directory = directory
        self.environment = environment
        self.input = input
    }

    /// `command[0]` with the rest as its arguments, run to its end.
    @discardableResult
    public static func run(
        _ command: [String],
        in directory: URL? = nil,
        environment: [String: String] = [:],
        input: Data? = nil
    ) throws -> Result {
        try ChildProcess(
            command[0],
            Array(command.dropFirst()),
            directory: directory,
            environment: environment,
            input: input
        ).run()
    }

    /// Whether `name` is an executable file in a directory of `PATH`.
    public static func isInstalled(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// Runs the program to its end and returns what it printed.
    public func run() throws -> Result {
        let scratch = try TemporaryDirectory(prefix: "virtsync-child")
        defer { scratch.remove() }
        let (inputPath, outputPath, errorPath) = (scratch.path("in"), scratch.path("out"), scratch.path("err"))
        if let input { try input.write(to: URL(fileURLWithPath: inputPath)) }
        let child = try RunningChild(
            spawning: self,
            input: input == nil ? .null : .file(inputPath),
            output: .file(outputPath),
            error: .file(errorPath),
            log: URL(fileURLWithPath: outputPath)
        )
        let status = child.wait()
        return Result(
            status: status,
            outputData: (try? Data(contentsOf: URL(fileURLWithPath: outputPath))) ?? Data(),
            error: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        )
    }

    /// Starts the program and returns at once. Its standard output and standard error are appended to
    /// `log` (a scratch file, removed with the handle, when nil); with `lifeline`, its standard input is a pipe that closes when this
    /// process ends, however it ends, so a server that exits on end of input never outlives the tests.
    public func start(log: URL? = nil, lifeline: Bool = false) throws -> RunningChild {
        let file =
            log
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-child-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        return try RunningChild(
            spawning: self,
            input: .null,
            output: .file(file.path),
            error: .output,
            log: file,
            ownsLog: log == nil,
            lifeline: lifeline
        )
    }
}

extension ChildProcess.Result {
    /// This result, or a `Failure` quoting the command and its standard error when the status is not 0.
    @discardableResult
    public func check(_ command: String) throws -> Self {
        guard succeeded else { throw ChildProcess.Failure(description: "\(command) exited \(status): \(error)") }
        return self
    }
}
