internal import Yams

/// One node of a manifest document, with its field path and where to report problems about it.
///
/// A block mapping's own mark is its first key, so an error about a mapping or list as a whole (wrong
/// type, missing member) is reported at `anchor`: the key that holds it, or the item itself in a list.
struct Field {
    let node: Node
    /// `spec.devices.disks[0].cache`.
    let path: String
    let anchor: Mark?
    let state: DecodingState

    init(node: Node, path: String, anchor: Mark?, state: DecodingState) {
        self.node = node
        self.path = path
        self.anchor = anchor
        self.state = state
        state.record(path, anchor)
    }

    /// A scalar's own position is exact; anything larger is reported at its key.
    var valueMark: Mark? { node.scalar != nil ? node.mark ?? anchor : anchor }

    func error(_ message: String) { state.error(at: valueMark, path, message) }

    func member(_ key: String, keyMark: Mark?, node: Node) -> Field {
        Field(node: node, path: path.isEmpty ? key : "\(path).\(key)", anchor: keyMark, state: state)
    }

    func item(_ index: Int, node: Node) -> Field {
        Field(node: node, path: "\(path)[\(index)]", anchor: node.mark ?? anchor, state: state)
    }

    var isNull: Bool {
        guard let scalar = node.scalar else { return false }
        return node.null != nil || (scalar.style == .plain && scalar.string.isEmpty)
    }

    /// How the node reads in an error message: `'two'`, `a list`, `a mapping`, `nothing`.
    var described: String {
        switch node {
        case .scalar(let scalar): isNull ? "nothing" : "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// Reports `expected <what>, got <node>` and returns nil, so callers can `return mismatch(...)`.
    func mismatch<T>(_ expected: String) -> T? {
        error("expected \(expected), got \(described)")
        return nil
    }
}
