import ArgumentParser
import VirtsyncHost
import VirtsyncPlan

extension Virtsync {
    /// `virtsync plan PATH...`: exit 0 in sync, 2 changes pending, 1 error.
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Show what apply would change, and why."
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var manifests: ManifestOptions
        @OptionGroup var flags: PlanFlags

        @Option(help: "text or json.")
        var output: OutputFormat = .text

        func run() async throws {
            let (_, planned) = try Console.plan(global, manifests, flags)
            try Console.show(planned.plan, format: output)
            if !planned.plan.refused.isEmpty { throw ExitCode.failure }
            if !planned.plan.pending.isEmpty { throw ExitCode(2) }
        }
    }
}
