internal import Yams

/// Typed reads of a field. Each returns nil after reporting why, so decoding goes on and finds more.
///
/// The `package` ones are shared with the agent's config; its own readers extend `Field` there.
extension Field {
    /// Any non-null scalar, as written: `cpuset: 0` and an unquoted MAC both read as their text.
    package func string() -> String? {
        guard let scalar = node.scalar, !isNull else { return mismatch("a string") }
        return scalar.string
    }

    /// A plain (unquoted) integer as YAML 1.1 writes one: `4`, `0x1F`, `1_000`; `'4'` is a string.
    func int(in range: ClosedRange<Int>? = nil) -> Int? {
        // Yams' Int construction itself refuses quoted scalars. Plain decimal digits, what manifests
        // write, are read directly: Yams' construction (underscores, bases, sexagesimal) costs ~15 times more.
        guard let scalar = node.scalar, let value = Self.plainDecimal(scalar) ?? node.int else {
            return mismatch("an integer")
        }
        if let range, !range.contains(value) {
            error("expected an integer from \(range.lowerBound) to \(range.upperBound), got \(value)")
            return nil
        }
        return value
    }

    /// A plain scalar of ASCII digits (at most 18, so it fits an Int) not led by a zero (YAML 1.1's octal,
    /// as Yams reads `010`), with an optional minus; nil for anything else, which Yams' construction
    /// then reads or refuses.
    static func plainDecimal(_ scalar: Node.Scalar) -> Int? {
        guard scalar.style == .plain else { return nil }
        let bytes = scalar.string.utf8
        let digits = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        guard !digits.isEmpty, digits.count <= 18, bytes.count == 1 || digits.first != UInt8(ascii: "0"),
            digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        let magnitude = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return digits.count < bytes.count ? -magnitude : magnitude
    }

    /// A plain YAML 1.1 boolean (`true`, `no`, `On`…); `'true'` is a string. Read here rather than by
    /// Yams, whose `Bool` construction needs the regular-expression resolver the loader leaves out.
    func bool() -> Bool? {
        guard let scalar = node.scalar, scalar.style == .plain else { return mismatch("true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return mismatch("true or false")
        }
    }

    func size() -> ByteSize? {
        guard let text = node.scalar?.string, !isNull, let size = ByteSize(parsing: text) else {
            return mismatch("a size with a unit such as 20GiB")
        }
        return size
    }

    /// `120s`, `2m`, or a bare number of seconds.
    func seconds() -> Int? {
        guard let text = node.scalar?.string, !isNull else { return mismatch("a duration such as 120s or 2m") }
        let multiplier = text.hasSuffix("m") ? 60 : 1
        let digits = text.hasSuffix("s") || text.hasSuffix("m") ? String(text.dropLast()) : text
        guard let value = Int(digits), value >= 0 else { return mismatch("a duration such as 120s or 2m") }
        return value * multiplier
    }

    /// One of an enum's raw values; with `suggest`, a near miss is named (`did you mean 'pull'?`).
    package func choice<Value: RawRepresentable & CaseIterable>(
        _ type: Value.Type,
        suggest: Bool = false
    ) -> Value? where Value.RawValue == String {
        let allowed = Value.allCases.map(\.rawValue)
        guard let text = node.scalar?.string, !isNull, let value = Value(rawValue: text) else {
            let guess = suggest ? node.scalar.flatMap { Suggestion.closest(to: $0.string, in: allowed) } : nil
            return mismatch("one of \(allowed.joined(separator: ", "))", hint: guess.map { "did you mean '\($0)'?" })
        }
        return value
    }

    /// A string that must be one of a fixed set the model keeps as text (`driver: vhost`).
    func choice(_ allowed: [String]) -> String? {
        guard let text = node.scalar?.string, !isNull, allowed.contains(text) else {
            return mismatch("one of \(allowed.joined(separator: ", "))")
        }
        return text
    }

    package func list() -> [Field]? {
        guard let sequence = node.sequence else { return mismatch("a list") }
        return sequence.enumerated().map { item($0.offset, node: $0.element) }
    }

    package func stringList() -> [String]? {
        guard let items = list() else { return nil }
        let values = items.map { $0.string() }
        return values.contains(nil) ? nil : values.compactMap { $0 }
    }

    /// A mapping of free-form keys to strings (`labels`, `annotations`, the config's `host.labels`).
    package func stringMap() -> [String: String]? {
        if state.dialect.emptyIsMapping, isNull { return [:] }
        guard let mapping = node.mapping else { return mismatch("a mapping") }
        var result: [String: String] = [:]
        var failed = false
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard let text = member(name, keyMark: key.mark, node: value).string() else {
                failed = true
                continue
            }
            result[name] = text
        }
        return failed ? nil : result
    }

    package func mapping(_ allowed: [String], besides note: String? = nil) -> MappingReader? {
        MappingReader(self, allowed: allowed, note: note)
    }
}
