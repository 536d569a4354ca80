#if canImport(Glibc)
import Glibc
#endif

/// Owns the bytes segments read from: an mmap of an index file, or a heap copy of a built image.
final class SegmentStorage: @unchecked Sendable {
    enum Ownership { case heap, mapped }
    let base: UnsafeRawPointer?
    let count: Int
    let ownership: Ownership

    /// A heap image of `count` bytes (16-byte aligned) that `fill` writes in full.
    init(count: Int, filling fill: (UnsafeMutableRawBufferPointer) -> Void) {
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(8, count), alignment: 16)
        fill(UnsafeMutableRawBufferPointer(start: p, count: count))
        base = UnsafeRawPointer(p)
        self.count = count
        ownership = .heap
    }

    init(mapped: UnsafeRawPointer, count: Int) {
        base = mapped
        self.count = count
        ownership = .mapped
    }

    /// Writes `bytes` to a fresh file in `directory`, maps it read-only and unlinks the name (the
    /// pages stay until the mapping goes). Nil when any step fails; the caller keeps a heap copy.
    convenience init?(spilling bytes: UnsafeRawBufferPointer, in directory: String) {
        var template = Array((directory + "/kartotek-segment-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buf -> Int32 in
            guard let p = buf.baseAddress else { return -1 }
            return mkstemp(p)
        }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let name = String(cString: template.map { UInt8(bitPattern: $0) } + [0])
        unlink(name)
        var sink = AtomicFile.Sink(fd: fd, path: name)
        let written: Bool
        do throws(IndexError) {
            try sink.write(bytes)
            written = true
        } catch {
            written = false
        }
        guard written, !bytes.isEmpty,
            let raw = mmap(nil, bytes.count, PROT_READ, MAP_SHARED, fd, 0), raw != MAP_FAILED
        else { return nil }
        self.init(mapped: UnsafeRawPointer(raw), count: bytes.count)
    }

    var view: ByteView { ByteView(base: base, count: count) }

    /// The image's bytes (valid while this storage lives).
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    deinit {
        guard let base else { return }
        switch ownership {
        case .heap: UnsafeMutableRawPointer(mutating: base).deallocate()
        case .mapped: munmap(UnsafeMutableRawPointer(mutating: base), count)
        }
    }
}

/// Reads one field's term dictionary and postings.
struct FieldReader: Sendable {
    let dictionary: TermDictionary
    let postings: ByteView
    let norms: ByteView  // u8 × docCount, or empty
    let positional: Bool
    let sumLengths: UInt64

    static let empty = FieldReader(
        dictionary: .empty, postings: .empty, norms: .empty, positional: false, sumLengths: 0)

    var termCount: Int { dictionary.termCount }
    func find(_ key: [UInt8]) -> TermRef? { dictionary.find(key) }
    func lowerBound(_ key: [UInt8]) -> Int { dictionary.lowerBound(key) }
    func upperBound(_ key: [UInt8]) -> Int { dictionary.upperBound(key) }
    func prefixRange(_ prefix: [UInt8]) -> Range<Int> { dictionary.prefixRange(prefix) }

    /// A term's postings: document frequency, doc stream and positions stream.
    @inline(__always)
    func postingsOf(_ ref: TermRef) -> (df: Int, docs: ByteView, positions: ByteView) {
        guard let all = postings.slice(ref.start, ref.length) else { return (0, .empty, .empty) }
        var o = 0
        let head = all.varint(&o)
        if head & 1 == 1 {
            // One document, tf 1: the head is its doc-stream entry; any position follows.
            return (1, all.slice(0, o) ?? .empty, all.slice(o, all.count - o) ?? .empty)
        }
        let df = Int(min(head >> 1, UInt64(Int32.max)))
        let docLen = all.length(&o)
        if docLen == 0 { return (df, .empty, .empty) }  // a bitmap (see bitmapOf) or nothing
        o += SegmentFormat.skipBytes(df: df)
        guard let docs = all.slice(o, docLen) else { return (0, .empty, .empty) }
        let positions = all.slice(o + docLen, all.count - o - docLen) ?? .empty
        return (df, docs, positions)
    }

    /// The bitmap of a dense list without positions (one bit per document, `docBytes = 0`), or nil.
    @inline(__always)
    func bitmapOf(_ ref: TermRef, docCount: Int) -> ByteView? {
        guard let all = postings.slice(ref.start, ref.length) else { return nil }
        var o = 0
        let head = all.varint(&o)
        guard head & 1 == 0, head >> 1 > 0, all.varint(&o) == 0 else { return nil }
        return all.slice(o, (docCount + 7) / 8)
    }

    /// A term's skip table (see ``SegmentFormat/skipInterval``); empty for short lists and bitmaps.
    @inline(__always)
    func skipsOf(_ ref: TermRef) -> ByteView {
        guard let (all, at, df) = skipArea(ref) else { return .empty }
        return all.slice(at, SegmentFormat.skipEntryBytes(df: df)) ?? .empty
    }

    /// A term's block impacts (two bytes per block: largest tf, smallest length byte); empty for
    /// short lists and bitmaps.
    @inline(__always)
    func impactsOf(_ ref: TermRef) -> ByteView {
        guard let (all, at, df) = skipArea(ref) else { return .empty }
        return all.slice(at + SegmentFormat.skipEntryBytes(df: df), SegmentFormat.impactBytes(df: df)) ?? .empty
    }

    /// A term's postings, where its skip area (skip entries, then impacts) starts in them, and its df; nil for
    /// a one-document list and for a bitmap, which have none.
    @inline(__always)
    private func skipArea(_ ref: TermRef) -> (ByteView, Int, Int)? {
        guard let all = postings.slice(ref.start, ref.length) else { return nil }
        var o = 0
        let head = all.varint(&o)
        if head & 1 == 1 { return nil }
        let df = Int(min(head >> 1, UInt64(Int32.max)))
        if all.varint(&o) == 0 { return nil }
        return (all, o, df)
    }

    func docFrequency(_ ref: TermRef) -> Int { postingsOf(ref).df }

    @inline(__always)
    func norm(_ doc: Int) -> Int { positional ? Int(norms.u8(doc)) : 1 }
}

/// One immutable segment: dictionaries and postings per field, stored fields, years, facets.
struct Segment: Sendable {
    let storage: SegmentStorage
    let docCount: Int
    let fields: [FieldReader]
    let storedFields: StoredFieldsReader
    let years: ByteView
    let facets: [FacetReader]
    /// The whole segment image.
    let image: ByteView
    var byteCount: Int { image.count }

    /// Builds a segment in memory, or — with `spillDirectory` — writes its image to an unlinked file
    /// there and maps it, so the finished segment costs page cache rather than heap.
    static func build(_ documents: [IndexDocument], builder: SegmentBuilder, spillDirectory: String? = nil) -> Segment {
        let built = builder.build(documents)
        let spilled = withExtendedLifetime(built) { spillDirectory.flatMap { SegmentStorage(spilling: built.bytes, in: $0) } }
        let storage = spilled ?? built
        // A freshly built image is well-formed; fall back to an empty segment rather than trap.
        if let s = try? open(storage.view, storage: storage, path: "<memory>", fileOffset: 0, verify: false) {
            return s
        }
        return empty(builder: builder)
    }

    static func empty(builder: SegmentBuilder) -> Segment {
        let storage = builder.build([])
        return Segment(
            storage: storage, docCount: 0, fields: IndexSchema.fields.map { _ in FieldReader.empty },
            storedFields: .empty, years: .empty,
            facets: IndexSchema.facetNames.map { _ in FacetReader.empty }, image: storage.view)
    }

    init(
        storage: SegmentStorage, docCount: Int, fields: [FieldReader], storedFields: StoredFieldsReader,
        years: ByteView, facets: [FacetReader], image: ByteView
    ) {
        self.storage = storage
        self.docCount = docCount
        self.fields = fields
        self.storedFields = storedFields
        self.years = years
        self.facets = facets
        self.image = image
    }

    /// Parses and checks a segment image that starts at `view`.
    static func open(_ view: ByteView, storage: SegmentStorage, path: String, fileOffset: Int, verify: Bool)
        throws(IndexError) -> Segment
    {
        func corrupt(_ at: Int, _ why: String) -> IndexError {
            IndexError(
                kind: .corrupt, path: path, offset: fileOffset + at,
                message: "\(path) is corrupt: \(why) (byte \(fileOffset + at))")
        }
        guard view.count >= SegmentFormat.headerSize + 8 else {
            throw IndexError(
                kind: .truncated, path: path, offset: fileOffset,
                message: "\(path) is truncated: a segment at byte \(fileOffset) is only \(view.count) bytes long")
        }
        for (i, m) in SegmentFormat.magic.enumerated() where view.u8(i) != m {
            throw corrupt(0, "a segment does not start with the segment magic")
        }
        let sectionCount = Int(view.u32(12))
        let docCount = Int(view.u32(16))
        let headerEnd = SegmentFormat.headerSize + sectionCount * SegmentFormat.entrySize
        guard sectionCount < 10_000, headerEnd + 8 <= view.count else {
            throw corrupt(12, "the section table does not fit in the segment")
        }
        let headerSum = SectionChecksum.compute(view.buffer(0, headerEnd))
        guard headerSum == view.u64(headerEnd) else {
            throw corrupt(headerEnd, "the segment header checksum does not match")
        }
        let version = view.u32(8)
        guard version == SegmentFormat.version else {
            throw IndexError(
                kind: .unsupportedVersion, path: path, offset: fileOffset + 8,
                message: "\(path) has segment format version \(version); this build reads version \(SegmentFormat.version)")
        }
        var sections: [UInt32: ByteView] = [:]
        var covered: [(Int, Int)] = [(0, headerEnd + 8)]
        for s in 0..<sectionCount {
            let e = SegmentFormat.headerSize + s * SegmentFormat.entrySize
            let id = view.u32(e)
            let off = view.u64(e + 8)
            let len = view.u64(e + 16)
            guard off <= UInt64(view.count), len <= UInt64(view.count) - off,
                let slice = view.slice(Int(off), Int(len))
            else {
                if off > UInt64(view.count) || len > UInt64(view.count) {
                    throw IndexError(
                        kind: .truncated, path: path, offset: fileOffset + e,
                        message: "\(path) is truncated: section \(id) ends past the end of the file")
                }
                throw corrupt(e, "section \(id) lies outside the segment")
            }
            if verify, SectionChecksum.compute(slice) != view.u64(e + 24) {
                throw corrupt(Int(off), "the checksum of section \(id) does not match")
            }
            sections[id] = slice
            covered.append((Int(off), Int(len)))
        }
        // Padding between sections is not checksummed: it must be zero.
        if verify, let at = view.firstUncoveredNonzero(0, view.count, covered: covered) {
            throw corrupt(at, "a padding byte between sections is not zero")
        }
        func section(_ id: UInt32) throws(IndexError) -> ByteView {
            guard let s = sections[id] else { throw corrupt(SegmentFormat.headerSize, "section \(id) is missing") }
            return s
        }
        let stats = try section(SegmentFormat.stats)
        var fields: [FieldReader] = []
        for (f, field) in IndexSchema.fields.enumerated() {
            let dict = try section(SegmentFormat.dictionaryBase + UInt32(f))
            let postings = try section(SegmentFormat.postingsBase + UInt32(f))
            guard let dictionary = TermDictionary(dict) else {
                throw corrupt(0, "the dictionary of index \(field.name) is malformed")
            }
            let positional = field.kind == .words
            var norms = ByteView.empty
            if positional {
                norms = try section(SegmentFormat.normsBase + UInt32(f))
                guard norms.count == docCount else { throw corrupt(0, "the norms of index \(field.name) are malformed") }
            }
            fields.append(
                FieldReader(
                    dictionary: dictionary, postings: postings, norms: norms, positional: positional,
                    sumLengths: stats.u64(8 * f)))
        }
        let years = try section(SegmentFormat.years)
        guard years.count == 2 * docCount,
            let storedFields = StoredFieldsReader(
                docCount: docCount, offsets: try section(SegmentFormat.docOffsets),
                blob: try section(SegmentFormat.docBlob), agencySection: try section(SegmentFormat.agencies))
        else {
            throw corrupt(0, "the stored-field tables do not match the document count \(docCount)")
        }
        var facets: [FacetReader] = []
        for k in IndexSchema.facetNames.indices {
            let sec = try section(SegmentFormat.facetBase + UInt32(k))
            guard let reader = FacetReader(sec, docCount: docCount) else {
                throw corrupt(0, "facet \(IndexSchema.facetNames[k]) is malformed")
            }
            facets.append(reader)
        }
        return Segment(
            storage: storage, docCount: docCount, fields: fields, storedFields: storedFields,
            years: years, facets: facets, image: view)
    }

    @inline(__always)
    func year(_ doc: Int) -> Int? {
        let y = Int16(bitPattern: years.u16(doc * 2))
        return y == SegmentFormat.noYear ? nil : Int(y)
    }

    /// The hit for a document: its stored display fields, the given document index and score.
    func hit(_ doc: Int, docIndex: Int, score: Double) -> SearchHit {
        let y = Int16(bitPattern: years.u16(doc * 2))
        return storedFields.hit(doc, docIndex: docIndex, score: score, yearColumn: y == SegmentFormat.noYear ? nil : y)
    }

    /// The stored sort key (title or author) of a document.
    func sortKey(_ doc: Int, author: Bool) -> UnsafeRawBufferPointer { storedFields.sortKey(doc, author: author) }
}

/// Reads one facet column: sorted value dictionary and per-document ordinals.
struct FacetReader: Sendable {
    let valueCount: Int
    let width: Int
    let valueOffsets: ByteView
    let valueBytes: ByteView
    let checkpoints: ByteView
    let counts: ByteView
    let ords: ByteView
    let totalOrds: Int
    let singleValued: Bool

    static let empty = FacetReader(
        valueCount: 0, width: 1, valueOffsets: .empty, valueBytes: .empty, checkpoints: .empty, counts: .empty,
        ords: .empty, totalOrds: 0, singleValued: false)

    init(
        valueCount: Int, width: Int, valueOffsets: ByteView, valueBytes: ByteView, checkpoints: ByteView,
        counts: ByteView, ords: ByteView, totalOrds: Int, singleValued: Bool
    ) {
        self.singleValued = singleValued
        self.valueCount = valueCount
        self.width = width
        self.valueOffsets = valueOffsets
        self.valueBytes = valueBytes
        self.checkpoints = checkpoints
        self.counts = counts
        self.ords = ords
        self.totalOrds = totalOrds
    }

    init?(_ s: ByteView, docCount: Int) {
        let valueCount = Int(s.u32(0))
        let totalOrds = Int(s.u32(4))
        let flags = s.u32(8)
        let width = Int(flags & 0xFF)
        let single = flags & SegmentFormat.facetSingleValued != 0
        let valueBytesLen = Int(s.u32(12))
        guard [1, 2, 4].contains(width), valueCount >= 0, !single || totalOrds == docCount else { return nil }
        var o = 16
        guard let vo = s.slice(o, 4 * (valueCount + 1)) else { return nil }
        o += 4 * (valueCount + 1)
        let cpCount = (docCount + SegmentFormat.facetCheckpoint - 1) / SegmentFormat.facetCheckpoint
        guard let cp = s.slice(o, 4 * cpCount) else { return nil }
        o += 4 * cpCount
        guard let counts = s.slice(o, docCount) else { return nil }
        o += docCount
        o = (o + 3) & ~3
        guard let ords = s.slice(o, width * totalOrds) else { return nil }
        o += width * totalOrds
        o = (o + 3) & ~3
        guard let vb = s.slice(o, valueBytesLen) else { return nil }
        self.init(
            valueCount: valueCount, width: width, valueOffsets: vo, valueBytes: vb, checkpoints: cp,
            counts: counts, ords: ords, totalOrds: totalOrds, singleValued: single)
    }

    func value(_ ord: Int) -> String {
        let lo = Int(valueOffsets.u32(ord * 4))
        let hi = Int(valueOffsets.u32((ord + 1) * 4))
        return String(decoding: valueBytes.buffer(lo, max(0, hi - lo)), as: UTF8.self)
    }

    @inline(__always)
    func ord(_ i: Int) -> Int {
        switch width {
        case 1: return Int(ords.u8(i))
        case 2: return Int(ords.u16(i * 2))
        default: return Int(ords.u32(i * 4))
        }
    }

    /// The values of one document.
    func values(of doc: Int) -> [String] {
        let block = doc / SegmentFormat.facetCheckpoint
        var start = Int(checkpoints.u32(block * 4))
        var d = block * SegmentFormat.facetCheckpoint
        while d < doc {
            start += Int(counts.u8(d))
            d += 1
        }
        let c = Int(counts.u8(doc))
        var out: [String] = []
        var i = start
        while i < min(start + c, totalOrds) {
            let o = ord(i)
            if o < valueCount { out.append(value(o)) }
            i += 1
        }
        return out
    }

    /// Adds the facet values of `docs` (ascending) into `counts` (indexed by ordinal).
    func count(_ docs: [UInt32], into tally: inout [UInt32]) {
        guard valueCount > 0 else { return }
        if tally.count < valueCount { tally = [UInt32](repeating: 0, count: valueCount) }
        if singleValued {
            // Ordinal i belongs to document i.
            for d in docs {
                let o = ord(Int(d))
                if o < valueCount { tally[o] &+= 1 }
            }
            return
        }
        var cursorDoc = -1
        var cursorOrd = 0
        for d32 in docs {
            let d = Int(d32)
            // Advance the running ordinal index to document d.
            let block = d / SegmentFormat.facetCheckpoint
            let blockStart = block * SegmentFormat.facetCheckpoint
            if cursorDoc < blockStart || cursorDoc > d {
                cursorDoc = blockStart
                cursorOrd = Int(checkpoints.u32(block * 4))
            }
            while cursorDoc < d {
                cursorOrd += Int(counts.u8(cursorDoc))
                cursorDoc += 1
            }
            let c = Int(counts.u8(d))
            var i = cursorOrd
            let end = min(cursorOrd + c, totalOrds)
            while i < end {
                let o = ord(i)
                if o < valueCount { tally[o] &+= 1 }
                i += 1
            }
        }
    }
}
