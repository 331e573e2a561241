internal import Foundation
import VirtsyncManifest

/// Expands `${hostname}` in `host.name` and `paths`, so one config file serves a whole fleet.
///
/// Any other `${…}` is an error rather than literal text: a typo (`${hostnmae}`) would otherwise
/// silently select nothing.
struct HostnameExpander {
    let hostname: String

    static let variable = "hostname"

    /// The expanded text, or nil after reporting an unknown or unterminated variable at `node`.
    func expand(_ text: String, in node: Field) -> String? {
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                node.error("unterminated '${' in '\(text)'")
                return nil
            }
            let name = rest[start.upperBound..<end]
            guard name == Self.variable else {
                let hint =
                    Suggestion.closest(to: String(name), in: [Self.variable]) != nil
                    ? "did you mean '${hostname}'?" : "only ${hostname} is expanded"
                node.error("unknown variable '${\(name)}'; \(hint)")
                return nil
            }
            result += hostname
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
