import VirtsyncManifest
internal import Yams

/// Typed reads of a node. Each returns nil after reporting why, so the walk goes on and finds more.
extension ConfigNode {
    /// Any non-null scalar, as written.
    func string() -> String? {
        guard let scalar = node.scalar, !isNull else { return mismatch("a string") }
        return scalar.string
    }

    /// A string that names something (a file, a URL): empty text is a mistake, not a default.
    func nonEmptyString() -> String? {
        guard let text = string() else { return nil }
        guard !text.isEmpty else { return mismatch("a non-empty string") }
        return text
    }

    func bool() -> Bool? {
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

    func choice<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) -> Value? where Value.RawValue == String {
        let allowed = Value.allCases.map(\.rawValue)
        guard let text = node.scalar?.string, !isNull, let value = Value(rawValue: text) else {
            let guess = node.scalar.flatMap { Suggestion.closest(to: $0.string, in: allowed) }
            return mismatch("one of \(allowed.joined(separator: ", "))", hint: guess.map { "did you mean '\($0)'?" })
        }
        return value
    }

    /// `127.0.0.1:9292`, `[::1]:9292`, `0.0.0.0:0`.
    func listenAddress() -> ListenAddress? {
        guard let text = string() else { return nil }
        guard let address = ListenAddress(parsing: text) else {
            return mismatch("an address such as 127.0.0.1:9292 or [::1]:9292")
        }
        return address
    }

    func list() -> [ConfigNode]? {
        guard let sequence = node.sequence else { return mismatch("a list") }
        return sequence.enumerated().map { item($0.offset, node: $0.element) }
    }

    func stringList() -> [String]? {
        guard let items = list() else { return nil }
        let values = items.map { $0.string() }
        return values.contains(nil) ? nil : values.compactMap { $0 }
    }

    /// A mapping of free-form keys to strings (`host.labels`).
    func stringMap() -> [String: String]? {
        if isNull { return [:] }
        guard let mapping = node.mapping else { return mismatch("a mapping") }
        var result: [String: String] = [:]
        var failed = false
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            guard let text = member(name, keyMark: key.mark, node: value).string() else {
                failed = true
                continue
            }
            result[name] = text
        }
        return failed ? nil : result
    }

    func mapping(_ allowed: [String]) -> ConfigMapping? { ConfigMapping(self, allowed: allowed) }
}
