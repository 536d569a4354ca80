/// A compact, read-only batch of records: one byte arena plus flat offset tables.
///
/// Parsing fills two tables over the input bytes: one entry per record (where it starts, how long it is, which
/// fields are its) and one per field (tag, start, length). Nothing is copied and no `String` is made until a
/// value is asked for, so a batch costs about 12 bytes per field on top of the input itself.
///
/// ```swift
/// let batch = try ISO2709Reader(path: "books.mrc").readBatch()
/// for record in batch {
///     for field in record.fields where field.tag == "245" {
///         print(field.subfields.first?.value ?? "")
///     }
/// }
/// ```
public struct RecordBatch: Sendable, RandomAccessCollection {
    /// Where a record lies in the storage and which field entries are its.
    package struct RecordEntry: Sendable {
        /// Offset of the record's first byte in `storage`.
        package var start: Int
        /// Length in bytes including the terminator when present.
        package var length: UInt32
        /// Index of the first field entry.
        package var firstField: UInt32
        /// Number of field entries.
        package var fieldCount: UInt32
        /// Offset of the record in the original input (for messages).
        package var inputOffset: Int
        /// 1-based record number in the input.
        package var number: UInt32
        /// True when the parser had to repair the record (its bytes are then not a valid ISO 2709 record).
        package var repaired: Bool

        @inlinable
        package init(
            start: Int, length: UInt32, firstField: UInt32, fieldCount: UInt32, inputOffset: Int, number: UInt32,
            repaired: Bool
        ) {
            self.start = start
            self.length = length
            self.firstField = firstField
            self.fieldCount = fieldCount
            self.inputOffset = inputOffset
            self.number = number
            self.repaired = repaired
        }
    }

    /// One field: tag, and where its content lies relative to the record start (terminator excluded).
    package struct FieldEntry: Sendable {
        package var tag: Tag
        package var start: UInt32
        package var length: UInt32

        @inlinable
        package init(tag: Tag, start: UInt32, length: UInt32) {
            self.tag = tag
            self.start = start
            self.length = length
        }
    }

    /// The bytes the records lie in.
    public let storage: ByteStorage
    package var records: [RecordEntry]
    package var fieldTable: [FieldEntry]

    package init(storage: ByteStorage, records: [RecordEntry], fields: [FieldEntry]) {
        self.storage = storage
        self.records = records
        fieldTable = fields
    }

    /// The first index (0).
    public var startIndex: Int { 0 }
    /// One past the last record.
    public var endIndex: Int { records.count }
    /// The record at `position`.
    public subscript(position: Int) -> RecordView { RecordView(batch: self, index: position) }

    /// Bytes used by the offset tables (not counting the input bytes).
    public var tableBytes: Int {
        records.count * MemoryLayout<RecordEntry>.stride + fieldTable.count * MemoryLayout<FieldEntry>.stride
    }
}

/// A read-only view of one record in a ``RecordBatch``.
public struct RecordView: Sendable {
    /// The batch.
    public let batch: RecordBatch
    /// The record's index in the batch.
    public let index: Int

    var entry: RecordBatch.RecordEntry { batch.records[index] }

    /// The record's bytes as read.
    public var rawBytes: UnsafeRawBufferPointer {
        let e = entry
        return UnsafeRawBufferPointer(rebasing: batch.storage.buffer[e.start..<(e.start + Int(e.length))])
    }

    /// The 1-based record number in the input.
    public var number: Int { Int(entry.number) }
    /// The record's byte offset in the input.
    public var inputOffset: Int { entry.inputOffset }

    /// The leader.
    public var leader: Leader { Leader(bytes: rawBytes.prefix(24)) }

    /// The number of fields.
    public var fieldCount: Int { Int(entry.fieldCount) }

    /// The fields, in directory order.
    public var fields: FieldViews { FieldViews(record: self) }

    /// The field views of a record.
    public struct FieldViews: RandomAccessCollection, Sendable {
        let record: RecordView
        /// 0.
        public var startIndex: Int { 0 }
        /// The field count.
        public var endIndex: Int { record.fieldCount }
        /// The field at `position`.
        public subscript(position: Int) -> FieldView {
            let e = record.entry
            let f = record.batch.fieldTable[Int(e.firstField) + position]
            let base = e.start + Int(f.start)
            let bytes = UnsafeRawBufferPointer(rebasing: record.batch.storage.buffer[base..<(base + Int(f.length))])
            return FieldView(
                tag: f.tag, bytes: bytes, indicatorCount: record.indicatorCount, utf8Codes: record.declaresUTF8)
        }
    }

    /// True when leader/09 is `a` (UTF-8).
    public var declaresUTF8: Bool {
        let b = rawBytes
        return b.count > 9 && b[9] == UInt8(ascii: "a")
    }

    /// Indicator count from leader/10 (2 when it is not a digit).
    var indicatorCount: Int {
        let b = rawBytes
        guard b.count > 10 else { return 2 }
        let d = b[10] &- 0x30
        return d < 10 ? Int(d) : 2
    }
}

/// A read-only view of one field: its tag and its bytes, split into indicators and subfields on demand.
///
/// The view points into the batch's storage; keep the batch alive while using it.
public struct FieldView: @unchecked Sendable {
    /// The tag.
    public let tag: Tag
    /// The content bytes, without the field terminator.
    public let bytes: UnsafeRawBufferPointer
    let indicatorCount: Int
    let utf8Codes: Bool

    /// True when the field has no subfield delimiter and its tag is in the control range (`001`–`009`).
    ///
    /// danMARC2 `001`–`009` carry indicators and subfields and are therefore data fields.
    public var isControlField: Bool {
        guard tag.isControlRange else { return false }
        return firstDelimiter == nil
    }

    /// Offset of the first subfield delimiter, or `nil`.
    @inline(__always)
    var firstDelimiter: Int? {
        guard let base = bytes.baseAddress, let p = memchrBytes(base, 0x1F, bytes.count) else { return nil }
        return base.distance(to: p)
    }

    /// The indicator bytes (empty for a control field).
    public var indicatorBytes: UnsafeRawBufferPointer {
        if isControlField { return UnsafeRawBufferPointer(rebasing: bytes[0..<0]) }
        let delimiter = firstDelimiter ?? bytes.count
        let n = min(indicatorCount, delimiter)
        return UnsafeRawBufferPointer(rebasing: bytes[0..<n])
    }

    /// The subfields as byte views, in order.
    public var subfields: SubfieldViews {
        let delimiter = firstDelimiter
        if delimiter == nil && tag.isControlRange {
            return SubfieldViews(bytes: UnsafeRawBufferPointer(rebasing: bytes[0..<0]), utf8Codes: utf8Codes)
        }
        let start = delimiter ?? bytes.count
        return SubfieldViews(bytes: UnsafeRawBufferPointer(rebasing: bytes[start...]), utf8Codes: utf8Codes)
    }

    /// The bytes between the indicators and the first subfield delimiter (normally empty).
    public var strayBytes: UnsafeRawBufferPointer {
        if isControlField { return UnsafeRawBufferPointer(rebasing: bytes[0..<0]) }
        let delimiter = firstDelimiter ?? bytes.count
        let n = min(indicatorCount, delimiter)
        return UnsafeRawBufferPointer(rebasing: bytes[n..<delimiter])
    }
}

/// The subfields of a field, as byte views.
public struct SubfieldViews: Sequence, @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    /// Codes may be multi-byte UTF-8 sequences (danMARC2 `æ ø å` in a UTF-8 record).
    let utf8Codes: Bool

    /// One subfield: the code byte(s) and the value bytes.
    public struct Element: @unchecked Sendable {
        /// The code bytes: one byte, or a whole UTF-8 sequence when the code is not ASCII.
        public let code: UnsafeRawBufferPointer
        /// The value bytes.
        public let value: UnsafeRawBufferPointer
    }

    /// Iterates the subfields.
    public struct Iterator: IteratorProtocol {
        let bytes: UnsafeRawBufferPointer
        let utf8Codes: Bool
        var position: Int

        /// The next subfield.
        public mutating func next() -> Element? {
            // `position` is at a 0x1F delimiter, or at the end.
            guard position < bytes.count else { return nil }
            let codeStart = position + 1
            var end = bytes.count
            if codeStart < bytes.count, let base = bytes.baseAddress,
                let p = memchrBytes(base + codeStart, 0x1F, bytes.count - codeStart)
            {
                end = base.distance(to: p)
            }
            position = end
            if codeStart >= end {
                // A delimiter with nothing after it: an empty subfield without a code.
                let empty = UnsafeRawBufferPointer(rebasing: bytes[codeStart..<codeStart])
                return Element(code: empty, value: empty)
            }
            let codeLength = utf8Codes ? utf8SequenceLength(bytes, at: codeStart, end: end) : 1
            let code = UnsafeRawBufferPointer(rebasing: bytes[codeStart..<(codeStart + codeLength)])
            let value = UnsafeRawBufferPointer(rebasing: bytes[(codeStart + codeLength)..<end])
            return Element(code: code, value: value)
        }
    }

    /// An iterator from the first delimiter.
    public func makeIterator() -> Iterator { Iterator(bytes: bytes, utf8Codes: utf8Codes, position: 0) }
}

/// Length of a well-formed UTF-8 sequence at `start` (before `end`); 1 for ASCII or a malformed sequence.
@inline(__always)
func utf8SequenceLength(_ bytes: UnsafeRawBufferPointer, at start: Int, end: Int) -> Int {
    let n: Int
    switch bytes[start] {
    case 0xC2...0xDF: n = 2
    case 0xE0...0xEF: n = 3
    case 0xF0...0xF4: n = 4
    default: return 1
    }
    guard start + n <= end else { return 1 }
    for i in (start + 1)..<(start + n) where bytes[i] & 0xC0 != 0x80 { return 1 }
    return n
}
