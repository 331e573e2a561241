import ArgumentParser

/// The options every verb takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: "libvirt URI. The default, libvirt's embedded test driver, touches nothing on the host.")
    var connect = "test:///default"

    @Option(help: "Directory of the inventory of managed objects.")
    var stateDir = "/var/lib/virtsync"
}

/// The manifests a verb reads and how they are checked.
struct ManifestOptions: ParsableArguments {
    @Argument(help: "Manifest files or directories (read recursively: .yaml, .yml, .xml).")
    var paths: [String]

    @Option(name: .customLong("allowed-path"), help: "Another prefix disk and ISO paths may lie under.")
    var allowedPaths: [String] = []

    @Option(help: "This host's name for metadata.hosts selectors (default: the system's).")
    var hostName: String?

    @Option(name: .customLong("host-label"), help: "A host label key=value for metadata.hosts selectors.")
    var hostLabels: [String] = []
}

/// What plan and apply decide.
struct PlanFlags: ParsableArguments {
    @Flag(help: "Remove inventory objects whose manifests left (volumes only with deletionPolicy: Delete).")
    var prune = false

    @Flag(help: "Take over existing unmanaged objects whose names the manifests use.")
    var adopt = false
}
