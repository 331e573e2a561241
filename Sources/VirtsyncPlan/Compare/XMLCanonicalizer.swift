public import LibvirtXML
public import VirtsyncManifest

/// Puts a desired document into libvirt's own spelling before it is compared with what libvirt reports.
///
/// libvirt rewrites what it reads (`0` becomes `0x00` in a PCI address, a size in `MiB` is kept in `KiB`,
/// `vcpusched vcpus='0-1'` becomes one element per vCPU, defaults are dropped or added): comparing the
/// manifest's spelling with libvirt's shows differences nobody made, forever. The one parser that knows
/// every such rewrite is libvirt's, so the host edge implements this by a round trip through libvirt's
/// in-process test driver (`TestDriverCanonicalizer`); the planner only sees this protocol and stays pure.
public protocol XMLCanonicalizer: Sendable {
    /// libvirt's spelling of `xml`, a domain, network or pool document, as libvirt's parser and
    /// formatter give it back (inactive, with security-sensitive values); nil when it cannot say, as when
    /// the parser refuses the document (the comparison then uses the document as written).
    func canonical(_ xml: XElement, kind: ManifestKind) -> XElement?
}
