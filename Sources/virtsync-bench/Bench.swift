import Foundation

/// `make bench`: times virtsync's apply and plan against the same libvirt calls made bare, at several sizes.
///
/// The hidden modes `floor-define` and `floor-read` are those bare calls; the benchmark runs them as child
/// processes of itself, like virtsync, so both sides pay for process start-up and connecting.
@main
struct Bench {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let uri = takeConnect(&arguments)
        do {
            switch arguments.first {
            case "--help", "-h":
                print(BenchOptions.usage)
            case "floor-define":
                guard arguments.count == 3 else { throw UsageError(BenchOptions.usage) }
                try Floor(uri: uri).define(source: arguments[1], prefix: arguments[2])
            case "floor-read":
                guard arguments.count == 2 else { throw UsageError(BenchOptions.usage) }
                try Floor(uri: uri).read(prefix: arguments[1])
            default:
                var options = try BenchOptions(arguments: arguments)
                options.uri = uri ?? options.uri
                try BenchRun(options: options).run()
            }
        } catch {
            FileHandle.standardError.write(Data("virtsync-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    /// Removes `--connect URI` wherever it stands, so every mode takes it.
    private static func takeConnect(_ arguments: inout [String]) -> String? {
        guard let index = arguments.firstIndex(of: "--connect"), index + 1 < arguments.count else { return nil }
        let uri = arguments[index + 1]
        arguments.removeSubrange(index...index + 1)
        return uri
    }
}
