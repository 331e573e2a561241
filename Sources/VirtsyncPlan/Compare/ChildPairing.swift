import LibvirtXML

/// The children of one name under one parent, paired between the manifest (`want`) and libvirt (`have`).
struct ChildPairing {
    /// A manifest member and the host member it stands for (nil: missing on the host), with its path label.
    var pairs: [(label: String, want: XElement, have: Int?)] = []
    /// Host members (indices into `have`) no manifest member claims, with their labels.
    var extras: [(label: String, have: Int)] = []

    init(name: String, want: [XElement], have: [XElement], rule: ListRule?, differs: (XElement, XElement) -> Bool) {
        let single = want.count <= 1 && have.count <= 1
        switch rule?.matching {
        case .key(let key)?:
            pairByKey(name: name, want: want, have: have, key: key)
        case .position?:
            for (index, element) in want.enumerated() {
                pairs.append(("\(name)[\(index)]", element, index < have.count ? index : nil))
            }
            for index in want.count..<max(want.count, have.count) { extras.append(("\(name)[\(index)]", index)) }
        case .bestFit?, nil:
            pairByFit(name: name, want: want, have: have, single: single, differs: differs)
        }
    }

    private mutating func pairByKey(name: String, want: [XElement], have: [XElement], key: (XElementView) -> String?) {
        var unclaimed = Array(have.indices)
        var byKey: [String: Int] = [:]
        for index in have.indices {
            if let value = key(XElementView(element: have[index])), byKey[value] == nil { byKey[value] = index }
        }
        var ordinal = 0
        for element in want {
            if let value = key(XElementView(element: element)) {
                let match = byKey[value].flatMap { unclaimed.contains($0) ? $0 : nil }
                if let match { unclaimed.removeAll { $0 == match } }
                pairs.append(("\(name)[\(value)]", element, match))
            } else {
                // No key in the manifest (an interface without a MAC): the next unclaimed member in order.
                let match = unclaimed.first
                if let match { unclaimed.removeFirst() }
                pairs.append(("\(name)[\(ordinal)]", element, match))
                ordinal += 1
            }
        }
        for index in unclaimed {
            let label = key(XElementView(element: have[index])).map { "\(name)[\($0)]" } ?? "\(name)[\(index)]"
            extras.append((label, index))
        }
    }

    private mutating func pairByFit(
        name: String,
        want: [XElement],
        have: [XElement],
        single: Bool,
        differs: (XElement, XElement) -> Bool
    ) {
        var unclaimed = Array(have.indices)
        for (index, element) in want.enumerated() {
            let label = single ? name : "\(name)[\(index)]"
            // With one candidate left the answer is that one either way: comparing it first would compare
            // every nested single child twice, doubling the work at each level of the document.
            let exact = unclaimed.count > 1 ? unclaimed.first { !differs(element, have[$0]) } : nil
            let match = exact ?? unclaimed.first
            if let match { unclaimed.removeAll { $0 == match } }
            pairs.append((label, element, match))
        }
        for index in unclaimed { extras.append((single ? name : "\(name)[\(index)]", index)) }
    }
}
