internal import CLibvirt
import Foundation

extension LibvirtStorageVolume {
    /// Replaces the volume's contents from offset 0 with the bytes of a local file, through a libvirt
    /// stream (`virStorageVolUpload`, `virStreamSend`, `virStreamFinish`), so it works for a remote
    /// libvirtd too. `progress` gets the bytes sent so far after each chunk.
    ///
    /// On failure the stream is aborted; the volume is then in an unknown state and the caller deletes it.
    public func upload(file path: String, progress: (Int64) -> Void = { _ in }) throws(LibvirtError) {
        guard let input = FileHandle(forReadingAtPath: path) else {
            throw LibvirtError(
                operation: "open \(path)",
                code: .unset,
                domain: .unset,
                message: "cannot open the file to upload"
            )
        }
        defer { try? input.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64) ?? 0
        let stream = try Check.handle("virStreamNew", virStreamNew(connection.handle, 0))
        defer { virStreamFree(stream) }
        try connection.write("virStorageVolUpload") { virStorageVolUpload(handle, stream, 0, size, 0) }
        var sent: Int64 = 0
        do throws(LibvirtError) {
            while let chunk = try? input.read(upToCount: 4 << 20), !chunk.isEmpty {
                try Self.send(chunk, on: stream)
                sent += Int64(chunk.count)
                progress(sent)
            }
            guard sent == Int64(size) else {
                throw LibvirtError(
                    operation: "read \(path)",
                    code: .unset,
                    domain: .unset,
                    message: "the file changed while it was uploaded"
                )
            }
            try Check.status("virStreamFinish", virStreamFinish(stream))
        } catch {
            virStreamAbort(stream)
            throw error
        }
    }

    /// Sends all of `data`: `virStreamSend` may accept less than it is given.
    private static func send(_ data: Data, on stream: OpaquePointer) throws(LibvirtError) {
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { bytes in
                virStreamSend(
                    stream,
                    bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: CChar.self),
                    data.count - offset
                )
            }
            try Check.status("virStreamSend", written)
            offset += Int(written)
        }
    }
}
