internal import CGit2

/// libgit2's global state, set up once for the process.
///
/// `git_libgit2_init` must run before any other libgit2 call. It runs here, from a `static let`
/// (evaluated once, thread-safely, on first use), and every entry point of this module touches
/// `GitRuntime.ready` first: there is no hidden initialiser elsewhere. libgit2 is never shut down:
/// its state lives as long as the process.
enum GitRuntime {
    /// Evaluating it initialises libgit2; a negative count means libgit2 could not start.
    static let ready: Int32 = git_libgit2_init()
}
