public import LibvirtXML

/// Compares the document a manifest renders with the one libvirt reports, field by field.
///
/// The manifest owns what it says: every attribute, text and child it has must be on the host (up to the
/// equivalence rules); what the host has beyond that is libvirt's own (UUIDs, addresses, controllers,
/// defaults) and is ignored, except members of lists the manifest owns (see `ListRule`), where an extra
/// member is drift. The ownership mark under `<metadata>` is never compared.
public struct XMLComparator: Sendable {
    public var rules: EquivalenceRules
    /// `parent/child` lists this object's manifest owns beyond the table's (device lists it names).
    public var owning: Set<String> = []

    public init(rules: EquivalenceRules = .standard) { self.rules = rules }

    /// This comparator, also owning the given lists (see `DesiredObject.ownedLists`).
    public func owning(_ lists: Set<String>) -> XMLComparator {
        var comparator = self
        comparator.owning = lists
        return comparator
    }

    /// The list rule of `parent/child`, owned when the manifest owns that list.
    func rule(parent: String, child: String) -> ListRule? {
        guard var rule = ListRule.rule(parent: parent, child: child) else { return nil }
        if !rule.owned, !owning.isEmpty, owning.contains("\(parent)/\(child)") { rule.owned = true }
        return rule
    }

    /// Every owned field that differs, in document order.
    public func compare(want: XElement, have: XElement) -> [FieldChange] {
        var changes: [FieldChange] = []
        compareAttributesAndText(want, have, path: "", into: &changes)
        compareChildren(want, have, path: "", into: &changes)
        return changes
    }

    /// Whether the two documents agree on everything the manifest owns.
    public func matches(want: XElement, have: XElement) -> Bool { compare(want: want, have: have).isEmpty }

    private func compareElement(_ want: XElement, _ have: XElement, path: String, into changes: inout [FieldChange]) {
        compareAttributesAndText(want, have, path: path, into: &changes)
        compareChildren(want, have, path: path, into: &changes)
    }

    private func compareAttributesAndText(
        _ want: XElement,
        _ have: XElement,
        path: String,
        into changes: inout [FieldChange]
    ) {
        let scaled = ScaledUnit.isScaled(want.name)
        let scaledAttribute = want.name == "page" ? "size" : nil
        for attribute in want.attributes {
            if scaled && (attribute.name == "unit" || attribute.name == scaledAttribute) { continue }
            let value = have[attribute: attribute.name]
            // Equal text is equivalent under every rule; most fields of an unchanged object end here.
            if value == attribute.value { continue }
            let field = "\(path)@\(attribute.name)"
            if let value, rules.equivalent(path: Self.schemaPath(field), want: attribute.value, have: value) {
                continue
            }
            changes.append(FieldChange(path: field, want: attribute.value, have: value))
        }
        if let scaledAttribute, let size = want[attribute: scaledAttribute] {
            compareScaled(
                size,
                want[attribute: "unit"],
                have[attribute: scaledAttribute],
                have[attribute: "unit"],
                element: want.name,
                path: "\(path)@\(scaledAttribute)",
                into: &changes
            )
        }
        guard let text = want.text else { return }
        if scaled {
            compareScaled(
                text,
                want[attribute: "unit"],
                have.text,
                have[attribute: "unit"],
                element: want.name,
                path: path,
                into: &changes
            )
        } else if have.text != text,
            have.text.map({ !rules.equivalent(path: Self.schemaPath(path), want: text, have: $0) }) ?? true
        {
            changes.append(FieldChange(path: path, want: text, have: have.text))
        }
    }

    private func compareScaled(
        _ want: String,
        _ wantUnit: String?,
        _ have: String?,
        _ haveUnit: String?,
        element: String,
        path: String,
        into changes: inout [FieldChange]
    ) {
        let wantBytes = ScaledUnit.bytes(want, unit: wantUnit, element: element)
        let haveBytes = have.flatMap { ScaledUnit.bytes($0, unit: haveUnit, element: element) }
        guard wantBytes == nil || wantBytes != haveBytes else { return }
        changes.append(
            FieldChange(
                path: path,
                want: Self.scaledText(want, wantUnit),
                have: have.map { Self.scaledText($0, haveUnit) }
            )
        )
    }

    private func compareChildren(_ want: XElement, _ have: XElement, path: String, into changes: inout [FieldChange]) {
        var seen: Set<String> = []
        for child in want.children where !seen.contains(child.name) {
            seen.insert(child.name)
            if path.isEmpty && child.name == "metadata" { continue }
            let rule = rule(parent: want.name, child: child.name)
            let haveChildren = have.children(child.name)
            let pairing = ChildPairing(
                name: child.name,
                want: want.children(child.name),
                have: haveChildren,
                rule: rule,
                differs: { !self.matches(want: $0, have: $1) }
            )
            for (label, wanted, had) in pairing.pairs {
                let childPath = path.isEmpty ? label : "\(path)/\(label)"
                if let had {
                    compareElement(wanted, haveChildren[had], path: childPath, into: &changes)
                } else {
                    changes.append(FieldChange(path: childPath, want: Self.summary(wanted), have: nil))
                }
            }
            guard rule?.owned == true else { continue }
            for (label, had) in pairing.extras {
                changes.append(
                    FieldChange(
                        path: path.isEmpty ? label : "\(path)/\(label)",
                        want: nil,
                        have: Self.summary(haveChildren[had])
                    )
                )
            }
        }
        // An owned list the manifest leaves empty while libvirt has members (a disk added to a diskless VM).
        for child in have.children where !seen.contains(child.name) {
            seen.insert(child.name)
            guard let rule = rule(parent: want.name, child: child.name), rule.owned, rule.emptyMeansNone,
                !want.children.isEmpty || want.name == "devices"
            else { continue }
            for (index, had) in have.children(child.name).enumerated() {
                let label = "\(child.name)[\(index)]"
                changes.append(
                    FieldChange(path: path.isEmpty ? label : "\(path)/\(label)", want: nil, have: Self.summary(had))
                )
            }
        }
    }

    /// The path without list keys, which is what equivalence rules match on.
    package static func schemaPath(_ path: String) -> String {
        var result = ""
        var depth = 0
        for character in path {
            if character == "[" {
                depth += 1
            } else if character == "]" {
                depth -= 1
            } else if depth == 0 {
                result.append(character)
            }
        }
        return result
    }

    static func scaledText(_ value: String, _ unit: String?) -> String { unit.map { "\(value) \($0)" } ?? value }

    /// One line of XML for a whole element, short enough for a report.
    static func summary(_ element: XElement) -> String {
        let line = element.xmlString().split(separator: "\n").map { $0.trimmingPrefix(" ") }.joined()
        return line.count > 200 ? String(line.prefix(197)) + "..." : line
    }
}
