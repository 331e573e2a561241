import Foundation

/// The command line of a benchmark run: `virtsync-bench [--sizes 50,500] [--repeat 3] [--rounds 5] [--idle 60] [--binary PATH]`.
///
/// Parsed by hand: the target depends only on VirtsyncHost and Libvirt, and three options do not need more.
struct BenchOptions {
    var sizes = [50, 500]
    var repetitions = 3
    /// No-op runs (apply, plan and the floor's read) per repetition: they take a tenth of a second, so
    /// more of them steady the median at little cost.
    var rounds = 5
    /// How long the idle agent is watched after its first reconcile; 0 skips it.
    var idleSeconds = 60
    var binary: String
    var uri = "qemu:///system"

    /// The usage line printed on a bad argument.
    static let usage = """
        usage: virtsync-bench [--sizes 50,500] [--repeat 3] [--rounds 5] [--idle 60] [--binary PATH] [--connect URI]
               virtsync-bench floor-define DIR-or-N PREFIX [--connect URI]
               virtsync-bench floor-read PREFIX [--connect URI]
        """

    init(arguments: [String]) throws(UsageError) {
        binary = Self.siblingBinary()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw UsageError("\(flag) needs a value") }
            switch flag {
            case "--sizes":
                let parsed = value.split(separator: ",").compactMap { Int($0) }
                guard !parsed.isEmpty, parsed.allSatisfy({ $0 > 0 }) else { throw UsageError("bad --sizes \(value)") }
                sizes = parsed
            case "--repeat":
                guard let count = Int(value), count > 0 else { throw UsageError("bad --repeat \(value)") }
                repetitions = count
            case "--rounds":
                guard let count = Int(value), count > 0 else { throw UsageError("bad --rounds \(value)") }
                rounds = count
            case "--idle":
                guard let seconds = Int(value), seconds >= 0 else { throw UsageError("bad --idle \(value)") }
                idleSeconds = seconds
            case "--binary": binary = value
            case "--connect": uri = value
            default: throw UsageError("unknown option \(flag)")
            }
        }
    }

    /// `virtsync` in the directory of this executable, as `swift build` lays them out.
    static func siblingBinary() -> String {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("virtsync").path
    }
}

/// A command line the benchmark does not understand.
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
