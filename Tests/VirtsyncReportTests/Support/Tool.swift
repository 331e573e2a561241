import Foundation

/// Runs command-line tools the tests check against (journalctl, python3, promtool).
enum Tool {
    /// Runs `executable` (a path, or a name looked up on PATH) with `input` on standard input; returns its
    /// exit status, standard output and standard error.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], input: Data? = nil) throws -> (status: Int32, output: Data, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let output = Pipe()
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-tool-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        // Standard error goes to a file: a child filling an unread pipe would block forever.
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        try errorHandle.close()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorText = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return (process.terminationStatus, outputData, errorText)
    }

    /// Whether `name` is an executable on PATH.
    static func exists(_ name: String) -> Bool {
        (try? run("which", [name]).status) == 0
    }
}
