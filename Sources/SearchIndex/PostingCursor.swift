/// A forward-only reader of one term's postings in one segment, one block of
/// ``SegmentFormat/skipInterval`` documents at a time, with an upper bound on the BM25 score of every
/// document in the current block (from the list's block impacts) and in the whole list.
///
/// Top-k search moves cursors in two ways: ``shallowAdvance(_:)`` picks the block that may hold a
/// document without decoding anything, so a block whose bound cannot beat the current k-th score is
/// passed over unread; ``advance(_:)`` decodes the block and stops on a document. Every read is bounded
/// by the list's bytes, and a list whose documents do not increase inside their block (a corrupt file)
/// ends early instead of misleading the caller.
///
/// A value type without reference counting (the query loops touch cursors per document); its buffers are
/// freed by ``release()``.
struct PostingCursor {
    /// Position of this cursor among the query's cursors: scores are added up in this order.
    let slot: Int
    /// Documents in the list (from its header).
    let df: Int
    /// An upper bound on the score of any document in the list.
    private(set) var maxScore: Float = 0

    /// The document the cursor is on, or `UInt32.max` before the first ``advance(_:)`` and at the end.
    private(set) var doc: UInt32 = .max
    /// Whether the list has no documents at or after the current block.
    private(set) var exhausted = false
    /// Smallest document the current block can hold.
    private(set) var blockFloor: UInt32 = 0
    /// Largest document the current block can hold.
    private(set) var blockLast: UInt32 = 0
    /// Upper bound on the score of every document in the current block.
    private(set) var blockBound: Float = 0

    private let start: UnsafeRawPointer
    private let end: UnsafeRawPointer
    private let streamCount: Int
    private let skips: ByteView
    private let impacts: ByteView
    private let blockCount: Int
    private let docCount: UInt32
    private let normBytes: UnsafeRawPointer?
    private let norms: UnsafeMutablePointer<Float>
    private let weight: Float
    private static let k1p1 = QueryEvaluator.k1 + 1
    /// Bounds are widened by this factor so that rounding in a score's computation or in a sum of
    /// scores can never make a document beat a bound it was pruned by.
    private static let slack: Float = 1.0001

    /// The position stream (nil when the cursor was made without positions or the index has none).
    private let positionStart: UnsafeRawPointer?
    private let positionCount: Int
    private var positionBlock = -1
    private var positionIndex = 0
    private var positionOffset = 0
    /// Whether every tf of the decoded block is 1 (kept only for cursors that read positions).
    private var tfsAllOne = false

    private var block = -1
    private var decodedBlock = -1
    private let docs: UnsafeMutablePointer<UInt32>
    private let tfs: UnsafeMutablePointer<UInt32>
    private var count = 0
    private var i = 0

    /// A cursor on `ref` in `field`; nil for a bitmap list (no per-document postings) or an empty one.
    /// Without `bounds` the score bounds are not computed (``maxScore`` stays 0): for callers that only
    /// probe documents. With `positions`, ``readPositions(into:)`` reads the current document's positions.
    init?(
        field: FieldReader, ref: TermRef, segmentDocCount: Int, weight: Float, lengthNorms: [Float], slot: Int,
        bounds: Bool = true, positions: Bool = false
    ) {
        guard segmentDocCount > 0, field.bitmapOf(ref, docCount: segmentDocCount) == nil else { return nil }
        let (df, stream, positionStream) = field.postingsOf(ref)
        guard let base = stream.base, stream.count > 0, df > 0 else { return nil }
        self.slot = slot
        self.df = df
        positionStart = positions ? positionStream.base : nil
        positionCount = positions ? positionStream.count : 0
        start = base
        end = base + stream.count
        streamCount = stream.count
        skips = field.skipsOf(ref)
        impacts = field.impactsOf(ref)
        blockCount = skips.count / SegmentFormat.skipEntrySize + 1
        docCount = UInt32(truncatingIfNeeded: min(segmentDocCount, Int(UInt32.max)))
        normBytes = field.positional && field.norms.count >= segmentDocCount ? field.norms.base : nil
        self.weight = weight
        let table = UnsafeMutablePointer<Float>.allocate(capacity: 256)
        // Without a table (a caller that only reads documents) every length costs nothing.
        lengthNorms.withUnsafeBufferPointer { given in
            if given.count == 256, let from = given.baseAddress {
                table.initialize(from: from, count: 256)
            } else {
                table.initialize(repeating: 0, count: 256)
            }
        }
        norms = table
        docs = .allocate(capacity: SegmentFormat.skipInterval)
        tfs = .allocate(capacity: SegmentFormat.skipInterval)
        if !bounds {
            setBlock(0)
        } else if impacts.count >= blockCount * SegmentFormat.impactSize {
            var m: Float = 0
            for b in 0..<blockCount { m = max(m, impactBound(b)) }
            maxScore = m
            setBlock(0)
        } else {
            // A short list (one block, no impacts): read it now and take its exact maximum.
            setBlock(0)
            decode()
            var m: Float = 0
            for k in 0..<count { m = max(m, score(at: k)) }
            maxScore = m * Self.slack
            blockBound = maxScore
        }
    }

    /// Frees the cursor's buffers; the cursor must not be used afterwards.
    func release() {
        norms.deallocate()
        docs.deallocate()
        tfs.deallocate()
    }

    /// The BM25 score of the current document (only valid on a document).
    @inline(__always)
    func score() -> Float { score(at: i) }

    /// Moves to the block that may hold the first document ≥ `target`, without decoding it.
    @inline(__always)
    mutating func shallowAdvance(_ target: UInt32) {
        if exhausted || target <= blockLast { return }
        var b = block + 1
        while b < blockCount && lastDoc(ofBlock: b) < target { b += 1 }
        setBlock(b)
    }

    /// The score bound of document `d`: the bound of the block that may hold it, or 0 when no block
    /// can (moves shallowly to that block; `d` must not be below earlier targets).
    @inline(__always)
    mutating func bound(at d: UInt32) -> Float {
        shallowAdvance(d)
        return exhausted || blockFloor > d ? 0 : blockBound
    }

    /// The largest block bound over documents `from`…`through` (moves shallowly to `from`).
    mutating func maxBound(from: UInt32, through last: UInt32) -> Float {
        shallowAdvance(from)
        if exhausted || blockFloor > last { return 0 }
        if blockLast >= last { return blockBound }
        guard impacts.count >= blockCount * SegmentFormat.impactSize else { return maxScore }
        var m = blockBound
        var b = block + 1
        while b < blockCount {
            m = max(m, impactBound(b))
            if lastDoc(ofBlock: b) >= last { break }
            b += 1
        }
        return m
    }

    /// Moves to the first document ≥ `target`; ``doc`` is `UInt32.max` when there is none.
    mutating func advance(_ target: UInt32) {
        while !exhausted {
            shallowAdvance(target)
            if exhausted { break }
            if decodedBlock != block { decode() }
            var k = i
            let n = count
            // Eight documents at a time while the target is past them, then one at a time.
            while k + 8 < n && docs[k + 8] < target { k += 8 }
            while k < n && docs[k] < target { k += 1 }
            i = k
            if k < n {
                doc = docs[k]
                return
            }
            setBlock(block + 1)
        }
        doc = .max
    }

    /// Decodes the current block (if not yet) and calls `body` with each of its documents not yet passed
    /// and its score, then moves to the next block. The single-list top-k loop.
    mutating func scoreBlock(_ body: (UInt32, Float) -> Void) {
        if exhausted { return }
        if decodedBlock != block { decode() }
        let lo = i
        let n = count
        if lo < n {
            // The scores first, in loops without branches (the divisions pipeline and vectorise), then the
            // calls: a division feeding the caller's threshold test per document stalled on its latency.
            withUnsafeTemporaryAllocation(of: Float.self, capacity: SegmentFormat.skipInterval) { buffer in
                guard let scores = buffer.baseAddress, n <= buffer.count else { return }
                if let bytes = normBytes {
                    for k in lo..<n { scores[k] = norms[Int(bytes.load(fromByteOffset: Int(docs[k]), as: UInt8.self))] }
                } else {
                    for k in lo..<n { scores[k] = norms[1] }
                }
                for k in lo..<n { scores[k] = bm25(Float(tfs[k]), norm: scores[k]) }
                for k in lo..<n { body(docs[k], scores[k]) }
            }
        }
        setBlock(block + 1)
    }

    /// Appends the current document's positions (decoded from their deltas) to `out` and returns its tf
    /// (capped at 2²⁰). The position stream is entered at the block's offset from the skip table and the
    /// positions of the block's earlier documents are stepped over by counting varint ends, eight bytes at a
    /// time. Only valid on a document of a cursor made with `positions`.
    mutating func readPositions(into out: inout [UInt32]) -> Int {
        let tf = Int(min(tfs[i], 1 << 20))
        guard let base = positionStart else {
            out.append(contentsOf: repeatElement(0, count: tf))
            return tf
        }
        if positionBlock != block {
            positionBlock = block
            positionIndex = 0
            let offset = block == 0 ? 0 : Int(skips.u32((block - 1) * SegmentFormat.skipEntrySize + 8))
            positionOffset = min(offset, positionCount)
        }
        var skip = max(0, i - positionIndex)
        if !tfsAllOne {
            skip = 0
            for k in positionIndex..<max(positionIndex, i) { skip += Int(min(tfs[k], 1 << 20)) }
        }
        var o = positionOffset
        // Step over `skip` varints: a byte below 0x80 ends one.
        while skip >= 8 && o + 8 <= positionCount {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: o, as: UInt64.self))
            let ends = (~word & 0x8080_8080_8080_8080).nonzeroBitCount
            if ends >= skip { break }
            skip -= ends
            o += 8
        }
        while skip > 0 && o < positionCount {
            if base.load(fromByteOffset: o, as: UInt8.self) < 0x80 { skip -= 1 }
            o += 1
        }
        var p = base + o
        let end = base + positionCount
        var q: UInt32 = 0
        for _ in 0..<tf {
            q &+= UInt32(truncatingIfNeeded: readVarint(&p, end))
            out.append(q)
        }
        positionOffset = p - base
        positionIndex = i + 1
        return tf
    }

    /// Moves to the next block without decoding the current one.
    @inline(__always)
    mutating func skipBlock() { if !exhausted { setBlock(block + 1) } }

    /// Moves to the next document.
    @inline(__always)
    mutating func next() {
        if doc == .max { return }
        i += 1
        if i < count {
            doc = docs[i]
            return
        }
        advance(doc &+ 1)
    }

    // MARK: Blocks

    /// Postings the current block holds: 128, or what is left of the list in its last block.
    private var postingsInBlock: Int {
        min(SegmentFormat.skipInterval, max(0, df - block * SegmentFormat.skipInterval))
    }

    @inline(__always)
    private func lastDoc(ofBlock b: Int) -> UInt32 {
        b + 1 < blockCount ? skips.u32(b * SegmentFormat.skipEntrySize) : docCount - 1
    }

    mutating private func setBlock(_ b: Int) {
        block = b
        doc = .max  // no document until the block is decoded
        guard b < blockCount else {
            exhausted = true
            return
        }
        blockFloor = b == 0 ? 0 : skips.u32((b - 1) * SegmentFormat.skipEntrySize) &+ 1
        blockLast = lastDoc(ofBlock: b)
        blockBound = impacts.count >= blockCount * SegmentFormat.impactSize ? impactBound(b) : maxScore
    }

    /// Score bound of block `b` from its largest tf and smallest length byte.
    private func impactBound(_ b: Int) -> Float {
        let maxTf = impacts.u8(b * SegmentFormat.impactSize)
        if maxTf == 255 { return weight * Self.k1p1 * Self.slack }
        let minNorm = normBytes == nil ? 1 : Int(impacts.u8(b * SegmentFormat.impactSize + 1))
        let t = Float(max(maxTf, 1))
        return bm25(t, norm: norms[minNorm]) * Self.slack
    }

    /// Decodes the current block into the buffers; a cursor that reads positions also notes whether every tf
    /// is 1 (positions of skipped documents are then counted without adding up their tfs).
    private mutating func decode() {
        decodeDocuments()
        if positionStart != nil {
            var wide: UInt32 = 0
            for k in 0..<count { wide |= tfs[k] &- 1 }
            tfsAllOne = wide == 0
        }
    }

    /// A packed block through ``PostingBlock/decodePacked(_:_:previous:ceiling:docs:tfs:)``; a varint block by a
    /// fast pass that checks the block once at its end and, when that check fails (a corrupt list), a careful
    /// pass that stops at the first bad posting.
    private mutating func decodeDocuments() {
        decodedBlock = block
        count = 0
        i = 0
        var offset = 0
        var base: UInt32 = 0
        if block > 0 {
            let at = (block - 1) * SegmentFormat.skipEntrySize
            offset = Int(skips.u32(at + 4))
            base = skips.u32(at)
        }
        guard offset < streamCount else { return }
        if PostingBlock.isPacked(block: block, df: df) {
            // A full block of a long list: bit-packed, checked as a whole (a bad one reads as empty).
            if PostingBlock.decodePacked(
                start + offset, end, previous: block == 0 ? .max : base, ceiling: min(blockLast, docCount &- 1),
                docs: docs, tfs: tfs) != nil
            {
                count = PostingBlock.size
            }
            return
        }
        if !decodeFast(from: start + offset, base: base) { decodeCareful(from: start + offset, base: base) }
    }

    /// Decodes the current block and moves to the next one: its documents and tfs (valid until the cursor
    /// moves again) and whether it held every posting it should (false for a damaged block, after which a
    /// reader of the position stream must stop). Nil at the end. For readers that walk a whole list.
    mutating func nextBlock() -> (docs: UnsafePointer<UInt32>, tfs: UnsafePointer<UInt32>, count: Int, complete: Bool)? {
        if exhausted { return nil }
        if decodedBlock != block { decode() }
        let result = (UnsafePointer(docs), UnsafePointer(tfs), count, count == postingsInBlock)
        setBlock(block + 1)
        return result
    }

    /// The common case: one- and two-byte entries inline, no per-posting range checks. Returns false
    /// (and leaves `count` 0) when a delta is zero or too large, a tf is too large, or a document falls
    /// outside the block.
    private mutating func decodeFast(from start: UnsafeRawPointer, base: UInt32) -> Bool {
        var p = start
        let end = self.end
        let docs = self.docs
        let tfs = self.tfs
        var n = 0
        var d = UInt64(base)
        var minDelta = UInt64.max
        var wide: UInt64 = 0  // OR of every entry and tf: must stay below 2^33 (deltas and tfs below 2^32)
        @inline(__always) func entry() -> (UInt64, UInt64) {
            var v: UInt64
            let b0 = UInt64(p.load(as: UInt8.self))
            if b0 < 0x80 {
                v = b0
                p += 1
            } else if end - p >= 2, p.load(fromByteOffset: 1, as: UInt8.self) < 0x80 {
                v = (b0 & 0x7F) | UInt64(p.load(fromByteOffset: 1, as: UInt8.self)) << 7
                p += 2
            } else {
                v = readVarint(&p, end)
            }
            var tf: UInt64 = 1
            if v & 1 == 0 {
                if p < end, p.load(as: UInt8.self) < 0x80 {
                    tf = UInt64(p.load(as: UInt8.self))
                    p += 1
                } else {
                    tf = readVarint(&p, end)
                }
                wide |= tf << 1
            }
            wide |= v
            return (v >> 1, tf)
        }
        if block == 0 && p < end {
            // The list's first entry holds its first document itself (it may be 0).
            let (first, tf) = entry()
            d = first
            docs[0] = UInt32(truncatingIfNeeded: d)
            tfs[0] = UInt32(truncatingIfNeeded: tf)
            n = 1
        }
        let limit = postingsInBlock
        if end - p >= 20 * (limit - n) {
            // Room for the longest entries (10 + 10 bytes each): no end check per entry. (One loop with the
            // check hoisted into a flag measured 4 % more instructions for the term query set: kept as two.)
            while n < limit {
                let (delta, tf) = entry()
                minDelta = min(minDelta, delta)
                d &+= delta
                docs[n] = UInt32(truncatingIfNeeded: d)
                tfs[n] = UInt32(truncatingIfNeeded: tf)
                n += 1
            }
        } else {
            while n < limit && p < end {
                let (delta, tf) = entry()
                minDelta = min(minDelta, delta)
                d &+= delta
                docs[n] = UInt32(truncatingIfNeeded: d)
                tfs[n] = UInt32(truncatingIfNeeded: tf)
                n += 1
            }
        }
        guard minDelta != 0, wide >> 33 == 0,
            n == 0 || (UInt64(docs[0]) >= UInt64(blockFloor) && d <= UInt64(min(blockLast, docCount &- 1)))
        else { return false }
        count = n
        return true
    }

    /// Entry by entry with every check; stops at the first entry that breaks the list's order or range.
    private mutating func decodeCareful(from start: UnsafeRawPointer, base: UInt32) {
        var p = start
        let end = self.end
        let docs = self.docs
        let tfs = self.tfs
        let floor = blockFloor
        let ceiling = min(blockLast, docCount &- 1)
        var d = base
        var first = block == 0
        var n = 0
        while n < SegmentFormat.skipInterval && p < end {
            let v = readVarint(&p, end)
            let delta = UInt32(truncatingIfNeeded: v >> 1)
            let tf = v & 1 == 0 ? readVarint(&p, end) : 1
            if v >> 33 != 0 { break }
            if first {
                d = delta
                first = false
            } else {
                let (next, overflow) = d.addingReportingOverflow(delta)
                if overflow || delta == 0 { break }
                d = next
            }
            if d > ceiling || d < floor { break }
            docs[n] = d
            tfs[n] = UInt32(truncatingIfNeeded: min(tf, UInt64(UInt32.max)))
            n += 1
        }
        count = n
    }

    @inline(__always)
    private func score(at k: Int) -> Float { score(tf: tfs[k], doc: docs[k]) }

    /// The BM25 score of this cursor's term occurring `tf` times in document `d` (for a caller that read
    /// the posting through ``nextBlock()``).
    @inline(__always)
    func score(tf: UInt32, doc d: UInt32) -> Float { bm25(Float(tf), norm: norms[lengthByte(of: d)]) }

    /// BM25 of a term occurring `t` times in a document of length norm `norm`: the one expression every score
    /// and bound of this cursor comes from, so equal inputs give equal floats on every path.
    @inline(__always)
    private func bm25(_ t: Float, norm: Float) -> Float { weight * t * Self.k1p1 / (t + norm) }

    /// Document `d`'s length byte in this cursor's index (1 for indexes without lengths).
    @inline(__always)
    func lengthByte(of d: UInt32) -> Int {
        Int(normBytes.map { $0.load(fromByteOffset: Int(d), as: UInt8.self) } ?? 1)
    }

    /// Fills `table` (256 entries) with the score of a tf of 1 per length byte: `table[lengthByte(of: d)]` is
    /// `score(tf: 1, doc: d)`, the same float, without its division.
    func tfOneScores(into table: UnsafeMutablePointer<Float>) {
        for k in 0..<256 { table[k] = bm25(1, norm: norms[k]) }
    }
}
