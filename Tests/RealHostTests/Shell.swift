import Foundation
import TestSupport

/// Host tools (virsh, qemu-img, ip, pgrep, virt-install) run the way an operator would, with the shared
/// runner, so the tests check libvirt's state through a channel other than the library under test.
enum Shell {
    typealias Result = ChildProcess.Result

    /// Runs `arguments[0]` (found on PATH); a program that cannot start gives status -1.
    @discardableResult
    static func run(_ arguments: [String]) -> Result {
        (try? ChildProcess.run(arguments))
            ?? Result(status: -1, outputData: Data(), error: "cannot start \(arguments[0])")
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
    static func lines(_ result: Result) -> [String] { result.lines }
}
