public import Foundation

/// Compares a text with a golden file. With `VIRTSYNC_RECORD_GOLDENS=1` it writes the file instead and
/// reports a failure all the same, so a recording run can never pass: the new goldens are read in the
/// diff and committed, then the tests run again without the variable.
public enum Golden {
    /// `nil` when `text` equals the golden file at `url`, else what is wrong.
    public static func mismatch(_ text: String, golden url: URL) -> String? {
        if ProcessInfo.processInfo.environment["VIRTSYNC_RECORD_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return "re-recorded \(url.path): review the diff, then run the tests without VIRTSYNC_RECORD_GOLDENS"
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "no golden file \(url.path) (record it with VIRTSYNC_RECORD_GOLDENS=1)"
        }
        return expected == text
            ? nil : "differs from \(url.lastPathComponent):\n--- golden\n\(expected)--- actual\n\(text)"
    }
}
