/// The stored display fields of one document as written in a segment: what a hit shows and sorts by.
///
/// ```
/// docOffsets := u32 blockStart[ceil(docCount / 16) + 1]      (blob offset of every 16th document, then the end)
/// docBlob    := block*                                          (16 documents a block, fewer in the last)
/// block      := varint payloadLength[n] payload[n]              (the lengths first: a reader finds a document's
///                                                               payload from one cache line, not by walking)
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
    /// The current block's payloads and their lengths, written out when the block is full (or at the end).
    private var blockPayloads = ByteWriter(capacity: 4096)
    private var blockLengths: [Int] = []
    private var count = 0
    /// The agency of the last entry and its number in the table.
    private var lastAgency: (name: String, id: Int)?

    init(capacity: Int) {
        offsets = ByteWriter(capacity: 4 * (capacity / Self.block + 2))
        blob = ByteWriter(capacity: capacity * 64)
        years = ByteWriter(capacity: 2 * capacity)
    }

    /// Appends a document's entry and its year-column value.
    mutating func append(_ e: StoredEntry, year: Int16) {
        appendEntry(
            id: e.id, agency: e.agency, title: e.title, author: e.author, yearText: e.yearText, sortTitle: e.sortTitle,
            sortAuthor: e.sortAuthor, holdings: e.holdings, year: year)
    }

    /// Appends the entry of a document being indexed, read in place through a pointer (a `borrowing` parameter
    /// fed from a buffer still copied the whole document): no entry value, no copy of its strings.
    mutating func append(document doc: UnsafePointer<IndexDocument>) {
        var y = SegmentFormat.noYear
        if let sy = doc.pointee.sortYear, sy > Int(Int16.min), sy <= Int(Int16.max) { y = Int16(sy) }
        let fromColumn = y != SegmentFormat.noYear && doc.pointee.year == String(y)
        appendEntry(
            id: doc.pointee.id, agency: doc.pointee.agency, title: doc.pointee.title, author: doc.pointee.author,
            yearText: fromColumn ? nil : doc.pointee.year, sortTitle: doc.pointee.sortTitle,
            sortAuthor: doc.pointee.sortAuthor, holdings: doc.pointee.holdings, year: y)
    }

    private mutating func appendEntry(
        id: String, agency: String, title: String, author: String, yearText: String?, sortTitle: [UInt8],
        sortAuthor: [UInt8], holdings: IndexDocument.Holdings?, year: Int16
    ) {
        count += 1
        payload.bytes.removeAll(keepingCapacity: true)
        // An id of 1–19 ASCII digits is kept as its digit count and value.
        var digits = 0
        var value: UInt64 = 0
        for b in id.utf8 {
            guard b &- 0x30 < 10, digits < 19 else {
                digits = -1
                break
            }
            value = value &* 10 &+ UInt64(b &- 0x30)
            digits += 1
        }
        if digits > 0 {
            payload.varint(UInt64(digits) << 1 | 1)
            payload.varint(value)
        } else {
            payload.varint(UInt64(id.utf8.count) << 1)
            payload.append(utf8Of: id)
        }
        // Consecutive documents mostly share their agency: compare with the last one before hashing.
        if let last = lastAgency, last.name == agency {
            payload.varint(last.id + 1)
        } else if let k = agencyIDs[agency] {
            lastAgency = (agency, k)
            payload.varint(k + 1)
        } else if agencies.count < 65_536 {
            agencyIDs[agency] = agencies.count
            lastAgency = (agency, agencies.count)
            agencies.append(agency)
            payload.varint(agencies.count)
        } else {
            payload.varint(0)
            payload.lengthPrefixed(utf8Of: agency)
        }
        payload.lengthPrefixed(utf8Of: title)
        payload.lengthPrefixed(utf8Of: author)
        if let text = yearText {
            payload.varint(text.utf8.count + 1)
            payload.append(utf8Of: text)
        } else {
            payload.varint(0)
        }
        payload.lengthPrefixed(sortTitle.prefix(SegmentFormat.sortKeyLimit))
        payload.lengthPrefixed(sortAuthor.prefix(SegmentFormat.sortKeyLimit))
        if let h = holdings {
            payload.varint(max(0, h.total) + 1)
            payload.varint(max(0, h.available))
        } else {
            payload.varint(0)
        }
        blockLengths.append(payload.count)
        blockPayloads.append(contentsOf: payload.bytes)
        if blockLengths.count == Self.block { flushBlock() }
        years.u16(UInt16(bitPattern: year))
    }

    /// Writes the current block: its start in the offsets, the payload lengths, the payloads.
    private mutating func flushBlock() {
        guard !blockLengths.isEmpty else { return }
        offsets.u32(UInt32(truncatingIfNeeded: blob.count))
        for n in blockLengths { blob.varint(n) }
        blob.append(contentsOf: blockPayloads.bytes)
        blockLengths.removeAll(keepingCapacity: true)
        blockPayloads.bytes.removeAll(keepingCapacity: true)
    }

    /// The docOffsets, docBlob, years and agencies sections.
    mutating func sections() -> [(UInt32, [UInt8])] {
        flushBlock()
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
        guard o < end else { return .empty }
        // The block's lengths come first: add up those before the document, read past the rest.
        let n = min(StoredFieldsWriter.block, docCount - b * StoredFieldsWriter.block)
        let k = doc % StoredFieldsWriter.block
        var before = 0
        var length = 0
        for j in 0..<n {
            let len = Int(min(blob.varint(&o), UInt64(Int32.max)))
            if j < k { before += len } else if j == k { length = len }
        }
        return blob.slice(o + before, length) ?? .empty
    }

    /// The whole entry of `doc` (what the merger writes again; a hit is read by ``hit(_:docIndex:score:yearColumn:)``).
    func entry(_ doc: Int) -> StoredEntry {
        let p = payload(doc)
        var o = 0
        let head = display(p, &o)
        var e = StoredEntry(
            id: head.id, agency: head.agency, title: head.title, author: head.author, yearText: head.yearText)
        var len = p.length(&o)
        e.sortTitle = Array(p.buffer(o, len))
        o += len
        len = p.length(&o)
        e.sortAuthor = Array(p.buffer(o, len))
        o += len
        e.holdings = holdings(p, &o)
        return e
    }

    /// The hit for `doc` (id, agency, title, author, year text, holdings), decoded straight from the payload:
    /// no sort keys, no intermediate entry, each string made once. `yearColumn` is the document's year-column
    /// value, used when the entry keeps no year text of its own.
    func hit(_ doc: Int, docIndex: Int, score: Double, yearColumn: Int16?) -> SearchHit {
        let p = payload(doc)
        var o = 0
        let head = display(p, &o)
        var year = head.yearText ?? ""
        if head.yearText == nil, let y = yearColumn {
            year = y < 0 ? "-" + decimal(UInt64(-Int(y)), digits: 1) : decimal(UInt64(y), digits: 1)
        }
        o += p.length(&o)  // sort title
        o += p.length(&o)  // sort author
        return SearchHit(
            docIndex: docIndex, id: head.id, agency: head.agency, score: score, title: head.title,
            author: head.author, year: year, holdings: holdings(p, &o))
    }

    /// The display fields at the start of a payload (id, agency, title, author, year text — nil when the year
    /// column holds it), leaving `o` at the sort keys. Every length is bounded by the payload. (Inlined: called
    /// for every hit shown, where a call returning five strings cost ≈ 200 instructions a hit.)
    @inline(__always)
    private func display(
        _ p: ByteView, _ o: inout Int
    ) -> (id: String, agency: String, title: String, author: String, yearText: String?) {
        let id: String
        let idCode = p.varint(&o)
        if idCode & 1 == 1 {
            id = decimal(p.varint(&o), digits: Int(min(idCode >> 1, 19)))
        } else {
            id = Self.text(p, &o, Int(min(idCode >> 1, UInt64(max(0, p.count - o)))))
        }
        let agency: String
        let a = p.varint(&o)
        if a == 0 {
            agency = Self.text(p, &o, p.length(&o))
        } else {
            let k = Int(min(a - 1, UInt64(Int32.max)))
            agency = k < agencies.count ? agencies[k] : ""
        }
        let title = Self.text(p, &o, p.length(&o))
        let author = Self.text(p, &o, p.length(&o))
        let yearTag = p.varint(&o)
        let yearText = yearTag == 0 ? nil : Self.text(p, &o, Int(min(yearTag - 1, UInt64(max(0, p.count - o)))))
        return (id, agency, title, author, yearText)
    }

    /// The `len` bytes at `o` as a string; `o` moves past them.
    @inline(__always)
    private static func text(_ p: ByteView, _ o: inout Int, _ len: Int) -> String {
        defer { o += len }
        return String(decoding: p.buffer(o, len), as: UTF8.self)
    }

    /// The holdings at `o` (after the sort keys): nil when the entry has none.
    private func holdings(_ p: ByteView, _ o: inout Int) -> IndexDocument.Holdings? {
        let t = min(p.varint(&o), UInt64(Int32.max))
        guard t > 0 else { return nil }
        let av = min(p.varint(&o), UInt64(Int32.max))
        return IndexDocument.Holdings(total: Int(t - 1), available: Int(av))
    }

    /// `v` in decimal, zero-padded on the left to `digits` (at most 20) digits, made in one go.
    private func decimal(_ v: UInt64, digits: Int) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buf in
            var i = 20
            var x = v
            repeat {
                i -= 1
                buf[i] = UInt8(truncatingIfNeeded: x % 10) &+ 0x30
                x /= 10
            } while x > 0 && i > 0
            while 20 - i < digits && i > 0 {
                i -= 1
                buf[i] = 0x30
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buf[i..<20]), as: UTF8.self)
        }
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
