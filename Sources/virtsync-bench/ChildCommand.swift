import Foundation
import Synchronization

/// One child process to time: start-up, connecting and exit all count, as they do for a user.
struct ChildCommand {
    var executable: String
    var arguments: [String]
    /// Where stdout and stderr go: a file, since a pipe nobody reads would stall a chatty child.
    var log: URL

    /// The pid of the child now running, so a signal handler can stop it before cleaning up.
    static let running = Atomic<Int32>(0)

    /// Runs the command to its end and returns the wall time; a non-zero exit is an error quoting the log's tail.
    func timed() throws -> Duration {
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw UsageError("cannot write \(log.path)")
        }
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        Self.running.store(process.processIdentifier, ordering: .relaxed)
        process.waitUntilExit()
        let elapsed = clock.now - start
        Self.running.store(0, ordering: .relaxed)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw ChildFailure(command: description, status: process.terminationStatus, tail: tail())
        }
        return elapsed
    }

    /// Asks the running child, if any, to stop, and gives it a moment to go.
    static func stopRunning() {
        let child = running.load(ordering: .relaxed)
        guard child > 0 else { return }
        kill(child, SIGTERM)
        usleep(500_000)
    }

    var description: String { ([executable] + arguments).joined(separator: " ") }

    private func tail() -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(15).joined(separator: "\n")
    }
}

/// A child that exited other than with status 0.
struct ChildFailure: Error, CustomStringConvertible {
    var command: String
    var status: Int32
    var tail: String
    var description: String { "\(command) exited with status \(status); its output ends:\n\(tail)" }
}
