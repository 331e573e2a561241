import LibvirtXML
import VirtsyncManifest

extension Planner {
    /// The object with its document in libvirt's spelling, limited to what the manifest says
    /// (`CanonicalProjection`), with the QEMU driver's own additions settled; nil when there is no
    /// canonicalizer or it cannot say. Volumes are compared as rendered (libvirt's test driver would need
    /// their pool).
    func canonicalized(_ object: DesiredObject, against have: ObservedObject) -> DesiredObject? {
        guard let canonicalizer, object.id.kind != .volume,
            let canonical = canonicalizer.canonical(object.xml, kind: object.id.kind)
        else { return nil }
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
