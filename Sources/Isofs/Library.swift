internal import CIsofs

/// libisofs's process-wide start: `iso_init` once, and its message queue kept off stderr (failures are
/// reported through return codes instead).
enum Library {
    private static let status: Int32 = {
        let status = iso_init()
        if status >= 0 {
            var queue = Array("NEVER".utf8CString)
            var print = Array("NEVER".utf8CString)
            var prefix = Array("".utf8CString)
            _ = iso_set_msgs_severities(&queue, &print, &prefix)
        }
        return status
    }()

    static func start() throws(IsofsError) {
        try IsofsError.check("iso_init", status)
    }
}
