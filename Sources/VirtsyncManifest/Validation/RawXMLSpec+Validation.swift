internal import LibvirtXML

extension RawXMLSpec {
    /// What can be checked of libvirt's own XML: the paths and objects a domain uses, a volume's pool.
    /// Problems are placed at `spec.xml` of a YAML document, or at the root element of a bare file.
    func validate(scope: ValidationScope, origin: Manifest.Origin, into findings: inout Findings) {
        let field = origin == .yaml ? "spec.xml" : ""
        switch kind {
        case .domain: validateDomain(field: field, scope: scope, into: &findings)
        case .volume:
            if let pool { scope.require(ObjectID(.storagePool, pool), at: "spec.pool", in: &findings) }
        case .storagePool:
            if let path = xml.descendant("target/path")?.text, let problem = PathRule.shapeProblem(with: path) {
                findings.error(field, "<target><path>: \(problem)")
            }
        case .network: break
        }
    }

    private func validateDomain(field: String, scope: ValidationScope, into findings: inout Findings) {
        let devices = xml.child("devices")
        for (index, disk) in (devices?.children("disk") ?? []).enumerated() {
            guard let source = disk.child("source") else { continue }
            let name = disk.child("target")?[attribute: "dev"].map { "'\($0)'" } ?? "\(index)"
            if let file = source[attribute: "file"] {
                if let problem = PathRule.problem(with: file, allowed: scope.allowedPrefixes) {
                    findings.error(field, "disk \(name): \(problem)")
                }
            } else if let pool = source[attribute: "pool"], let volume = source[attribute: "volume"] {
                scope.require(ObjectID(.volume, volume, pool: pool), at: field, in: &findings)
            }
        }
        for interface in devices?.children("interface") ?? [] where interface[attribute: "type"] == "network" {
            if let network = interface.child("source")?[attribute: "network"] {
                scope.require(ObjectID(.network, network), at: field, in: &findings)
            }
        }
    }
}
