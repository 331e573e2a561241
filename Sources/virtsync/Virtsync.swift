import ArgumentParser
import VirtsyncBuildInfo

/// `virtsync`: keeps a KVM host's libvirt objects equal to a tree of manifests.
@main
struct Virtsync: AsyncParsableCommand {
    // Every command names itself: ArgumentParser would otherwise derive each name from the type with
    // `String(describing:)`, whose protocol-conformance scans of this large binary cost 3 ms per start.
    static let configuration = CommandConfiguration(
        commandName: "virtsync",
        abstract: "GitOps for libvirt: validate, plan and apply manifests of networks, pools, volumes and VMs.",
        version: BuildInfo.description,
        subcommands: [
            Validate.self, Plan.self, Apply.self, Check.self, Export.self, Run.self, Status.self, Preview.self,
        ]
    )
}
