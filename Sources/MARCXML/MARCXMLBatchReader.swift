import MARC

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads MARCXML and MARCXchange into compact ``RecordBatch``es: the fast, streaming path.
///
/// The same libxml2 SAX2 parser, on its own thread, as ``MARCXMLReader`` (same namespaces, security settings,
/// strict and lenient checks, diagnostics and errors), but each record's leader, fields and subfields are appended
/// as bytes to one arena laid out as ISO 2709 (leader, directory, fields ending in 0x1E with 0x1F subfield
/// delimiters, 0x1D at the end), so no `String` or `Array` is made per subfield. The batch's ``RecordView``s and ``FieldView``s work
/// as for ISO 2709 input, ``record(_:)`` materialises a view into an owning ``MARCRecord`` on demand, and
/// ``RecordView/rawBytes`` is a valid ISO 2709 record (UTF-8) ready to be written out.
///
/// The arena's leader is the XML `<leader>` (padded or truncated to 24 as ``MARCXMLReader`` does) with the
/// structural positions made true for the bytes: 00–04 record length, 09 `a` (the bytes are UTF-8 whatever the
/// XML leader says), 10–11 `22`, 12–16 base address, 20–23 `4500`. A record over 99,999 bytes or a field over
/// 9,998 bytes cannot have a correct ISO 2709 directory; its views still work and it is marked as repaired.
///
/// Field kinds follow ISO 2709 rules in a view (a field with a control tag `001`–`009` and no subfield is a
/// control field), not the XML element names as in ``MARCXMLReader``: `<datafield tag="001">` without subfields
/// and `<controlfield tag="245">` read differently here; `next()` on ``MARCXMLReader`` keeps them exactly.
///
/// A batch holds at most `maxRecords` records and is handed over by the parse thread once it holds 1 MiB of record
/// bytes, so it may hold fewer. Memory: the batch being filled, at most two waiting, the caller's, and up to three
/// 8 MiB arena blocks kept for reuse (only the pages written are resident).
///
/// ```swift
/// var reader = try MARCXMLBatchReader(path: "records.xml")
/// while let batch = try reader.nextBatch() {
///     for record in batch {
///         for field in record.fields where field.tag == "245" {
///             for subfield in field.subfields { print(String(decoding: subfield.value, as: UTF8.self)) }
///         }
///     }
/// }
/// ```
public struct MARCXMLBatchReader {
    private let parser: SAXParser
    /// The options in force.
    public let options: ReadOptions

    /// The default batch size of ``nextBatch(maxRecords:)``.
    public static let defaultBatchSize = 4096

    /// Opens a file; `-` reads standard input.
    public init(path: String, options: ReadOptions = ReadOptions()) throws(MARCError) {
        (parser, self.options) = try SAXParser.opening(path: path, options: options, compact: true)
    }

    /// Reads a document held in memory.
    public init(bytes: [UInt8], options: ReadOptions = ReadOptions()) {
        self.options = options
        parser = SAXParser(source: .memory(bytes), options: options, compact: true)
    }

    /// Reads a document held in a string.
    public init(string: String, options: ReadOptions = ReadOptions()) {
        self.init(bytes: Array(string.utf8), options: options)
    }

    /// The next batch of at most `maxRecords` records (at least one), or `nil` at the end of the document.
    ///
    /// Records completed before a fatal error are returned first; the following call throws the error.
    ///
    /// - Throws: ``MARCError`` (kind `.xml`, `.io`) as ``MARCXMLReader/next()`` does.
    public mutating func nextBatch(maxRecords: Int = MARCXMLBatchReader.defaultBatchSize) throws(MARCError) -> RecordBatch? {
        try parser.nextBatch(maxRecords: maxRecords)
    }

    /// An owning record made from a view of one of this reader's batches (values decoded to strings).
    ///
    /// - Throws: ``MARCError`` only in strict mode, for a problem ``MARCXMLReader`` would also have refused.
    public func record(_ view: RecordView) throws(MARCError) -> MARCRecord {
        var ignored: [MARCError] = []
        return try MARCRecord(view: view, options: options, diagnostics: &ignored)
    }

    /// Repairs reported so far (lenient mode; a padded 23-character leader in any mode), in document order.
    public var diagnostics: [MARCError] { parser.diagnostics }

    /// The number of `<record>` elements seen so far.
    public var recordsSeen: Int { parser.recordsSeen }
}

/// Records laid out as ISO 2709 in one growable block, on the reader's thread, from the ``RawRecords`` the parse
/// thread handed over; ``take(_:)`` makes them a batch. Freed by ``SAXParser``'s deinit.
struct RecordArena {
    private var block: UnsafeMutableRawBufferPointer
    private var used = 0
    /// The parse thread hands records over once their bodies hold this many bytes, even below the reader's record
    /// limit: smaller batches keep fewer pages in flight between the threads and are still warm in cache when
    /// walked.
    static let batchBytes = 1 << 20
    /// The completed records not yet handed out.
    private(set) var records: [RecordBatch.RecordEntry] = []
    private var fields: [RecordBatch.FieldEntry] = []

    /// Enough for a default batch of typical records without regrowing; pages never written are never resident.
    static let initialCapacity = 8 << 20

    /// Blocks of ``initialCapacity`` bytes come from here and go back when their batch is gone, so that the pages
    /// stay resident from one batch to the next.
    private let pool = BlockPool(blockSize: RecordArena.initialCapacity, limit: 3)

    init() {
        block = pool.take()
    }

    func free() { pool.give(block) }

    private mutating func reserve(_ n: Int) {
        guard used + n > block.count else { return }
        var capacity = block.count * 2
        while capacity < used + n { capacity *= 2 }
        let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        grown.copyMemory(from: UnsafeRawBufferPointer(rebasing: block[0..<used]))
        pool.give(block)
        block = grown
    }

    /// Appends a record: leader, directory, the body (fields with their 0x1E terminators), 0x1D. `fields` start at
    /// `fieldBase` + their position in `body`.
    mutating func appendRecord(
        leader: Leader, body: UnsafeBufferPointer<UInt8>, fields pending: ArraySlice<RecordBatch.FieldEntry>,
        fieldBase: Int, number: Int, inputOffset: Int
    ) {
        let n = pending.count
        let base = 24 + 12 * n + 1
        let length = base + body.count + 1
        reserve(length)
        guard let p = block.baseAddress.map({ $0.assumingMemoryBound(to: UInt8.self) + used }) else { return }
        var repaired = length > 99_999
        leader.bytes.withUnsafeBufferPointer { b in
            if let src = b.baseAddress { p.update(from: src, count: min(24, b.count)) }
        }
        writeDigits(p, width: 5, length)
        p[9] = 0x61  // 'a': UTF-8
        p[10] = 0x32
        p[11] = 0x32
        writeDigits(p + 12, width: 5, base)
        p[20] = 0x34
        p[21] = 0x35
        p[22] = 0x30
        p[23] = 0x30
        var d = p + 24
        let firstField = fields.count
        for f in pending {
            var start = Int(f.start) - fieldBase
            var fieldLength = Int(f.length)
            if start < 0 || start + fieldLength >= body.count {
                // Only a pathological nesting (a field inside a <leader>) gets here; keep the views in bounds.
                start = min(max(start, 0), body.count)
                fieldLength = max(0, min(fieldLength, body.count - start - 1))
                repaired = true
            }
            let (t0, t1, t2) = f.tag.bytes
            d[0] = t0
            d[1] = t1
            d[2] = t2
            if fieldLength + 1 > 9_999 || start > 99_999 { repaired = true }
            writeDigits(d + 3, width: 4, fieldLength + 1)
            writeDigits(d + 7, width: 5, start)
            d += 12
            fields.append(
                RecordBatch.FieldEntry(
                    tag: f.tag, start: UInt32(truncatingIfNeeded: base + start),
                    length: UInt32(truncatingIfNeeded: fieldLength)))
        }
        d[0] = 0x1E
        if let src = body.baseAddress { (p + base).update(from: src, count: body.count) }
        p[length - 1] = 0x1D
        records.append(
            RecordBatch.RecordEntry(
                start: used, length: UInt32(truncatingIfNeeded: length), firstField: UInt32(truncatingIfNeeded: firstField),
                fieldCount: UInt32(truncatingIfNeeded: n), inputOffset: inputOffset,
                number: UInt32(truncatingIfNeeded: number), repaired: repaired))
        used += length
    }

    /// Hands out the first `limit` completed records as a batch (the block goes with it) and keeps the rest.
    mutating func take(_ limit: Int) -> RecordBatch? {
        guard !records.isEmpty else { return nil }
        let k = min(limit, records.count)
        var restUsed = 0
        var restRecords: [RecordBatch.RecordEntry] = []
        var restFields: [RecordBatch.FieldEntry] = []
        var cut = used
        if k < records.count {
            cut = records[k].start
            restUsed = used - cut
            let firstField = records[k].firstField
            restRecords = records[k...].map { e in
                var e = e
                e.start -= cut
                e.firstField -= firstField
                return e
            }
            restFields = Array(fields[Int(firstField)...])
            records.removeSubrange(k...)
            fields.removeSubrange(Int(firstField)...)
        }
        let next =
            restUsed <= pool.blockSize
            ? pool.take() : UnsafeMutableRawBufferPointer.allocate(byteCount: restUsed, alignment: 16)
        if restUsed > 0 {
            next.copyMemory(from: UnsafeRawBufferPointer(rebasing: block[cut..<used]))
        }
        let batch = RecordBatch(
            storage: ByteStorage(adopting: block, count: cut, pool: pool), records: records, fields: fields)
        block = next
        used = restUsed
        records = restRecords
        fields = restFields
        records.reserveCapacity(batch.records.count)
        fields.reserveCapacity(batch.fieldTable.count)
        return batch
    }
}

/// Writes `value` as `width` decimal digits (the low digits when it does not fit), two digits per division.
@inline(__always)
private func writeDigits(_ p: UnsafeMutablePointer<UInt8>, width: Int, _ value: Int) {
    var v = value
    var i = width - 1
    while i >= 1 {
        let (q, r) = v.quotientAndRemainder(dividingBy: 100)
        let (tens, ones) = r.quotientAndRemainder(dividingBy: 10)
        p[i] = UInt8(truncatingIfNeeded: 0x30 + ones)
        p[i - 1] = UInt8(truncatingIfNeeded: 0x30 + tens)
        v = q
        i -= 2
    }
    if i == 0 { p[0] = UInt8(truncatingIfNeeded: 0x30 + v % 10) }
}
