import Foundation
import TestSupport
import Testing

/// Runs the built `virtsync` binary in Tests/CLITests/Fixtures (so the paths it prints are relative and
/// the goldens stable) and compares exit status, standard output and standard error with a golden file.
enum CLI {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func run(_ arguments: [String]) throws -> ChildProcess.Result {
        try ChildProcess(RepositoryPaths.product("virtsync"), arguments, directory: fixtures).run()
    }

    /// Runs `arguments` and expects `status`, and the whole transcript to equal `goldens/NAME.txt`.
    static func expect(
        _ arguments: [String],
        status: Int32,
        golden name: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try run(arguments)
        #expect(
            result.status == status,
            "virtsync \(arguments.joined(separator: " ")): \(result.error)",
            sourceLocation: sourceLocation
        )
        // A temporary state directory's path differs per run: the transcript says STATE_DIR.
        let shown = arguments.map { $0.hasPrefix(scratchPrefix) ? "STATE_DIR" : $0 }
        let transcript =
            "$ virtsync \(shown.joined(separator: " "))\n== exit \(result.status)\n== stdout\n\(result.output)== stderr\n\(result.error)"
        let mismatch = Golden.mismatch(transcript, golden: fixtures.appendingPathComponent("goldens/\(name).txt"))
        #expect(mismatch == nil, "\(mismatch ?? "")", sourceLocation: sourceLocation)
    }

    static let scratchPrefix = FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-cli-").path

    /// A fresh, empty state directory (its path is never printed, so goldens stay stable).
    static func stateDirectory() throws -> String {
        let url = URL(fileURLWithPath: scratchPrefix + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}
