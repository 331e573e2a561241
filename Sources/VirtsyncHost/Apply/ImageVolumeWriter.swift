import Foundation
import Isofs
import Libvirt
import LibvirtXML
import VirtsyncImages
import VirtsyncManifest
import VirtsyncPlan

/// Fills new volumes with prepared bytes: an image from the cache, or a cloud-init seed ISO.
///
/// The volume is first created `raw` with exactly the file's size, the bytes uploaded through libvirt
/// (`virStorageVolUpload`), and the pool refreshed so that libvirt probes what the bytes are (a qcow2
/// cloud image reports its format and virtual size); then it grows to the manifest's capacity. Any
/// failure after the create deletes the volume again: no half-made volume is left behind.
struct ImageVolumeWriter {
    let pool: LibvirtStoragePool
    let images: ImageCache
    let progress: @Sendable (DownloadProgress) -> Void

    func create(xml: String, image: VolumeSpec.ImageSource) throws {
        let document = try XElement(parsing: xml)
        let want = document.child("capacity")?.text.flatMap(UInt64.init) ?? 0
        // The cache is held until the upload is done: no prune removes the file meanwhile.
        try images.withImage(for: image, progress: progress) { cached in
            try ensureRoom(for: UInt64(cached.size), what: "image \(image.url)")
            try upload(cached.path, size: UInt64(cached.size), as: document) { volume in
                let capacity = try volume.info().capacity
                if capacity > want {
                    throw ImageVolumeError.tooSmall(url: image.url, capacity: want, imageSize: capacity)
                }
                if capacity < want { try volume.resize(capacity: want) }
            }
        }
    }

    /// A pool without room for the bytes fails here, before a volume exists, and says so in numbers
    /// (libvirt's own error for a full disk names a file, not the pool). The pool is refreshed first:
    /// libvirt's free-space figure is as old as its last refresh.
    private func ensureRoom(for bytes: UInt64, what: String) throws {
        try pool.refresh()
        let live = try XElement(parsing: pool.xml(inactive: false))
        guard let available = live.child("available").flatMap(Self.bytes) else { return }
        if bytes > available {
            throw ImageVolumeError.poolFull(pool: pool.name, what: what, needs: bytes, available: available)
        }
    }

    /// `<available unit='bytes'>N</available>` (libvirt reports pool sizes in bytes).
    private static func bytes(_ element: XElement) -> UInt64? {
        guard let value = element.text.flatMap(UInt64.init) else { return nil }
        let unit = element[attribute: "unit"] ?? "bytes"
        return unit == "bytes" || unit == "B" ? value : nil
    }

    /// (Re)writes a seed volume: the old one (if any) is deleted, a new one made from the ISO.
    func writeSeed(xml: String, seed: SeedOperation) throws {
        guard !seed.isRedacted, let files = seed.seed.files else {
            throw ImageVolumeError.seedUnavailable(seed.seed.domain)
        }
        let iso = try ISOImage.make(
            volumeID: "cidata",
            files: files.map { ISOImage.File(name: $0.name, contents: Array($0.text.utf8)) }
        )
        let document = try XElement(parsing: xml)
        let name = document.child("name")?.text ?? ""
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "virtsync-seed-\(UUID().uuidString).iso"
        )
        // The ISO holds user-data, which may hold secrets: readable by this user only.
        guard
            FileManager.default.createFile(
                atPath: temporary.path,
                contents: Data(iso),
                attributes: [.posixPermissions: 0o600]
            )
        else {
            throw ImageVolumeError.seedUnavailable(seed.seed.domain)
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        if let old = try pool.lookupVolume(name: name) { try old.delete() }
        try ensureRoom(for: UInt64(iso.count), what: "the cloud-init seed of \(seed.seed.domain)")
        try upload(temporary.path, size: UInt64(iso.count), as: document) { _ in }
    }

    /// Creates the volume raw at `size` bytes, uploads the file, refreshes the pool, then runs `finish`
    /// on the refreshed volume; deletes the volume when any of it fails.
    private func upload(
        _ path: String,
        size: UInt64,
        as document: XElement,
        finish: (LibvirtStorageVolume) throws -> Void
    ) throws {
        var bare = XElement("volume")
        bare.append(
            document.child("name"),
            XElement("capacity", ["unit": "bytes"], text: String(size)),
            XElement("target", children: [XElement("format", ["type": "raw"])])
        )
        let volume = try pool.createVolume(xml: bare.xmlString())
        do {
            try volume.upload(file: path)
            try pool.refresh()
            guard let fresh = try pool.lookupVolume(name: volume.name) else {
                throw HostError.notFound(ObjectID(.volume, volume.name, pool: pool.name))
            }
            try finish(fresh)
        } catch {
            try? volume.delete()
            throw error
        }
    }
}

/// Why an image or seed volume could not be made, beside libvirt's and the download's own errors.
enum ImageVolumeError: Error, CustomStringConvertible {
    case tooSmall(url: String, capacity: UInt64, imageSize: UInt64)
    case seedUnavailable(String)
    case poolFull(pool: String, what: String, needs: UInt64, available: UInt64)

    var description: String {
        switch self {
        case .tooSmall(let url, let capacity, let size):
            "image \(url) needs \(size) bytes but the volume's capacity is \(capacity): capacity may exceed the image, never fall short of it"
        case .seedUnavailable(let domain):
            "the cloud-init seed of \(domain) has no content here (a plan read back from JSON cannot write it)"
        case .poolFull(let pool, let what, let needs, let available):
            "pool \(pool) is full: \(what) needs \(DownloadLine.mebibytes(Int64(needs))) but the pool has \(DownloadLine.mebibytes(Int64(available))) free; no volume was created"
        }
    }
}
