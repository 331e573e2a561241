package import Yams

/// One node of a YAML file being decoded (a manifest document, or the agent's config), with its path
/// and where to report problems about it.
///
/// A block mapping's own mark is its first key, so an error about a mapping or list as a whole (wrong
/// type, missing member) is reported at `anchor`: the key that holds it, or the item itself in a list.
package struct Field {
    package let node: Node
    /// `spec.devices.disks[0].cache`, `source.auth.tokenFile`.
    package let path: String
    package let anchor: Mark?
    package let state: DecodingState

    package init(node: Node, path: String, anchor: Mark?, state: DecodingState) {
        self.node = node
        self.path = path
        self.anchor = anchor
        self.state = state
        state.record(path, anchor)
    }

    /// A scalar's own position is exact; anything larger is reported at its key.
    package var valueMark: Mark? { node.scalar != nil ? node.mark ?? anchor : anchor }

    package func error(_ message: String) { state.error(at: valueMark, path, message) }

    package func member(_ key: String, keyMark: Mark?, node: Node) -> Field {
        Field(node: node, path: path.isEmpty ? key : "\(path).\(key)", anchor: keyMark, state: state)
    }

    package func item(_ index: Int, node: Node) -> Field {
        Field(node: node, path: "\(path)[\(index)]", anchor: node.mark ?? anchor, state: state)
    }

    package var isNull: Bool {
        guard let scalar = node.scalar else { return false }
        return node.null != nil || (scalar.style == .plain && scalar.string.isEmpty)
    }

    /// How the node reads in an error message: `'two'`, `a list`, `a mapping`, `nothing`.
    package var described: String {
        switch node {
        case .scalar(let scalar): isNull ? "nothing" : "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// Reports `expected <what>, got <node>[; <hint>]` and returns nil, so callers can `return mismatch(...)`.
    package func mismatch<T>(_ expected: String, hint: String? = nil) -> T? {
        error("expected \(expected), got \(described)\(hint.map { "; \($0)" } ?? "")")
        return nil
    }
}
