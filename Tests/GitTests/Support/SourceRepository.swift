import Foundation
import TestSupport

/// A repository the test writes with the git command line: the "server" side of every test.
struct SourceRepository {
    let url: URL

    /// Creates `<parent>/<name>` with `git init` on branch `main`.
    init(in parent: TemporaryDirectory, name: String = "source") throws {
        url = parent.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    /// `file://` URL libgit2 clones from.
    var fileURL: String { "file://\(url.path)" }

    /// Writes a file, commits it and returns the new commit's id.
    @discardableResult
    func commit(_ file: String, _ content: String, message: String? = nil) throws -> String {
        try content.write(to: url.appendingPathComponent(file), atomically: true, encoding: .utf8)
        try git("add", file)
        try git("commit", "-q", "-m", message ?? "write \(file)")
        return try git("rev-parse", "HEAD")
    }

    /// Runs git in the repository with a fixed identity, returning its trimmed output.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try Shell.run(
            [
                "git", "-c", "user.name=Virtsync Test", "-c", "user.email=test@example.invalid",
                "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false",
            ] + arguments,
            in: url
        )
    }
}

/// Reads a file of a clone's work tree.
func contents(of file: String, in directory: String) throws -> String {
    try String(contentsOfFile: (directory as NSString).appendingPathComponent(file), encoding: .utf8)
}
