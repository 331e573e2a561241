import VirtsyncManifest
internal import Yams

/// One node of the config file with its key path and where to report problems about it.
///
/// A block mapping's own mark is its first key, so a problem with a mapping or list as a whole is
/// reported at `anchor`, the key that holds it; a scalar's problem at the scalar itself.
struct ConfigNode {
    let node: Node
    /// `source.auth.tokenFile`, `paths[1]`.
    let path: String
    let anchor: Mark?
    let diagnostics: ConfigDiagnostics

    var valueMark: Mark? { node.scalar != nil ? node.mark ?? anchor : anchor }

    func error(_ message: String) { diagnostics.error(at: valueMark, path, message) }

    func member(_ key: String, keyMark: Mark?, node: Node) -> ConfigNode {
        ConfigNode(node: node, path: path.isEmpty ? key : "\(path).\(key)", anchor: keyMark, diagnostics: diagnostics)
    }

    func item(_ index: Int, node: Node) -> ConfigNode {
        ConfigNode(node: node, path: "\(path)[\(index)]", anchor: node.mark ?? anchor, diagnostics: diagnostics)
    }

    var isNull: Bool {
        guard let scalar = node.scalar else { return false }
        return node.null != nil || (scalar.style == .plain && scalar.string.isEmpty)
    }

    /// How the node reads in a message: `'two'`, `a list`, `a mapping`, `nothing`.
    var described: String {
        switch node {
        case .scalar(let scalar): isNull ? "nothing" : "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// Reports `expected <what>, got <node>` and returns nil, so callers can `return mismatch(...)`.
    func mismatch<T>(_ expected: String, hint: String? = nil) -> T? {
        error("expected \(expected), got \(described)\(hint.map { "; \($0)" } ?? "")")
        return nil
    }
}

/// A mapping whose keys are checked when it is opened: an unknown key is reported with the closest
/// known one; members are then read by name.
struct ConfigMapping {
    let node: ConfigNode
    private let members: [String: (keyMark: Mark?, value: Node)]

    /// Nil, after reporting, when the node is not a mapping. An empty value (`auth:`) reads as `{}`.
    init?(_ node: ConfigNode, allowed: [String]) {
        self.node = node
        if node.isNull {
            members = [:]
            return
        }
        guard let mapping = node.node.mapping else {
            let _: Void? = node.mismatch("a mapping")
            return nil
        }
        var members: [String: (keyMark: Mark?, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                node.diagnostics.error(at: key.mark, node.path, "expected a key name, got \(key.mapping == nil ? "a list" : "a mapping")")
                continue
            }
            guard allowed.contains(name) else {
                let path = node.path.isEmpty ? name : "\(node.path).\(name)"
                let hint = Suggestion.closest(to: name, in: allowed).map { "did you mean '\($0)'?" }
                    ?? "expected one of \(allowed.joined(separator: ", "))"
                node.diagnostics.error(at: key.mark, path, "unknown key; \(hint)")
                continue
            }
            members[name] = (key.mark, value)
        }
        self.members = members
    }

    func optional(_ key: String) -> ConfigNode? {
        members[key].map { node.member(key, keyMark: $0.keyMark, node: $0.value) }
    }

    /// The member, or nil after reporting it missing at the key that holds this mapping.
    func required(_ key: String) -> ConfigNode? {
        if let member = optional(key) { return member }
        let path = node.path.isEmpty ? key : "\(node.path).\(key)"
        node.diagnostics.error(at: node.anchor, path, "required key is missing")
        return nil
    }
}
