#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Copies C strings out of libvirt.
enum CString {
    /// Copies a string libvirt allocated for the caller, then frees it: the caller owns it.
    static func adopt(_ pointer: UnsafeMutablePointer<CChar>) -> String {
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Copies a string libvirt lends (owned by an object, such as its name); nil gives "".
    static func borrow(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// Reads a UUID string through a libvirt getter that fills a caller's buffer.
    static func uuid(_ fill: (UnsafeMutablePointer<CChar>) -> Int32) -> String {
        // VIR_UUID_STRING_BUFLEN: 36 characters and the terminator.
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 37) { buffer in
            buffer.initialize(repeating: 0)
            guard fill(buffer.baseAddress!) == 0 else { return "" }
            return String(cString: buffer.baseAddress!)
        }
    }

    /// Takes ownership of the handles in an array libvirt allocated, then frees the array itself.
    static func adoptHandles(
        _ operation: String,
        _ call: (UnsafeMutablePointer<UnsafeMutablePointer<OpaquePointer?>?>) -> Int32
    ) throws(LibvirtError) -> [OpaquePointer] {
        var array: UnsafeMutablePointer<OpaquePointer?>? = nil
        let count = try Check.status(operation, call(&array))
        defer { free(array) }
        guard let array else { return [] }
        return (0..<Int(count)).compactMap { array[$0] }
    }
}
