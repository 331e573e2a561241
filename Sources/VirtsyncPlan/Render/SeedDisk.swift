public import LibvirtXML
public import VirtsyncManifest

/// The cdrom that carries a domain's cloud-init seed: a read-only SATA drive on the seed volume, on the
/// first `sd` target no disk of the domain uses. SATA works on both `pc` and `q35` machines (libvirt adds
/// the AHCI controller), where IDE does not exist on q35.
public enum SeedDisk {
    /// The domain document with the seed's cdrom after its last disk; unchanged when there is no seed
    /// or the document already has a disk on the seed volume.
    public static func attach(to domain: XElement, seed: ObjectID?) -> XElement {
        guard let seed, let pool = seed.pool, var devices = domain.child("devices") else { return domain }
        let disks = devices.children("disk")
        if disks.contains(where: {
            $0.child("source")?[attribute: "volume"] == seed.name && $0.child("source")?[attribute: "pool"] == pool
        }) {
            return domain
        }
        let used = Set(disks.compactMap { $0.child("target")?[attribute: "dev"] })
        let target = "abcdefghijklmnopqrstuvwxyz".lazy.map { "sd\($0)" }.first { !used.contains($0) } ?? "sdz"
        let disk = DomainRenderer.disk(
            DomainSpec.Disk(
                target: target,
                device: .cdrom,
                bus: .sata,
                source: .volume(pool: pool, name: seed.name),
                format: "raw"
            )
        )
        let position =
            (devices.children.lastIndex { $0.name == "disk" } ?? devices.children.lastIndex { $0.name == "emulator" })
            .map { $0 + 1 } ?? 0
        devices.children.insert(disk, at: position)
        var result = domain
        result.setChild("devices", devices)
        return result
    }
}
