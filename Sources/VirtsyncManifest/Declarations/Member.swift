/// One member of a typed YAML mapping, declared once: its key, the property it sets, how its value is
/// read, and its row in the manifest reference (meaning, default). Decoding and the docs come from it.
public struct Member<Owner>: Sendable {
    public let key: String
    public let meaning: String
    /// The default as the reference shows it: `` `virtio` ``, `none`, `required`.
    public let defaultText: String
    public let required: Bool
    /// Reads the member into the owner; false when the value could not be read (already reported).
    let read: @Sendable (Field, inout Owner) -> Bool
    /// Rows for the members of a nested mapping, shown in place of this member's own (`os.arch`, …).
    public private(set) var expanded: [ReferenceRow]?

    /// A member whose value `reader` reads into the property at `path`; absent, the property keeps the
    /// owner's default.
    init<Value>(
        _ key: String,
        _ path: any WritableKeyPath<Owner, Value> & Sendable,
        _ reader: Reader<Value>,
        required: Bool = false,
        _ meaning: String,
        default defaultText: String
    ) {
        self.key = key
        self.meaning = meaning
        self.defaultText = required && defaultText.isEmpty ? "required" : defaultText
        self.required = required
        self.read = { field, owner in
            guard let value = reader.read(field) else { return false }
            owner[keyPath: path] = value
            return true
        }
    }

    /// An optional property: absent is nil (or the owner's default).
    init<Value>(
        _ key: String,
        _ path: any WritableKeyPath<Owner, Value?> & Sendable,
        _ reader: Reader<Value>,
        _ meaning: String,
        default defaultText: String
    ) {
        self.key = key
        self.meaning = meaning
        self.defaultText = defaultText
        self.required = false
        self.read = { field, owner in
            guard let value = reader.read(field) else { return false }
            owner[keyPath: path] = value
            return true
        }
    }
}

/// How one YAML value is read: the typed reads of `Field`, as values a declaration can hold.
public struct Reader<Value>: Sendable {
    let read: @Sendable (Field) -> Value?
}

extension Reader<String> {
    static let string = Reader { $0.string() }
    /// A string from a fixed set the model keeps as text.
    static func oneOf(_ allowed: [String]) -> Reader { Reader { $0.choice(allowed) } }
}

extension Reader<Int> {
    static func int(in range: ClosedRange<Int>? = nil) -> Reader { Reader { $0.int(in: range) } }
}

extension Reader<Bool> {
    static let bool = Reader { $0.bool() }
}

extension Reader<ByteSize> {
    static let size = Reader { $0.size() }
}

extension Reader where Value: RawRepresentable & CaseIterable & Sendable, Value.RawValue == String {
    /// One of an enum's raw values.
    static var choice: Reader { Reader { $0.choice(Value.self) } }
}

extension Reader {
    /// A nested mapping read by its own schema.
    static func mapping(_ schema: Schema<Value>) -> Reader { Reader { schema.decode($0) } }

    /// A list whose items `item` reads; an item that fails is left out (and was reported).
    static func list<Item>(_ item: Reader<Item>) -> Reader where Value == [Item] {
        Reader { field in field.list()?.compactMap { item.read($0) } }
    }
}

extension Member {
    /// This member documented by the rows of what it holds (`os` as `os.arch`, `os.machine`, …).
    func expanding(_ rows: [ReferenceRow]) -> Member {
        var member = self
        member.expanded = rows
        return member
    }

    /// A member the schema's `finish` reads itself (one of several members that together make one
    /// value, such as a disk's `volume` or `path`): declared here for its key and its reference row.
    static func documented(_ key: String, _ meaning: String, default defaultText: String) -> Member {
        Member(key: key, meaning: meaning, defaultText: defaultText, required: false, read: { _, _ in true })
    }

    private init(
        key: String,
        meaning: String,
        defaultText: String,
        required: Bool,
        read: @escaping @Sendable (Field, inout Owner) -> Bool
    ) {
        self.key = key
        self.meaning = meaning
        self.defaultText = defaultText
        self.required = required
        self.read = read
    }
}

extension Reader<Int> {
    /// `120s`, `2m`, or a bare number of seconds.
    static let seconds = Reader { $0.seconds() }
}
