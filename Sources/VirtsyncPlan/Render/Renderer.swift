// TEMPORARY stand-in until the renderer branch merges (replaced by it).
public import LibvirtXML
public import VirtsyncManifest

public enum Renderer {
    public static func render(_ manifest: Manifest) -> XElement { render(manifest, volumeFormats: [:]) }
    public static func render(_ manifest: Manifest, volumeFormats: [ObjectID: String]) -> XElement {
        if case .rawXML(let raw) = manifest.spec { return raw.xml }
        return XElement("unrendered")
    }
}
