internal import Foundation
public import Git
public import VirtsyncSource

/// The refs of `source.preview.refs` (`refs/pull/*/head`…), fetched into a bare repository of their own.
///
/// Apart from `GitSource`'s clone on purpose: a preview's fetch (a contributor's branch may be large)
/// and its export never hold the followed clone's lock nor move its work tree, so the reconcile of
/// `source.ref` never waits for a pull request. Each glob is fetched as `+GLOB:GLOB` (libgit2 refspecs,
/// one `*` each) with pruning, so a deleted ref stops being listed.
public actor GitPreviewSource: PreviewSource {
    public let url: String
    public let globs: [String]
    /// The bare repository, and beside it the directory a revision is exported into.
    public let directory: String
    let exportDirectory: String
    let credentials: @Sendable () throws -> FetchOptions
    /// The same signature check as the followed ref's: an unsigned pull request is refused, not planned.
    public let verifier: CommitVerifier?
    var repository: GitRepository?

    public init(
        url: String,
        globs: [String],
        cacheDirectory: String,
        credentials: @escaping @Sendable () throws -> FetchOptions = { FetchOptions() },
        verifier: CommitVerifier? = nil
    ) {
        self.url = url
        self.globs = globs
        let name = String(url.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        self.directory = (cacheDirectory as NSString).appendingPathComponent("previews/\(name).git")
        self.exportDirectory = (cacheDirectory as NSString).appendingPathComponent("previews/\(name).tree")
        self.credentials = credentials
        self.verifier = verifier
    }

    /// The refspecs fetched: each glob onto the same name.
    public static func refspecs(_ globs: [String]) -> [String] { globs.map { "+\($0):\($0)" } }

    public func refs() async throws -> [String: String] {
        let options = try credentials()
        let repository = try open()
        try repository.fetch(refspecs: Self.refspecs(globs), options: options)
        var found: [String: String] = [:]
        for glob in globs {
            for (name, id) in try repository.references(matching: glob) { found[name] = id.hex }
        }
        return found
    }

    public func snapshot(ref: String, revision: String) async throws -> SourceSnapshot {
        guard let id = Git.ObjectID(hex: revision) else {
            throw PreviewSourceError(message: "not a commit id: \(revision)")
        }
        let repository = try open()
        try verifier?.verify(repository: repository, commit: id)
        try? FileManager.default.removeItem(atPath: exportDirectory)
        try FileManager.default.createDirectory(atPath: exportDirectory, withIntermediateDirectories: true)
        try repository.export(id, to: exportDirectory)
        return SourceSnapshot(revision: revision, directory: exportDirectory)
    }

    private func open() throws -> GitRepository {
        if let repository { return repository }
        try FileManager.default.createDirectory(
            atPath: (directory as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        let opened = try GitRepository.openOrInitBare(path: directory, url: url)
        repository = opened
        return opened
    }
}

/// A preview source's own refusal (libgit2's errors come as `GitError`).
public struct PreviewSourceError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
