internal import Foundation

/// Renders a plan for people (per object and field, want vs have) or as JSON for tools.
public struct PlanPrinter: Sendable {
    /// ANSI colours; the CLI turns them on only when standard output is a terminal.
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func text(_ plan: Plan) -> String {
        var out = ""
        for step in plan.steps { out += describe(step) }
        for id in plan.leftGit { out += "  \(id)  left git; kept (apply with --prune to remove)\n" }
        out += summary(plan) + "\n"
        return out
    }

    public func json(_ plan: Plan) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(plan), as: UTF8.self)
    }

    /// One line saying what would happen, or that nothing would.
    public func summary(_ plan: Plan) -> String {
        if plan.isInSync {
            let total = plan.inSync.count + plan.steps.count
            // An object that matches but is adopted changes the inventory, not the host: say so.
            let adopted = plan.steps.count { $0.change == .update && $0.operations.isEmpty && !$0.suspended }
            guard adopted > 0 else { return paint("in sync: \(total) objects, nothing to do", "32") }
            return paint("in sync: \(total) objects, nothing to change on the host; \(adopted) adopted", "32")
        }
        let counts = ChangeClass.allCases.compactMap { change -> String? in
            let count = plan.steps.filter { $0.change == change && !$0.suspended }.count
            return count == 0 ? nil : "\(count) \(change.rawValue)"
        }
        return "plan: " + counts.joined(separator: ", ") + "; \(plan.inSync.count) in sync"
    }

    private func describe(_ step: PlanStep) -> String {
        let (symbol, code) = Self.marks[step.change] ?? ("?", "0")
        var out = paint("\(symbol) \(step.id)", code) + "  " + step.change.rawValue
        if step.suspended { out += " (suspended)" }
        if let manifest = step.manifest { out += paint("  \(manifest)", "2") }
        out += "\n"
        for field in step.fields {
            out += "    \(field.path): want \(field.want ?? "(absent)"), have \(field.have ?? "(absent)")\n"
        }
        if !step.operations.isEmpty {
            out += "    → " + step.operations.map(\.description).map(Self.short).joined(separator: ", ") + "\n"
        }
        for note in step.notes { out += "    note: \(note)\n" }
        return out
    }

    private static let marks: [ChangeClass: (String, String)] = [
        .create: ("+", "32"), .update: ("~", "33"), .pendingRestart: ("!", "33"), .replace: ("±", "35"),
        .destroy: ("-", "31"), .release: ("○", "36"), .refused: ("✗", "31"),
    ]

    private static func short(_ text: String) -> String { text.count > 120 ? String(text.prefix(117)) + "..." : text }

    private func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
}
