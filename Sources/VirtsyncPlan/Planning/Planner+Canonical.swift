import LibvirtXML
import VirtsyncManifest

extension Planner {
    /// The object with its document in libvirt's spelling, limited to what the manifest says
    /// (`CanonicalProjection`), when the document as rendered seems to differ from the host's.
    ///
    /// A document that already matches is left as it is: most objects of a steady host do, and a round
    /// trip through libvirt costs more than the comparison that shows it unnecessary. Volumes are compared
    /// as rendered (libvirt's test driver would need their pool).
    func canonicalized(_ object: DesiredObject, against have: ObservedObject) -> DesiredObject {
        guard let canonicalizer, object.id.kind != .volume else { return object }
        let configMatches = comparator.matches(want: object.xml, have: have.xml)
        let liveMatches = have.liveXML.map { comparator.matches(want: object.xml, have: $0) } ?? true
        guard !configMatches || !liveMatches,
            let canonical = canonicalizer.canonical(object.xml, kind: object.id.kind)
        else { return object }
        var result = object
        result.xml = CanonicalProjection.project(canonical, onto: object.xml)
        // What the QEMU driver adds on top of libvirt's generic parser (machine types, controllers and
        // addresses are the comparator's rules and ownership; memory from NUMA cells is this).
        if object.id.kind == .domain {
            result.xml = NumaMemoryEquivalence.adjust(want: result.xml, have: have.xml)
            if RunningStateEquivalence.isReadBack(object.xml) {
                result.xml = RunningStateEquivalence.adjust(want: result.xml, have: have.xml)
            }
        }
        return result
    }
}
