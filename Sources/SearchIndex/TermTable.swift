#if canImport(Glibc)
import Glibc
#endif

/// A set of byte strings numbered in insertion order: the term table of a segment build.
///
/// Open addressing over word-at-a-time hashes of the UTF-8 bytes (slot = id + 1, 0 = empty); the bytes live in one
/// arena. Index builds look every token up here, so it avoids `String` hashing (seeded SipHash over the
/// NFC-normalised scalars) and a heap object per term.
struct TermTable {
    private var slots: [UInt32]
    /// Hash of each term, by id.
    private(set) var hashes: [UInt64] = []
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]

    init(capacity: Int = 128) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = [UInt32](repeating: 0, count: n)
        arena.reserveCapacity(capacity * 8)
    }

    var count: Int { hashes.count }

    /// Eight bytes at a time (little-endian words, the tail zero-filled, the length mixed in), each word
    /// multiplied in, then the high bits folded down for the slot: a token costs one or two multiplications
    /// instead of one per byte in a dependent chain. The hashes stay in memory (nothing written depends on them).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(truncatingIfNeeded: n)
        guard let base = bytes.baseAddress else { return h ^ (h >> 29) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 32
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                w |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
        }
        h ^= h >> 29
        h &*= 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// The id of `bytes`, adding them when new (`hash` must be ``hash(_:)`` of the bytes).
    @inline(__always)
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 { break }
            let id = Int(s - 1)
            if hashes[id] == h && equals(id, bytes) { return id }
            i = (i + 1) & mask
        }
        let id = hashes.count
        slots[i] = UInt32(truncatingIfNeeded: id + 1)
        hashes.append(h)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// Adds `bytes` (hashing them) and returns their id.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> Int { insert(bytes, hash: Self.hash(bytes)) }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = starts[id]
        let n = starts[id + 1] - lo
        guard n == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            guard n > 0, let ab = a.baseAddress, let bb = bytes.baseAddress else { return n == 0 }
            return memcmp(ab + lo, bb, n) == 0
        }
    }

    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (k, h) in hashes.enumerated() {
            var j = Int(truncatingIfNeeded: h) & mask
            while slots[j] != 0 { j = (j + 1) & mask }
            slots[j] = UInt32(truncatingIfNeeded: k + 1)
        }
    }

    /// Calls `body` with the bytes of term `id`.
    @inline(__always)
    func withBytes<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let lo = starts[id]
        let n = starts[id + 1] - lo
        return arena.withUnsafeBufferPointer { a in body(UnsafeBufferPointer(rebasing: a[lo..<(lo + n)])) }
    }

    /// Byte order of two terms.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        withBytes(a) { x in withBytes(b) { y in
            let n = min(x.count, y.count)
            if n > 0, let px = x.baseAddress, let py = y.baseAddress {
                let c = memcmp(px, py, n)
                if c != 0 { return c < 0 }
            }
            return x.count < y.count
        } }
    }

    /// Term ids in byte order of their terms. Each term's first 16 bytes, zero-padded, are compared as two
    /// big-endian words first; only terms that agree there are compared in full (bytes, then length). The words
    /// are sorted together with the ids (no lookup through the id per comparison: a million terms' keys do not
    /// fit in a cache).
    func sortedIDs() -> [Int] {
        struct Key {
            var k0: UInt64
            var k1: UInt64
            var id: Int
        }
        let n = count
        var keys: [Key] = []
        keys.reserveCapacity(n)
        arena.withUnsafeBufferPointer { a in
            for id in 0..<n {
                let lo = starts[id]
                let len = starts[id + 1] - lo
                var k0: UInt64 = 0
                var k1: UInt64 = 0
                for j in 0..<min(len, 16) {
                    let b = UInt64(a[lo + j])
                    if j < 8 { k0 |= b << UInt64(56 - 8 * j) } else { k1 |= b << UInt64(56 - 8 * (j - 8)) }
                }
                keys.append(Key(k0: k0, k1: k1, id: id))
            }
        }
        keys.sort { x, y in
            if x.k0 != y.k0 { return x.k0 < y.k0 }
            if x.k1 != y.k1 { return x.k1 < y.k1 }
            return precedes(x.id, y.id)
        }
        return keys.map(\.id)
    }

    /// Drops the lookup slots (the terms, hashes and bytes stay readable).
    mutating func freezeLookups() { slots = [] }
}
