import Foundation
import TestSupport

/// Runs test commands (`git`, `ssh-keygen`, `gpg`) with the shared runner and fails loudly when they do.
enum Shell {
    typealias Failure = SupportFailure

    /// Runs a program found on PATH and returns its trimmed standard output; a non-zero exit throws.
    @discardableResult
    static func run(
        _ arguments: [String],
        in directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> String {
        try ChildProcess.run(arguments, in: directory, environment: environment).check(arguments.joined(separator: " "))
            .trimmedOutput
    }
}
