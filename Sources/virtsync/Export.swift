import ArgumentParser
import VirtsyncHost
import VirtsyncManifest
import VirtsyncSource

extension Virtsync {
    /// `virtsync export [OBJECT...]`: the host's objects as manifests, to start managing a host.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the host's objects as manifests, to start managing them (apply --adopt takes them over)."
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: "Write one file per object into this directory instead of printing them.")
        var output: String?

        @Flag(help: "Overwrite files that exist in the --output directory.")
        var force = false

        @Argument(help: "domain/NAME, network/NAME, pool/NAME or volume/POOL/NAME (none: every object).")
        var objects: [String] = []

        func run() async throws {
            let exported = try Console.export(global, objects: objects)
            if let output {
                try Console.write(exported.map { ($0.fileName, $0.yaml) }, to: output, overwrite: force)
                Console.err("exported \(exported.count) objects into \(output)")
            } else {
                Console.out(exported.map(\.yaml).joined(separator: "---\n"), terminator: "")
            }
        }
    }
}
