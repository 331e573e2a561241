internal import CIsofs

#if canImport(Glibc)
import Glibc
#endif

/// An ISO 9660 image of a few files in its root, made by libisofs, with Rock Ridge (for Linux's real
/// file names) and Joliet (for Windows guests) beside the plain ISO names, as `genisoimage -J -r` makes.
public enum ISOImage {
    /// One file of the image's root directory.
    public struct File: Sendable, Hashable {
        public var name: String
        public var contents: [UInt8]
        public init(name: String, contents: [UInt8]) {
            self.name = name
            self.contents = contents
        }
    }

    /// The image's bytes. `volumeID` is the label (`cidata` for a cloud-init NoCloud seed).
    public static func make(volumeID: String, files: [File]) throws(IsofsError) -> [UInt8] {
        try Library.start()
        var image: OpaquePointer?
        try IsofsError.check("iso_image_new", iso_image_new("virtsync", &image))
        defer { iso_image_unref(image) }
        iso_image_set_volume_id(image, volumeID)
        let root = iso_image_get_root(image)
        for file in files {
            try add(file, to: root, of: image)
        }
        var options: OpaquePointer?
        try IsofsError.check("iso_write_opts_new", iso_write_opts_new(&options, 0))
        defer { iso_write_opts_free(options) }
        try IsofsError.check("iso_write_opts_set_rockridge", iso_write_opts_set_rockridge(options, 1))
        try IsofsError.check("iso_write_opts_set_joliet", iso_write_opts_set_joliet(options, 1))
        // Keeps the label as given: libisofs upper-cases it otherwise (`CIDATA`), as strict ISO 9660 wants.
        try IsofsError.check("iso_write_opts_set_relaxed_vol_atts", iso_write_opts_set_relaxed_vol_atts(options, 1))
        var source: UnsafeMutablePointer<burn_source>?
        try IsofsError.check("iso_image_create_burn_source", iso_image_create_burn_source(image, options, &source))
        guard let source else { throw IsofsError(function: "iso_image_create_burn_source", code: -1) }
        return try read(source)
    }

    /// Hands a copy of the file's bytes to libisofs, which frees them with free(3) when done.
    private static func add(_ file: File, to root: OpaquePointer?, of image: OpaquePointer?) throws(IsofsError) {
        let size = file.contents.count
        guard let buffer = malloc(max(size, 1))?.assumingMemoryBound(to: UInt8.self) else {
            throw IsofsError(function: "malloc", code: -1)
        }
        file.contents.withUnsafeBufferPointer { bytes in
            if let base = bytes.baseAddress { buffer.update(from: base, count: size) }
        }
        var stream: UnsafeMutablePointer<IsoStream>?
        let status = iso_memory_stream_new(buffer, size, &stream)
        guard status >= 0 else {
            free(buffer)
            throw IsofsError(function: "iso_memory_stream_new", code: status)
        }
        // The new file takes the stream's reference.
        try IsofsError.check("iso_image_add_new_file", iso_image_add_new_file(image, root, file.name, stream, nil))
    }

    /// Reads the image libisofs writes on its own thread, 2048-byte block by block, then frees the source.
    private static func read(_ source: UnsafeMutablePointer<burn_source>) throws(IsofsError) -> [UInt8] {
        defer {
            source.pointee.free_data?(source)
            free(source)
        }
        let block = 2048
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: block)
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { pointer in
                // Version 1 sources read through read_xt and leave read nil.
                if let readXT = source.pointee.read_xt { return readXT(source, pointer.baseAddress, Int32(block)) }
                return source.pointee.read?(source, pointer.baseAddress, Int32(block)) ?? -1
            }
            if count == 0 { return bytes }
            guard count > 0 else { throw IsofsError(function: "burn_source read", code: count) }
            bytes.append(contentsOf: buffer[0..<Int(count)])
        }
    }
}
