import Foundation

/// Runs host tools (virsh, qemu-img, ip, pgrep, virt-install) the way an operator would, so the
/// tests check libvirt's state through a channel other than the library under test.
enum Shell {
    struct Result {
        var status: Int32
        var output: String
        var error: String
        var succeeded: Bool { status == 0 }
    }

    @discardableResult
    static func run(_ arguments: [String]) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            return Result(status: -1, output: "", error: "\(error)")
        }
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            error: String(decoding: errors, as: UTF8.self))
    }

    /// `virsh -c qemu:///system ARGS`.
    @discardableResult
    static func virsh(_ arguments: String...) -> Result { run(["virsh", "-c", RealHost.uri] + arguments) }

    /// The volumes of a pool by name. virsh 9.0's `vol-list` has no `--name`: the first column of the
    /// rows below the header's dashes (a name with a space would be cut, and the tests make none).
    static func volumes(pool: String) -> [String] {
        lines(virsh("vol-list", pool)).drop { !$0.hasPrefix("---") }.dropFirst()
            .compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// Non-empty lines of a command's output, trimmed.
    static func lines(_ result: Result) -> [String] {
        result.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
