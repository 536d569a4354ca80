/// The stored display fields of one document as written in a segment: what a hit shows and sorts by.
///
/// ```
/// docOffsets := u32 blockStart[ceil(docCount / 16) + 1]      (blob offset of every 16th document, then the end)
/// docBlob    := entry*                                          entry := varint payloadLength payload
/// payload    := id agency title author year sortTitle sortAuthor holdings
/// id         := varint (digits << 1 | 1) varint value           (1–19 ASCII digits; leading zeros kept by count)
///             | varint (length << 1) bytes                      (anything else)
/// agency     := varint (k + 1)                                  (entry k of the agencies section)
///             | varint 0 varint length bytes
/// title, author, sortTitle, sortAuthor := varint length bytes   (sort keys cut to SegmentFormat.sortKeyLimit)
/// year       := varint 0 (the year column, in decimal) | varint (length + 1) bytes
/// holdings   := varint 0 | varint (total + 1) varint available
/// agencies   := varint count (varint length bytes)*
/// ```
struct StoredEntry: Equatable {
    var id = ""
    var agency = ""
    var title = ""
    var author = ""
    /// nil: the year column's value, written in decimal.
    var yearText: String?
    var sortTitle: [UInt8] = []
    var sortAuthor: [UInt8] = []
    var holdings: IndexDocument.Holdings?
}

/// Writes the stored-field sections of one segment.
struct StoredFieldsWriter {
    static let block = 16

    private(set) var offsets = ByteWriter()
    private(set) var blob = ByteWriter()
    private(set) var years = ByteWriter()
    private var agencyIDs: [String: Int] = [:]
    private var agencies: [String] = []
    private var payload = ByteWriter(capacity: 256)
    private var count = 0

    init(capacity: Int) {
        offsets = ByteWriter(capacity: 4 * (capacity / Self.block + 2))
        blob = ByteWriter(capacity: capacity * 64)
        years = ByteWriter(capacity: 2 * capacity)
    }

    /// Appends a document's entry and its year-column value.
    mutating func append(_ e: StoredEntry, year: Int16) {
        if count % Self.block == 0 { offsets.u32(UInt32(truncatingIfNeeded: blob.count)) }
        count += 1
        payload.bytes.removeAll(keepingCapacity: true)
        let idBytes = Array(e.id.utf8)
        if !idBytes.isEmpty, idBytes.count <= 19, idBytes.allSatisfy({ $0 &- 0x30 < 10 }) {
            var v: UInt64 = 0
            for b in idBytes { v = v &* 10 &+ UInt64(b - 0x30) }
            payload.varint(UInt64(idBytes.count) << 1 | 1)
            payload.varint(v)
        } else {
            payload.varint(UInt64(idBytes.count) << 1)
            payload.append(contentsOf: idBytes)
        }
        if let k = agencyIDs[e.agency] {
            payload.varint(k + 1)
        } else if agencies.count < 65_536 {
            agencyIDs[e.agency] = agencies.count
            agencies.append(e.agency)
            payload.varint(agencies.count)
        } else {
            payload.varint(0)
            payload.lengthPrefixed(e.agency.utf8)
        }
        payload.lengthPrefixed(e.title.utf8)
        payload.lengthPrefixed(e.author.utf8)
        if let text = e.yearText {
            payload.varint(text.utf8.count + 1)
            payload.append(contentsOf: text.utf8)
        } else {
            payload.varint(0)
        }
        payload.lengthPrefixed(e.sortTitle.prefix(SegmentFormat.sortKeyLimit))
        payload.lengthPrefixed(e.sortAuthor.prefix(SegmentFormat.sortKeyLimit))
        if let h = e.holdings {
            payload.varint(max(0, h.total) + 1)
            payload.varint(max(0, h.available))
        } else {
            payload.varint(0)
        }
        blob.lengthPrefixed(payload.bytes)
        years.u16(UInt16(bitPattern: year))
    }

    /// The docOffsets, docBlob, years and agencies sections.
    func sections() -> [(UInt32, [UInt8])] {
        var o = offsets
        o.u32(UInt32(truncatingIfNeeded: blob.count))
        var a = ByteWriter()
        a.varint(agencies.count)
        for s in agencies { a.lengthPrefixed(s.utf8) }
        return [
            (SegmentFormat.docOffsets, o.bytes), (SegmentFormat.docBlob, blob.bytes),
            (SegmentFormat.years, years.bytes), (SegmentFormat.agencies, a.bytes),
        ]
    }

    /// The entry for a document being indexed, and its year-column value.
    static func entry(for doc: IndexDocument) -> (StoredEntry, Int16) {
        var y = SegmentFormat.noYear
        if let sy = doc.sortYear, sy > Int(Int16.min), sy <= Int(Int16.max) { y = Int16(sy) }
        let fromColumn = y != SegmentFormat.noYear && doc.year == String(y)
        let e = StoredEntry(
            id: doc.id, agency: doc.agency, title: doc.title, author: doc.author,
            yearText: fromColumn ? nil : doc.year, sortTitle: doc.sortTitle, sortAuthor: doc.sortAuthor,
            holdings: doc.holdings)
        return (e, y)
    }
}

/// Reads the stored-field sections of one segment; every read is bounds-checked.
struct StoredFieldsReader: Sendable {
    let docCount: Int
    let offsets: ByteView
    let blob: ByteView
    let agencies: [String]

    static let empty = StoredFieldsReader(docCount: 0, offsets: .empty, blob: .empty, agencies: [])

    init(docCount: Int, offsets: ByteView, blob: ByteView, agencies: [String]) {
        self.docCount = docCount
        self.offsets = offsets
        self.blob = blob
        self.agencies = agencies
    }

    /// Parses the sections; nil when their sizes do not fit `docCount`.
    init?(docCount: Int, offsets: ByteView, blob: ByteView, agencySection: ByteView) {
        let blocks = (docCount + StoredFieldsWriter.block - 1) / StoredFieldsWriter.block
        guard offsets.count == 4 * (blocks + 1) else { return nil }
        var o = 0
        let n = agencySection.varint(&o)
        guard n <= UInt64(agencySection.count) else { return nil }
        var list: [String] = []
        list.reserveCapacity(Int(n))
        for _ in 0..<n {
            let len = agencySection.length(&o)
            list.append(String(decoding: agencySection.buffer(o, len), as: UTF8.self))
            o += len
        }
        self.init(docCount: docCount, offsets: offsets, blob: blob, agencies: list)
    }

    /// The payload of document `doc` (empty when out of range or malformed).
    @inline(__always)
    func payload(_ doc: Int) -> ByteView {
        guard doc >= 0, doc < docCount else { return .empty }
        let b = doc / StoredFieldsWriter.block
        var o = Int(offsets.u32(b * 4))
        let end = min(blob.count, Int(offsets.u32((b + 1) * 4)))
        for _ in 0..<(doc % StoredFieldsWriter.block) {
            let len = blob.length(&o)
            o += len
            if o >= end { return .empty }
        }
        let len = blob.length(&o)
        return blob.slice(o, len) ?? .empty
    }

    /// The whole entry of `doc`.
    func entry(_ doc: Int) -> StoredEntry { entry(doc, sortKeys: true) }

    /// The entry of `doc`; without `sortKeys` the two sort keys are left empty (what a hit shows needs none).
    func entry(_ doc: Int, sortKeys: Bool) -> StoredEntry {
        let p = payload(doc)
        var o = 0
        var e = StoredEntry()
        func bytes() -> UnsafeRawBufferPointer {
            let len = p.length(&o)
            defer { o += len }
            return p.buffer(o, len)
        }
        let idCode = p.varint(&o)
        if idCode & 1 == 1 {
            let digits = Int(min(idCode >> 1, 19))
            let text = String(p.varint(&o))
            let pad = digits - text.utf8.count
            e.id = pad > 0 ? String(repeating: "0", count: pad) + text : text
        } else {
            let len = Int(min(idCode >> 1, UInt64(max(0, p.count - o))))
            e.id = String(decoding: p.buffer(o, len), as: UTF8.self)
            o += len
        }
        let a = p.varint(&o)
        if a == 0 {
            e.agency = String(decoding: bytes(), as: UTF8.self)
        } else {
            let k = Int(min(a - 1, UInt64(Int32.max)))
            e.agency = k < agencies.count ? agencies[k] : ""
        }
        e.title = String(decoding: bytes(), as: UTF8.self)
        e.author = String(decoding: bytes(), as: UTF8.self)
        let yearTag = p.varint(&o)
        if yearTag != 0 {
            let len = Int(min(yearTag - 1, UInt64(max(0, p.count - o))))
            e.yearText = String(decoding: p.buffer(o, len), as: UTF8.self)
            o += len
        }
        if sortKeys {
            e.sortTitle = Array(bytes())
            e.sortAuthor = Array(bytes())
        } else {
            o += p.length(&o)
            o += p.length(&o)
        }
        let t = min(p.varint(&o), UInt64(Int32.max))
        if t > 0 {
            let av = min(p.varint(&o), UInt64(Int32.max))
            e.holdings = IndexDocument.Holdings(total: Int(t - 1), available: Int(av))
        }
        return e
    }

    /// The stored sort key (title or author) of `doc`, without decoding the rest.
    func sortKey(_ doc: Int, author: Bool) -> UnsafeRawBufferPointer {
        let p = payload(doc)
        var o = 0
        let idCode = p.varint(&o)
        if idCode & 1 == 1 { _ = p.varint(&o) } else { o += Int(min(idCode >> 1, UInt64(max(0, p.count - o)))) }
        if p.varint(&o) == 0 { o += p.length(&o) }  // agency
        o += p.length(&o)  // title
        o += p.length(&o)  // author
        let yearTag = p.varint(&o)
        if yearTag != 0 { o += Int(min(yearTag - 1, UInt64(max(0, p.count - o)))) }
        if author { o += p.length(&o) }
        let len = p.length(&o)
        return p.buffer(o, len)
    }
}
