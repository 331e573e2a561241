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
