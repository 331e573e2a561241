internal import CLibxml2

#if canImport(Glibc)
import Glibc
#endif

/// Gathers libxml2's structured errors during one call, instead of letting libxml2 print them.
///
/// It travels to the C callback as an unretained opaque pointer, kept alive by `withExtendedLifetime` at
/// the call site; it is used on one thread only, within that call.
final class ProblemCollector {
    var problems: [SchemaProblem] = []

    /// The `xmlStructuredErrorFunc` that appends to the collector named by `context`.
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<ProblemCollector>.fromOpaque(context).takeUnretainedValue()
        collector.problems.append(problem(from: error.pointee))
    }

    private static func problem(from error: xmlError) -> SchemaProblem {
        let message = error.message.map { String(cString: $0) } ?? "unknown error"
        var path = ""
        if let node = error.node?.assumingMemoryBound(to: xmlNode.self), let cPath = xmlGetNodePath(node) {
            path = String(cString: cPath)
            // libxml2's default allocator is malloc; its `xmlFree` is a C global Swift 6 cannot touch safely.
            free(cPath)
        }
        return SchemaProblem(
            line: Int(error.line),
            path: path,
            message: message.split(whereSeparator: \.isNewline).map { $0.trimmingPrefix(" ") }.joined(separator: " ")
        )
    }
}
