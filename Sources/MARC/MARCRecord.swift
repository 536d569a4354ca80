/// An owning, editable bibliographic record: a leader and an ordered list of fields.
///
/// This is the value a cataloguer edits. Records read from ISO 2709 remember their original bytes, and the
/// writer emits those bytes unchanged until the leader or a field is modified, so an untouched record round-trips
/// byte for byte even when its directory was out of order or its character set was MARC-8.
///
/// ```swift
/// var record = MARCRecord(leader: .defaultMARC21, fields: [
///     Field(tag: "001", value: "12345"),
///     Field(tag: "245", indicators: ("1", "0"), subfields: [Subfield("a", "Enten - eller")]),
/// ])
/// record["245"]?["a"]     // "Enten - eller"
/// ```
public struct MARCRecord: Sendable {
    /// The leader. Lengths and the base address are recomputed by the writer.
    public var leader: Leader {
        didSet { originalBytes = nil }
    }
    /// The fields in record order.
    public var fields: [Field] {
        didSet { originalBytes = nil }
    }
    /// The ISO 2709 bytes this record was read from, kept while it is unchanged (cleared by any edit).
    public private(set) var originalBytes: [UInt8]?
    /// The character set the record was decoded from.
    public var sourceEncoding: RecordEncoding
    /// True when lenient reading had to repair the record's framing, leader or directory. Its remembered bytes are
    /// the bytes as read; call ``forgetOriginalBytes()`` before writing to emit a well-formed record instead.
    public internal(set) var wasRepaired = false

    /// Creates a record.
    public init(leader: Leader = .defaultMARC21, fields: [Field] = [], sourceEncoding: RecordEncoding = .utf8) {
        self.leader = leader
        self.fields = fields
        self.sourceEncoding = sourceEncoding
        originalBytes = nil
    }

    /// Creates a record that remembers the bytes it was read from.
    package init(leader: Leader, fields: [Field], sourceEncoding: RecordEncoding, originalBytes: [UInt8]?) {
        self.leader = leader
        self.fields = fields
        self.sourceEncoding = sourceEncoding
        self.originalBytes = originalBytes
    }

    /// The first field with `tag`, or `nil`.
    public subscript(tag: Tag) -> Field? {
        fields.first(where: { $0.tag == tag })
    }

    /// Every field with `tag`, in order.
    public func fields(_ tag: Tag) -> [Field] {
        fields.filter { $0.tag == tag }
    }

    /// True for danMARC2-shaped records: field `001` is a data field with subfields (`001 *a` faust, `*b` agency).
    public var isDanMARC2: Bool {
        guard let f = self["001"] else { return false }
        return !f.isControlField
    }

    /// The record identifier: danMARC2 `001 *a`, MARC21 `001`.
    public var identifier: String? {
        guard let f = self["001"] else { return nil }
        return f.controlValue ?? f["a"]
    }

    /// The owning agency: danMARC2 `001 *b`; `nil` for MARC21.
    public var agency: String? {
        guard let f = self["001"], !f.isControlField else { return nil }
        return f["b"]
    }

    /// Drops the remembered original bytes, so the writer regenerates the record from its fields.
    public mutating func forgetOriginalBytes() {
        originalBytes = nil
        wasRepaired = false
    }
}

extension MARCRecord: Equatable {
    /// Records are equal when their leaders and fields are equal (the remembered bytes and source set are ignored).
    public static func == (lhs: MARCRecord, rhs: MARCRecord) -> Bool {
        lhs.leader == rhs.leader && lhs.fields == rhs.fields
    }
}

/// The character set of a record's values.
public enum RecordEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8 (MARC21 leader/09 `a`).
    case utf8
    /// MARC-8 (MARC21 leader/09 blank).
    case marc8
    /// The danMARC2 set: Latin-1 plus `@` escapes.
    case danmarc2
}
