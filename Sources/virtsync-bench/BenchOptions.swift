import Foundation

/// The command line of a benchmark run:
/// `virtsync-bench [--sizes 50,500] [--repeat 3] [--rounds 5] [--idle 60] [--only table,idle,drift] [--binary PATH]`.
///
/// Parsed by hand: the target depends only on VirtsyncHost and Libvirt, and a few options do not need more.
struct BenchOptions {
    /// The parts of a run: the timed table (on `--connect`), the idle agent, the drift pass at 500 domains.
    enum Part: String, CaseIterable {
        case table, idle, drift
    }

    var sizes = [50, 500]
    var repetitions = 3
    /// No-op runs (apply, plan and the floor's read) per repetition: they take a tenth of a second, so
    /// more of them steady the median at little cost.
    var rounds = 5
    /// How long the idle agent is watched after its first reconcile; 0 skips it.
    var idleSeconds = 60
    /// What runs; `--only idle` measures the idle agent alone (on the test driver: no libvirtd needed).
    var parts = Set(Part.allCases)
    /// A command the idle agent runs under (`--agent-wrapper "valgrind --tool=callgrind ..."`, split at
    /// spaces): how scripts/order-file.sh profiles the agent at rest.
    var agentWrapper: [String] = []
    var binary: String
    var uri = "qemu:///system"

    /// The usage line printed on a bad argument.
    static let usage = """
        usage: virtsync-bench [--sizes 50,500] [--repeat 3] [--rounds 5] [--idle 60] [--only table,idle,drift]
                              [--agent-wrapper COMMAND] [--binary PATH] [--connect URI]
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
            case "--only":
                let parsed = value.split(separator: ",").map { Part(rawValue: String($0)) }
                guard !parsed.isEmpty, !parsed.contains(nil) else { throw UsageError("bad --only \(value)") }
                parts = Set(parsed.compactMap { $0 })
            case "--agent-wrapper": agentWrapper = value.split(separator: " ").map(String.init)
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
