public import VirtsyncManifest

/// A revision's manifests as read from its files, before the host is asked: parsed, checked on their
/// own (over every file, whichever host it selects) and narrowed to this host.
///
/// It hands out no manifest: the only way to this host's objects is `SyncSession.check`, which adds
/// what only the host can say (a reference to a network neither git nor the host has) and returns a
/// `CheckedRevision` the caller must open. So no caller can plan or apply a revision that has errors.
public struct RevisionManifests: Sendable {
    /// A commit id, or the paths a command line read.
    public let revision: String
    /// Loading and host-independent findings, over the whole revision.
    let findings: [ManifestError]
    /// The validation's findings when no host could change them (every object used is declared, and this
    /// host selects every manifest); nil when a host-aware validation must run.
    private(set) var findingsWithAnyHost: [ManifestError]?
    /// What parsing found (warnings only, when the revision is checked against a host).
    let loadFindings: [ManifestError]
    /// The manifests that select this host.
    let selected: [Manifest]
    let allowedPaths: [String]
    /// The host the selection was made for, named in refusals.
    public let hostName: String

    /// Parses `files` (once: a long-running agent checks the same revision against the host on every
    /// pass) and selects this host's manifests.
    public init(revision: String, files: [ManifestFile], selector: HostSelector, allowedPaths: [String]) {
        self.init(
            revision: revision,
            loaded: ManifestLoader.load(files),
            selector: selector,
            allowedPaths: allowedPaths
        )
    }

    public init(revision: String, loaded: ManifestLoadResult, selector: HostSelector, allowedPaths: [String]) {
        self.revision = revision
        self.allowedPaths = allowedPaths
        hostName = selector.hostName
        loadFindings = loaded.diagnostics
        var findings = loaded.diagnostics
        selected = loaded.manifests.filter(selector.selects)
        if !loaded.hasErrors {
            // Without a host, "missing on the host" is only a warning: the errors found here need no host.
            let (validated, hostCanChange) = ManifestValidator.validateNotingHostUse(
                loaded.manifests,
                context: ValidationContext(allowedPaths: allowedPaths)
            )
            findings += validated
            // The same manifests checked against a host would say the same: the check need not run again.
            if !hostCanChange && selected.count == loaded.manifests.count { findingsWithAnyHost = validated }
        }
        self.findings = findings.sortedByLocation()
    }

    /// Manifests already loaded and selected (tests, and callers that build manifests in code).
    public init(revision: String, selected: [Manifest], allowedPaths: [String], hostName: String = "") {
        self.revision = revision
        self.allowedPaths = allowedPaths
        self.hostName = hostName
        self.selected = selected
        findings = []
        loadFindings = []
    }

    /// How many manifests select this host.
    public var selectedCount: Int { selected.count }

    /// The errors that refuse this revision on any host, found without asking one.
    public var hostIndependentRefusal: RevisionRefusal? {
        findings.contains { $0.severity == .error } ? RevisionRefusal(revision: revision, diagnostics: findings) : nil
    }
}
