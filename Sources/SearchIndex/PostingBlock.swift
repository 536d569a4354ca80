import CPostingCodec

/// The doc stream of one posting list, block by block (see ``SegmentFormat/skipInterval``).
///
/// A list of more than `skipInterval` documents stores each full block of 128 postings bit-packed:
///
/// ```
/// packed := u8 gapBits u8 tfBits  gap[128] (gapBits each)  tfMinusOne[128] (tfBits each)
/// ```
///
/// Each run of 128 values takes 16 × bits bytes in four interleaved lanes (since format 6): value i belongs to
/// lane i % 4, each lane packs its 32 values into `bits` little-endian 32-bit words, and word t of lane l is the
/// 32-bit word at 4t + l, so that one 128-bit load serves four consecutive values (SIMD unpacking). A gap is
/// the distance to the previous document minus one, the previous document of a block being the skip entry's
/// "last document before the block" (block 0: none, so its first gap is its first document). A block whose
/// tfs are all 1 costs no tf bits. Everything else — lists of up to `skipInterval` documents and the last,
/// partial block of a longer list — keeps the varint entries `varint (delta << 1 | tf == 1) [varint tf]`,
/// the first entry of a list holding its first document itself.
enum PostingBlock {
    static let size = SegmentFormat.skipInterval

    /// Whether block `b` of a list of `df` documents is bit-packed.
    @inline(__always)
    static func isPacked(block b: Int, df: Int) -> Bool { df > size && (b + 1) * size <= df }

    /// Bytes of a packed block with these widths.
    @inline(__always)
    static func packedBytes(gapBits: Int, tfBits: Int) -> Int { 2 + 16 * (gapBits + tfBits) }

    /// Appends `values` (exactly `size` of them, each below 2^bits) in the packed layout.
    static func pack(_ values: UnsafeBufferPointer<UInt32>, bits: Int, into out: inout [UInt8]) {
        guard bits > 0, values.count == size, let v = values.baseAddress else { return }
        let at = out.count
        out.append(contentsOf: repeatElement(0, count: 16 * bits))
        out.withUnsafeMutableBufferPointer { b in
            guard let base = b.baseAddress else { return }
            _ = kt_pack128(v, Int32(bits), base + at)
        }
    }

    /// Number of bits needed for `v` (0 for 0).
    @inline(__always)
    static func bitWidth(_ v: UInt32) -> Int { 32 - v.leadingZeroBitCount }

    /// Decodes a packed block at `p` (bounded by `end`) that follows document `previous` (`UInt32.max` for
    /// the list's first block) into `docs` and `tfs`; returns its last document, or nil when the block does not
    /// fit in the stream, a width is over 32, or a document would pass `ceiling`.
    @inline(__always)
    static func decodePacked(
        _ p: UnsafeRawPointer, _ end: UnsafeRawPointer, previous: UInt32, ceiling: UInt32,
        docs: UnsafeMutablePointer<UInt32>, tfs: UnsafeMutablePointer<UInt32>
    ) -> UInt32? {
        guard end - p >= 2 else { return nil }
        let gapBits = Int(p.load(as: UInt8.self))
        let tfBits = Int(p.load(fromByteOffset: 1, as: UInt8.self))
        guard gapBits <= 32, tfBits <= 32, end - p >= packedBytes(gapBits: gapBits, tfBits: tfBits) else { return nil }
        let bytes = p.assumingMemoryBound(to: UInt8.self)
        let last = kt_unpack_docs128(bytes + 2, Int32(gapBits), previous, docs)
        guard last >= 0, last <= Int64(ceiling) else { return nil }
        if tfBits == 0 {
            for i in 0..<size { tfs[i] = 1 }
        } else {
            // tf − 1 is stored: a tf of 2^32 would wrap to 0, so 32-bit tfs are refused outright.
            guard tfBits < 32, kt_unpack128(bytes + 2 + 16 * gapBits, Int32(tfBits), tfs) == 0 else { return nil }
            for i in 0..<size { tfs[i] &+= 1 }
        }
        return UInt32(truncatingIfNeeded: last)
    }
}

/// Writes one posting list's doc stream, skip table and block impacts, a posting at a time: full blocks of
/// a long list are bit-packed when they are complete, the rest are varint entries (see ``PostingBlock``).
/// Positions are written by the caller, who passes the position stream's length before each posting.
struct PostingListEncoder {
    private(set) var docStream = ByteWriter()
    private(set) var skips = ByteWriter()
    private(set) var impacts = BlockImpacts()
    private(set) var df = 0
    private var blockDocs: [UInt32] = []
    private var blockTfs: [UInt32] = []
    /// Last document before the block being collected (`UInt32.max` before the first block).
    private var previousBlockLast: UInt32 = .max
    private var lastDoc: UInt32 = 0
    private var gaps: [UInt32] = []

    init() {
        blockDocs.reserveCapacity(PostingBlock.size)
        blockTfs.reserveCapacity(PostingBlock.size)
        gaps.reserveCapacity(PostingBlock.size)
    }

    /// Starts the next list (most lists are one posting long: only what was written is cleared).
    mutating func reset() {
        if !docStream.bytes.isEmpty { docStream.bytes.removeAll(keepingCapacity: true) }
        if !skips.bytes.isEmpty { skips.bytes.removeAll(keepingCapacity: true) }
        impacts.reset()
        df = 0
        if !blockDocs.isEmpty {
            blockDocs.removeAll(keepingCapacity: true)
            blockTfs.removeAll(keepingCapacity: true)
        }
        previousBlockLast = .max
        lastDoc = 0
    }

    /// Adds the next posting (documents strictly increasing); `positionOffset` is the position stream's
    /// length before this posting's positions, `norm` the document's length byte (1 without norms).
    @inline(__always)
    mutating func add(doc: UInt32, tf: Int, norm: UInt8, positionOffset: Int) {
        if df > 0 && df % PostingBlock.size == 0 {
            flushBlock(final: false)
            skips.u32(lastDoc)
            skips.u32(UInt32(truncatingIfNeeded: docStream.count))
            skips.u32(UInt32(truncatingIfNeeded: positionOffset))
            previousBlockLast = lastDoc
        }
        blockDocs.append(doc)
        blockTfs.append(UInt32(truncatingIfNeeded: min(tf, Int(UInt32.max))))
        impacts.add(tf: tf, norm: norm)
        lastDoc = doc
        df += 1
    }

    /// Writes what is left: the last block, packed when the list is long and the block full.
    mutating func finish() {
        flushBlock(final: true)
        impacts.finish()
    }

    /// Writes the collected block (no-op when empty): packed when it is full and the list is longer than one
    /// block (a block flushed before the end has more postings after it).
    private mutating func flushBlock(final: Bool) {
        let n = blockDocs.count
        if n == 0 { return }
        if n == PostingBlock.size && (!final || df > PostingBlock.size) {
            gaps.removeAll(keepingCapacity: true)
            var prev = previousBlockLast
            var gapMax: UInt32 = 0
            var tfMax: UInt32 = 0
            for k in 0..<n {
                let g = blockDocs[k] &- prev &- 1  // previous .max: the first document itself
                gaps.append(g)
                gapMax |= g
                tfMax |= blockTfs[k] &- 1
                prev = blockDocs[k]
            }
            let gapBits = PostingBlock.bitWidth(gapMax)
            let tfBits = PostingBlock.bitWidth(tfMax)
            docStream.u8(UInt8(gapBits))
            docStream.u8(UInt8(tfBits))
            gaps.withUnsafeBufferPointer { PostingBlock.pack($0, bits: gapBits, into: &docStream.bytes) }
            for k in 0..<n { blockTfs[k] &-= 1 }
            blockTfs.withUnsafeBufferPointer { PostingBlock.pack($0, bits: tfBits, into: &docStream.bytes) }
        } else {
            var prev = previousBlockLast
            for k in 0..<n {
                let doc = blockDocs[k]
                let delta = prev == .max ? doc : doc &- prev
                prev = doc
                let tf = blockTfs[k]
                docStream.varint((UInt64(delta) << 1) | (tf == 1 ? 1 : 0))
                if tf != 1 { docStream.varint(UInt64(tf)) }
            }
        }
        blockDocs.removeAll(keepingCapacity: true)
        blockTfs.removeAll(keepingCapacity: true)
    }
}

extension FieldReader {
    /// Calls `body` with every posting of a (non-bitmap) list in document order — its document and tf — until
    /// `body` returns false. Stops at the first damaged entry or block, and at a document not below `docCount`.
    /// Short lists are read entry by entry; longer ones a block at a time through a ``PostingCursor``.
    func forEachPosting(_ ref: TermRef, docCount: Int, _ body: (UInt32, UInt32) -> Bool) {
        let (df, docs, _) = postingsOf(ref)
        if df <= SegmentFormat.skipInterval {
            var o = 0
            var doc: UInt32 = 0
            var first = true
            while o < docs.count {
                let v = docs.varint(&o)
                let delta = UInt32(truncatingIfNeeded: v >> 1)
                var tf: UInt32 = 1
                if v & 1 == 0 { tf = UInt32(truncatingIfNeeded: min(docs.varint(&o), 1 << 20)) }
                if first {
                    doc = delta
                    first = false
                } else {
                    let (next, overflow) = doc.addingReportingOverflow(delta)
                    if overflow || delta == 0 { return }
                    doc = next
                }
                if Int(doc) >= docCount || !body(doc, tf) { return }
            }
            return
        }
        guard
            var cursor = PostingCursor(
                field: self, ref: ref, segmentDocCount: docCount, weight: 0, lengthNorms: [], slot: 0, bounds: false)
        else { return }
        defer { cursor.release() }
        while let block = cursor.nextBlock() {
            for k in 0..<block.count where !body(block.docs[k], min(block.tfs[k], 1 << 20)) { return }
            if !block.complete { return }
        }
    }
}
