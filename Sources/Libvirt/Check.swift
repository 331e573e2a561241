internal import CLibvirt
internal import Glibc

/// The one funnel for libvirt failures.
///
/// libvirt keeps its last error per thread, and every public libvirt function resets it on entry.
/// So the error must be read on the failing thread before any other libvirt call, including a
/// `vir*Free` run by a Swift `deinit`: callers pass the C call's result straight in as an argument,
/// and these functions are `@inline(never)` so nothing the optimiser moves can slip in between.
enum Check {
    /// Silences libvirt's default handler, which prints every error to stderr; errors reach
    /// callers as thrown `LibvirtError`s instead. Evaluated once, before the first connection.
    static let quietErrors: Void = {
        _ = virInitialize()
        virSetErrorFunc(nil) { _, _ in }
        // libvirt's client writes its RPC to a socket; when libvirtd goes away in the middle of a call
        // (restarted, crashed), that write raises SIGPIPE, whose default action killed virtsync (exit
        // 141) mid-apply. Ignored, as virsh does, the call fails with libvirt's own error instead, which
        // the caller reports for that object. Nothing in virtsync relies on dying by SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
    }()

    /// Returns a status or count, throwing the last error when it is negative.
    @inline(never) @discardableResult
    static func status(_ operation: String, _ result: Int32) throws(LibvirtError) -> Int32 {
        guard result >= 0 else { throw lastError(operation) }
        return result
    }

    /// Returns a new object handle, throwing the last error when it is NULL.
    @inline(never)
    static func handle(_ operation: String, _ result: OpaquePointer?) throws(LibvirtError) -> OpaquePointer {
        guard let result else { throw lastError(operation) }
        return result
    }

    /// Copies and frees a string libvirt allocated for the caller, throwing the last error when it is NULL.
    @inline(never)
    static func string(_ operation: String, _ result: UnsafeMutablePointer<CChar>?) throws(LibvirtError) -> String {
        guard let result else { throw lastError(operation) }
        return CString.adopt(result)
    }

    /// Copies the thread's last error (libvirt owns it: never freed here), then clears it so a later
    /// failure that sets none cannot be blamed on this one.
    static func lastError(_ operation: String) -> LibvirtError {
        defer { virResetLastError() }
        guard let error = virGetLastError() else {
            return LibvirtError(
                operation: operation,
                code: .unset,
                domain: .unset,
                message: "libvirt reported no error"
            )
        }
        let message = error.pointee.message.map { String(cString: $0) } ?? "libvirt gave no message"
        return LibvirtError(
            operation: operation,
            code: LibvirtErrorCode(rawValue: error.pointee.code),
            domain: LibvirtErrorDomain(rawValue: error.pointee.domain),
            message: message
        )
    }
}

extension Check {
    /// Calls `body` with `flags`, and once more with `fallback` when the driver rejects them as an
    /// invalid argument. Drivers reject flags they do not implement rather than ignore them, and
    /// libvirt's test driver implements fewer than the real ones (no inactive XML for networks and
    /// pools, no NVRAM or checkpoint cleanup on undefine), where the fallback means the same thing.
    static func withFallback<Result>(
        _ flags: UInt32,
        else fallback: UInt32,
        _ body: (UInt32) throws(LibvirtError) -> Result
    ) throws(LibvirtError) -> Result {
        do {
            return try body(flags)
        } catch  where error.code == .invalidArgument && flags != fallback {
            return try body(fallback)
        }
    }
}
