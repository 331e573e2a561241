/// Refs the agent plans besides the one it follows, and never applies: pull requests' heads.
///
/// `refs()` brings the refs up to date and names those that exist now; `snapshot(ref:revision:)` puts
/// one revision's files in a directory for the planner. A ref missing from `refs()` is gone (the pull
/// request was closed) and its preview is dropped.
public protocol PreviewSource: Sendable {
    /// Fetches; every matching ref that exists now, with its commit id.
    func refs() async throws -> [String: String]
    /// The files of `revision` (the commit `ref` led to), valid until the next call.
    func snapshot(ref: String, revision: String) async throws -> SourceSnapshot
}
