import Foundation
import Testing

/// Parent of every suite that changes the process environment: the environment is global to the test
/// process and Swift Testing runs tests in parallel, so these run one at a time.
@Suite("process environment", .serialized)
struct ProcessEnvironmentTests {}

/// Sets (or, for nil, unsets) environment variables for the duration of `body`, then restores them.
func withEnvironment<T>(_ values: [String: String?], _ body: () throws -> T) rethrows -> T {
    let saved = values.keys.map { name in (name, ProcessInfo.processInfo.environment[name]) }
    for (name, value) in values { setEnvironment(name, value) }
    defer { for (name, value) in saved { setEnvironment(name, value) } }
    return try body()
}

private func setEnvironment(_ name: String, _ value: String?) {
    if let value { setenv(name, value, 1) } else { unsetenv(name) }
}
