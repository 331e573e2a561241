import Foundation

/// A prefix for the libvirt objects one test run creates (`vt1a2b3c-`), so that runs and tests sharing
/// a host (or test:///default in one process) never clash, and cleanup removes only their own objects.
public enum NamePrefix {
    /// A fresh prefix: `tag`, six hex digits and a dash.
    public static func make(_ tag: String = "vt") -> String {
        "\(tag)\(String(UInt32.random(in: 0...0xFF_FFFF), radix: 16).leftPadded(to: 6))-"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
