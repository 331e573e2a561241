public import LibvirtXML

/// Writes what a manifest owns into the document libvirt has, keeping everything else.
///
/// An update redefines the object from this merge, never from the rendered document alone: libvirt's
/// UUID, generated MACs, PCI addresses and controllers, and whatever the manifest does not speak about,
/// stay as they are. Members of owned lists the manifest lacks are removed (that is the drift repaired).
public struct XMLMerger: Sendable {
    public var comparator: XMLComparator

    public init(comparator: XMLComparator = XMLComparator()) { self.comparator = comparator }

    public func merge(want: XElement, into have: XElement) -> XElement {
        var merged = mergeElement(want, have, path: "")
        if want.name == "domain" {
            DeviceAddressReset.apply(want: want, have: have, merged: &merged, rules: comparator.rules)
        }
        return merged
    }

    private func mergeElement(_ want: XElement, _ have: XElement, path: String) -> XElement {
        var result = have
        if !comparator.compareShallow(want, have, path: path).isEmpty {
            for attribute in want.attributes { result[attribute: attribute.name] = attribute.value }
            if want.text != nil { result.text = want.text }
        }
        result.children = mergeChildren(want, have, path: path)
        return result
    }

    private func mergeChildren(_ want: XElement, _ have: XElement, path: String) -> [XElement] {
        var replacement: [Int: XElement?] = [:]  // index in have.children → merged child, or nil to drop
        var appended: [XElement] = []
        var seen: Set<String> = []
        for child in want.children where !seen.contains(child.name) {
            seen.insert(child.name)
            let positions = have.children.indices.filter { have.children[$0].name == child.name }
            if path.isEmpty && child.name == "metadata" { continue }
            let rule = comparator.rule(parent: want.name, child: child.name)
            let pairing = ChildPairing(
                name: child.name,
                want: want.children(child.name),
                have: positions.map { have.children[$0] },
                rule: rule,
                differs: { !comparator.matches(want: $0, have: $1) }
            )
            for (label, wanted, had) in pairing.pairs {
                if let had {
                    replacement[positions[had]] = mergeElement(
                        wanted,
                        have.children[positions[had]],
                        path: "\(path)/\(label)"
                    )
                } else {
                    appended.append(wanted)
                }
            }
            if rule?.owned == true { for (_, had) in pairing.extras { replacement[positions[had]] = .some(nil) } }
        }
        for index in have.children.indices where !seen.contains(have.children[index].name) {
            if let rule = comparator.rule(parent: want.name, child: have.children[index].name), rule.owned,
                rule.emptyMeansNone,
                !want.children.isEmpty || want.name == "devices"
            {
                replacement[index] = .some(nil)
            }
        }
        var children: [XElement] = []
        for (index, child) in have.children.enumerated() {
            if let replaced = replacement[index] {
                if let replaced { children.append(replaced) }
            } else {
                children.append(child)
            }
        }
        return children + appended
    }
}

extension XMLComparator {
    /// Differences in one element's own attributes and text, children aside.
    func compareShallow(_ want: XElement, _ have: XElement, path: String) -> [FieldChange] {
        var shallowWant = want
        shallowWant.children = []
        var shallowHave = have
        shallowHave.children = []
        return compare(want: shallowWant, have: shallowHave)
    }
}
