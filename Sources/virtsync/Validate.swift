import ArgumentParser
import VirtsyncManifest

extension Virtsync {
    /// `virtsync validate PATH...`: manifests only, no host; exit 1 on any error.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check manifests without touching libvirt."
        )

        @OptionGroup var manifests: ManifestOptions

        func run() async throws {
            let loaded = try Console.load(manifests)
            Console.out("\(loaded.manifests.count) manifests valid")
        }
    }
}
