/// A reference to one term's postings inside a field.
struct TermRef {
    var index: Int
    var start: Int
    var length: Int
}

/// A sorted, front-coded term dictionary (blocks of ``blockSize`` terms).
///
/// ```
/// dictionary := u32 termCount u32 blockCount u32 blockOffsets[blockCount+1] u32 blockPostings[blockCount] blocks
/// block      := entry{1..16}
/// entry      := varint sharedPrefix varint suffixLength suffix varint postingsLength
/// ```
/// The first entry of a block has no shared prefix, so blocks are binary-searched by their first
/// term and then scanned.
struct TermDictionary: Sendable {
    static let blockSize = 16

    let termCount: Int
    let blockCount: Int
    let blockOffsets: ByteView
    let blockPostings: ByteView
    let blocks: ByteView

    static let empty = TermDictionary(termCount: 0, blockCount: 0, blockOffsets: .empty, blockPostings: .empty, blocks: .empty)

    init(termCount: Int, blockCount: Int, blockOffsets: ByteView, blockPostings: ByteView, blocks: ByteView) {
        self.termCount = termCount
        self.blockCount = blockCount
        self.blockOffsets = blockOffsets
        self.blockPostings = blockPostings
        self.blocks = blocks
    }

    /// Parses a dictionary section; nil when it is malformed.
    init?(_ s: ByteView) {
        let termCount = Int(s.u32(0))
        let blockCount = Int(s.u32(4))
        guard blockCount == (termCount + Self.blockSize - 1) / Self.blockSize,
            let bo = s.slice(8, 4 * (blockCount + 1)),
            let bp = s.slice(8 + 4 * (blockCount + 1), 4 * blockCount)
        else { return nil }
        let start = 8 + 4 * (blockCount + 1) + 4 * blockCount
        guard let blocks = s.slice(start, s.count - start) else { return nil }
        self.init(termCount: termCount, blockCount: blockCount, blockOffsets: bo, blockPostings: bp, blocks: blocks)
    }

    /// Writes a dictionary for sorted terms with their postings lengths.
    static func write(terms: [[UInt8]], postingLengths: [Int]) -> [UInt8] {
        var w = TermDictionaryWriter()
        for (i, term) in terms.enumerated() {
            term.withUnsafeBufferPointer { w.append($0, postingLength: postingLengths[i]) }
        }
        return w.finish()
    }

    @inline(__always)
    private func blockRange(_ b: Int) -> (Int, Int) {
        let lo = Int(blockOffsets.u32(b * 4))
        let hi = Int(blockOffsets.u32((b + 1) * 4))
        return (lo, max(lo, hi))
    }

    /// Compares the first term of block `b` with `key`.
    private func compareFirst(_ b: Int, _ key: UnsafeRawBufferPointer) -> Int {
        var (o, _) = blockRange(b)
        _ = blocks.varint(&o)
        let len = blocks.length(&o)
        return blocks.compare(o, len, with: key)
    }

    /// Calls `body` for terms `range` in order with their bytes and postings; stops when it returns false.
    func scan(_ range: Range<Int>, _ body: (Int, UnsafeRawBufferPointer, TermRef) -> Bool) {
        guard !range.isEmpty, range.lowerBound >= 0 else { return }
        let upper = min(range.upperBound, termCount)
        var i = range.lowerBound - range.lowerBound % Self.blockSize
        var term = [UInt8]()
        term.reserveCapacity(64)
        while i < upper {
            let b = i / Self.blockSize
            var (o, end) = blockRange(b)
            var posting = Int(blockPostings.u32(b * 4))
            term.removeAll(keepingCapacity: true)
            let last = min(upper, (b + 1) * Self.blockSize)
            while i < last && o < end {
                let shared = min(Int(min(blocks.varint(&o), 255)), term.count)
                let len = blocks.length(&o)
                term.removeLast(term.count - shared)
                term.append(contentsOf: blocks.buffer(o, len))
                o += len
                let plen = Int(min(blocks.varint(&o), UInt64(Int32.max)))
                if i >= range.lowerBound {
                    let keep = term.withUnsafeBytes { body(i, $0, TermRef(index: i, start: posting, length: plen)) }
                    if !keep { return }
                }
                posting += plen
                i += 1
            }
            if i < last { return }  // malformed block
        }
    }

    /// The block that could hold `key`: the last whose first term is ≤ key (0 if none).
    private func candidateBlock(_ key: UnsafeRawBufferPointer) -> Int {
        guard blockCount > 1 else { return 0 }
        // Keys past the last block's first term or before the first term (a word looked up in an index of
        // numbers, the common miss of a bare term over every index) are answered without a binary search,
        // whose every probe is a cache miss.
        if compareFirst(blockCount - 1, key) <= 0 { return blockCount - 1 }
        if compareFirst(0, key) > 0 { return 0 }
        var lo = 1
        var hi = blockCount - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if compareFirst(mid, key) <= 0 { lo = mid + 1 } else { hi = mid }
        }
        return max(0, lo - 1)
    }

    /// First index whose term is ≥ key (or > key when `strict`), and the term there if it equals key.
    func search(_ key: [UInt8], strict: Bool) -> (Int, TermRef?) {
        guard termCount > 0 else { return (0, nil) }
        return key.withUnsafeBytes { k -> (Int, TermRef?) in
            let b = candidateBlock(k)
            var result = min(termCount, (b + 1) * Self.blockSize)
            var found: TermRef?
            scan(b * Self.blockSize..<min(termCount, (b + 1) * Self.blockSize)) { i, term, ref in
                let c = Self.compare(term, k)
                if c == 0 && !strict { found = ref }
                if strict ? c > 0 : c >= 0 {
                    result = i
                    return false
                }
                return true
            }
            return (result, found)
        }
    }

    static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = min(a.count, b.count)
        if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
            let c = memcmpBytes(pa, pb, n)
            if c != 0 { return c < 0 ? -1 : 1 }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    func lowerBound(_ key: [UInt8]) -> Int { search(key, strict: false).0 }
    func upperBound(_ key: [UInt8]) -> Int { search(key, strict: true).0 }
    /// The entry of exactly `key`, or nil. Walks the candidate block without materialising terms:
    /// `matched` is how many leading bytes the previous term shares with `key` (front-coded search).
    func find(_ key: [UInt8]) -> TermRef? {
        guard termCount > 0 else { return nil }
        return key.withUnsafeBytes { k -> TermRef? in
            let b = candidateBlock(k)
            var (o, end) = blockRange(b)
            var posting = Int(blockPostings.u32(b * 4))
            var i = b * Self.blockSize
            let last = min(termCount, (b + 1) * Self.blockSize)
            var matched = 0
            var first = true
            while i < last && o < end {
                let shared = Int(min(blocks.varint(&o), 255))
                let len = blocks.length(&o)
                let suffixStart = o
                o += len
                let plen = Int(min(blocks.varint(&o), UInt64(Int32.max)))
                if !first && shared < matched { return nil }  // this term is already past key
                if first || shared == matched {
                    // Compare the suffix with key[matched...].
                    var m = first ? 0 : matched
                    var j = 0
                    while j < len && m < k.count && blocks.u8(suffixStart + j) == k[m] {
                        j += 1
                        m += 1
                    }
                    if j == len && m == k.count { return TermRef(index: i, start: posting, length: plen) }
                    if j < len && (m == k.count || blocks.u8(suffixStart + j) > k[m]) { return nil }  // term > key
                    matched = m
                }
                // shared > matched: the term agrees with its predecessor past `matched`, so it is < key too.
                first = false
                posting += plen
                i += 1
            }
            return nil
        }
    }

    /// Terms that start with `prefix`.
    func prefixRange(_ prefix: [UInt8]) -> Range<Int> {
        let lo = lowerBound(prefix)
        var upper = prefix
        while let last = upper.last, last == 0xFF { upper.removeLast() }
        guard let last = upper.last else { return lo..<termCount }
        upper[upper.count - 1] = last + 1
        return lo..<max(lo, lowerBound(upper))
    }

    /// References for a range of terms, optionally filtered by their bytes.
    func refs(_ range: Range<Int>, where keep: ((UnsafeRawBufferPointer) -> Bool)? = nil) -> [TermRef] {
        var out: [TermRef] = []
        scan(range) { _, term, ref in
            if keep?(term) ?? true { out.append(ref) }
            return true
        }
        return out
    }
}

/// Writes a dictionary one term at a time, in byte order (see ``TermDictionary``'s layout): no list of every
/// term's bytes is kept, only the previous term's for the front coding.
struct TermDictionaryWriter {
    private var body = ByteWriter()
    private var offsets: [UInt32] = []
    private var postingStarts: [UInt32] = []
    private var posting = 0
    private var count = 0
    private var previous: [UInt8] = []

    /// Appends the next term (greater than the previous one) and the length of its postings.
    mutating func append(_ term: UnsafeBufferPointer<UInt8>, postingLength: Int) {
        var shared = 0
        if count % TermDictionary.blockSize == 0 {
            offsets.append(UInt32(body.count))
            postingStarts.append(UInt32(truncatingIfNeeded: posting))
        } else {
            let limit = min(previous.count, term.count, 255)
            while shared < limit && previous[shared] == term[shared] { shared += 1 }
        }
        body.varint(shared)
        body.varint(term.count - shared)
        body.append(contentsOf: UnsafeBufferPointer(rebasing: term[shared...]))
        body.varint(postingLength)
        posting += postingLength
        count += 1
        previous.removeAll(keepingCapacity: true)
        previous.append(contentsOf: term)
    }

    /// The dictionary section.
    func finish() -> [UInt8] {
        var w = ByteWriter(capacity: 8 + 4 * (offsets.count + 1) + 4 * postingStarts.count + body.count)
        let blockCount = (count + TermDictionary.blockSize - 1) / TermDictionary.blockSize
        w.u32(UInt32(count))
        w.u32(UInt32(blockCount))
        for o in offsets { w.u32(o) }
        w.u32(UInt32(body.count))
        for p in postingStarts { w.u32(p) }
        w.append(contentsOf: body.bytes)
        return w.bytes
    }
}
