internal import Foundation
public import Git
public import VirtsyncSource

/// A git repository as the agent's manifest source: cloned once into a cache directory, then fetched
/// and checked out (detached) at the configured branch, tag or commit on every update.
///
/// The work tree stays at the last good revision when a fetch fails, so the agent keeps applying what
/// it had; so it does when `verifier` refuses the new revision's commit, which is checked before the
/// checkout. libgit2's calls block; an update runs a few times a minute at most, so they run inline.
public actor GitSource: ManifestSource {
    public let url: String
    public let ref: String
    /// Where the clone lives (under the agent's state directory).
    public let directory: String
    public nonisolated let credentials: @Sendable () throws -> FetchOptions
    /// The commit signature check (`source.verify`); nil checks nothing.
    public nonisolated let verifier: CommitVerifier?
    var repository: GitRepository?
    var current: Git.ObjectID?

    /// - Parameters:
    ///   - credentials: read on every fetch, so a rotated token file is picked up.
    ///   - verifier: when set, a revision whose commit it refuses is not checked out and `update()` throws.
    public init(
        url: String,
        ref: String,
        cacheDirectory: String,
        credentials: @escaping @Sendable () throws -> FetchOptions = { FetchOptions() },
        verifier: CommitVerifier? = nil
    ) {
        self.url = url
        self.ref = ref
        let name = String(url.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        self.directory = (cacheDirectory as NSString).appendingPathComponent(name)
        self.credentials = credentials
        self.verifier = verifier
    }

    public func update() async throws -> SourceSnapshot {
        let options = try credentials()
        let repository = try openOrClone(options)
        try repository.fetch(options: options)
        let id = try repository.resolve(ref: ref)
        // Checked on every update, the current revision included: a clone left by a run without
        // verification must not be trusted just because it is already checked out.
        try verifier?.verify(repository: repository, commit: id)
        let previous = current
        var forced = false
        if let previous, previous != id { forced = !(try repository.isAncestor(previous, of: id)) }
        if repository.head() != id { try repository.checkout(id) }
        current = id
        return SourceSnapshot(
            revision: id.description,
            directory: directory,
            previous: previous?.description,
            forced: forced
        )
    }

    private func openOrClone(_ options: FetchOptions) throws -> GitRepository {
        if let repository { return repository }
        let opened: GitRepository
        if FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(".git")) {
            opened = try GitRepository.open(path: directory)
            // The revision a previous run left checked out: a force-push since then is still noticed.
            current = opened.head()
        } else {
            try? FileManager.default.removeItem(atPath: directory)
            try FileManager.default.createDirectory(
                atPath: (directory as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true
            )
            opened = try GitRepository.clone(url: url, to: directory, options: options)
        }
        repository = opened
        return opened
    }
}
