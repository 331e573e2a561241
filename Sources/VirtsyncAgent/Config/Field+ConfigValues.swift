import VirtsyncManifest
internal import Yams

/// Typed reads only the config needs; the shared ones (`string`, `list`, `mapping`…) are the manifest
/// decoder's. Each returns nil after reporting why, so the walk goes on and finds more.
extension Field {
    /// A string that names something (a file, a URL): empty text is a mistake, not a default.
    func nonEmptyString() -> String? {
        guard let text = string() else { return nil }
        guard !text.isEmpty else { return mismatch("a non-empty string") }
        return text
    }

    /// A plain boolean as Yams' default resolver types it (`true`, `no`, `On`…; not `tRuE`): the config
    /// is composed with that resolver, unlike manifests, whose `bool()` reads plain text itself.
    func resolvedBool() -> Bool? {
        guard node.scalar?.style == .plain, let value = node.bool else { return mismatch("true or false") }
        return value
    }

    /// A plain number from 0 to 1 (`0.3`, `1`).
    func share() -> Double? {
        guard let scalar = node.scalar, scalar.style == .plain, !isNull, let value = Double(scalar.string) else {
            return mismatch("a number from 0 to 1")
        }
        guard (0...1).contains(value) else {
            error("expected a number from 0 to 1, got \(scalar.string)")
            return nil
        }
        return value
    }

    /// `60s`, `5m`, `1h`, or a bare number of seconds; never zero.
    func duration() -> Duration? {
        let expected = "a duration such as 60s, 5m or 1h"
        guard let text = node.scalar?.string, !isNull else { return mismatch(expected) }
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600]
        let unit = text.last.flatMap { units[$0] }
        let digits = unit == nil ? Substring(text) : text.dropLast()
        guard digits.allSatisfy(\.isASCII), let count = Int64(digits), count > 0 else { return mismatch(expected) }
        return .seconds(count * (unit ?? 1))
    }

    /// `127.0.0.1:9292`, `[::1]:9292`, `0.0.0.0:0`.
    func listenAddress() -> ListenAddress? {
        guard let text = string() else { return nil }
        guard let address = ListenAddress(parsing: text) else {
            return mismatch("an address such as 127.0.0.1:9292 or [::1]:9292")
        }
        return address
    }
}
