public import Foundation

/// Places in the repository and the build, found from this source file's place (Tests/TestSupport/).
public enum RepositoryPaths {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The directory of the running test executable, where `swift build` put the products too.
    public static var products: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// A product of the package (`virtsync`, `virtsync-agent`) built beside the tests.
    public static func product(_ name: String) -> String {
        products.appendingPathComponent(name).path
    }
}

extension RepositoryPaths {
    /// `product(name)`, or an error saying to build it first when it is missing.
    public static func builtProduct(_ name: String) throws -> URL {
        let path = product(name)
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw SupportFailure(description: "no \(name) at \(path): run `swift build` first")
        }
        return URL(fileURLWithPath: path)
    }
}
