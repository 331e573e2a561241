public import VirtsyncImages

/// A download's progress as one log line's worth: `45% (123.4 MiB of 270.0 MiB)`, or the bytes so far.
public enum DownloadLine {
    public static func describe(_ progress: DownloadProgress) -> String {
        let received = mebibytes(progress.received)
        guard let total = progress.total, let percent = progress.percent else { return "\(received) so far" }
        return "\(percent)% (\(received) of \(mebibytes(total)))"
    }

    /// `123.4 MiB`.
    public static func describeSize(_ bytes: Int64) -> String { mebibytes(bytes) }

    static func mebibytes(_ bytes: Int64) -> String {
        let tenths = bytes * 10 / (1 << 20)
        return "\(tenths / 10).\(tenths % 10) MiB"
    }
}
