import ArgumentParser
import VirtsyncHost
import VirtsyncPlan

extension Virtsync {
    /// `virtsync apply PATH...`: exit 0 when everything applied, 1 when something failed or stays pending.
    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "Make the host match the manifests."
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var manifests: ManifestOptions
        @OptionGroup var flags: PlanFlags

        @Flag(help: "Observe again afterwards and fail if anything is still pending.")
        var verify = false

        @Option(help: "Refuse a prune that would destroy more than this share (0 to 1) of the managed objects.")
        var maxDestroyShare = 0.3

        @Flag(help: "Destroy without asking on a terminal.")
        var yes = false

        func validate() throws {
            guard (0...1).contains(maxDestroyShare) else {
                throw ValidationError("--max-destroy-share must be a number from 0 to 1, got \(maxDestroyShare)")
            }
        }

        func run() async throws {
            let (session, planned) = try Console.plan(global, manifests, flags)
            try Console.show(planned.plan, format: .text)
            try Console.guardDestroys(planned, prune: flags.prune, maxDestroyShare: maxDestroyShare, yes: yes)
            let report = try Console.apply(session, planned)
            // With --prune the paths are the host's whole desired state: so are its images.
            if flags.prune { Console.pruneImages(session, keeping: planned.manifests) }
            var failed = !report.succeeded || !planned.plan.refused.isEmpty
            if verify {
                // Same session, so the embedded test driver still holds what was just applied.
                let (_, again) = try Console.plan(global, manifests, flags, session: session)
                let printer = PlanPrinter(color: Console.color)
                if again.plan.isInSync {
                    Console.out("verify: " + printer.summary(again.plan))
                } else {
                    Console.out("verify: still pending after apply:")
                    Console.out(printer.text(again.plan), terminator: "")
                    failed = true
                }
            }
            if failed { throw ExitCode.failure }
        }
    }
}
