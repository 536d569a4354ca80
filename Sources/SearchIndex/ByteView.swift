/// A bounds-checked, read-only window on bytes owned elsewhere (an mmap or an owned buffer).
///
/// Every read checks its bounds and reports failure by returning a fallback value or `nil`,
/// so a corrupt file can never make a read fault.
struct ByteView: @unchecked Sendable {
    let base: UnsafeRawPointer?
    let count: Int

    init(base: UnsafeRawPointer?, count: Int) {
        self.base = base
        self.count = base == nil ? 0 : count
    }

    static let empty = ByteView(base: nil, count: 0)

    /// A sub-view, or nil when the range falls outside.
    func slice(_ offset: Int, _ length: Int) -> ByteView? {
        guard offset >= 0, length >= 0, offset <= count, length <= count - offset else { return nil }
        guard let base else { return length == 0 ? .empty : nil }
        return ByteView(base: base + offset, count: length)
    }

    @inline(__always)
    func u8(_ offset: Int) -> UInt8 {
        guard let base, offset >= 0, offset < count else { return 0 }
        return base.load(fromByteOffset: offset, as: UInt8.self)
    }

    @inline(__always)
    func u16(_ offset: Int) -> UInt16 {
        guard let base, offset >= 0, offset + 2 <= count else { return 0 }
        return UInt16(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    @inline(__always)
    func u32(_ offset: Int) -> UInt32 {
        guard let base, offset >= 0, offset + 4 <= count else { return 0 }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    func u64(_ offset: Int) -> UInt64 {
        guard let base, offset >= 0, offset + 8 <= count else { return 0 }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Decodes a LEB128 varint at `offset`, advancing it. Returns 0 and sets offset to `count` on overrun.
    @inline(__always)
    func varint(_ offset: inout Int) -> UInt64 {
        guard let base, offset >= 0 else { offset = count; return 0 }
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            let b = base.load(fromByteOffset: offset, as: UInt8.self)
            offset += 1
            if shift < 64 { result |= UInt64(b & 0x7F) << shift }
            if b < 0x80 { return result }
            shift += 7
        }
        offset = count
        return result
    }

    /// Skips `n` varints at `offset`.
    @inline(__always)
    func skipVarints(_ n: Int, _ offset: inout Int) {
        guard let base, offset >= 0 else { offset = count; return }
        var left = n
        while left > 0 && offset < count {
            if base.load(fromByteOffset: offset, as: UInt8.self) < 0x80 { left -= 1 }
            offset += 1
        }
    }

    /// Calls `body` with every set bit's index below `limit`, in order (the view is a bitmap).
    @inline(__always)
    func forEachSetBit(below limit: Int, _ body: (Int) -> Void) {
        guard let base else { return }
        let n = min(count, (limit + 7) / 8)
        var i = 0
        while i + 8 <= n {
            var w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            while w != 0 {
                let d = i * 8 + w.trailingZeroBitCount
                if d >= limit { return }
                body(d)
                w &= w - 1
            }
            i += 8
        }
        while i < n {
            var b = base.load(fromByteOffset: i, as: UInt8.self)
            while b != 0 {
                let d = i * 8 + b.trailingZeroBitCount
                if d >= limit { return }
                body(d)
                b &= b - 1
            }
            i += 1
        }
    }

    /// Whether bit `i` is set (the view is a bitmap); false outside.
    @inline(__always)
    func bit(_ i: Int) -> Bool {
        guard let base, i >= 0, i >> 3 < count else { return false }
        return base.load(fromByteOffset: i >> 3, as: UInt8.self) & (1 << UInt8(i & 7)) != 0
    }

    /// Decodes a varint length at `offset` (advancing it), clamped to the bytes that remain.
    @inline(__always)
    func length(_ offset: inout Int) -> Int {
        let v = varint(&offset)
        let remaining = UInt64(max(0, count - offset))
        return Int(min(v, remaining))
    }

    /// The first nonzero byte in `lo..<hi` not covered by `covered` (sorted or not), or nil.
    func firstUncoveredNonzero(_ lo: Int, _ hi: Int, covered: [(Int, Int)]) -> Int? {
        var ranges = covered.map { ($0.0, $0.0 + $0.1) }.sorted { $0.0 < $1.0 }
        ranges.append((hi, hi))
        var cursor = lo
        for (start, end) in ranges {
            if start > cursor {
                var i = cursor
                while i < min(start, hi) {
                    if u8(i) != 0 { return i }
                    i += 1
                }
            }
            cursor = max(cursor, end)
        }
        return nil
    }

    /// The bytes in a range, or an empty array when the range falls outside.
    func bytes(_ offset: Int, _ length: Int) -> [UInt8] {
        guard let s = slice(offset, length), let b = s.base, length > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: b, count: length))
    }

    /// Compares `length` bytes at `offset` with `other` lexicographically (-1, 0, 1).
    @inline(__always)
    func compare(_ offset: Int, _ length: Int, with other: UnsafeRawBufferPointer) -> Int {
        guard let base, offset >= 0, length >= 0, offset + length <= count else { return -1 }
        let n = min(length, other.count)
        if n > 0, let ob = other.baseAddress {
            let c = memcmpBytes(base + offset, ob, n)
            if c != 0 { return c < 0 ? -1 : 1 }
        }
        return length == other.count ? 0 : (length < other.count ? -1 : 1)
    }

    /// A raw buffer over a range (empty when outside).
    func buffer(_ offset: Int, _ length: Int) -> UnsafeRawBufferPointer {
        guard let s = slice(offset, length), let b = s.base else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: b, count: length)
    }
}

/// Decodes a LEB128 varint at `p` (not reading at or past `end`), advancing `p`: the posting kernels' reader, on
/// raw pointers where ``ByteView/varint(_:)`` works on offsets. A varint cut off by `end` yields what was read.
@inline(__always)
func readVarint(_ p: inout UnsafeRawPointer, _ end: UnsafeRawPointer) -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while p < end {
        let b = p.load(as: UInt8.self)
        p += 1
        if shift < 64 { result |= UInt64(b & 0x7F) << shift }
        if b < 0x80 { return result }
        shift += 7
    }
    return result
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always)
func memcmpBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Int32 {
    memcmp(a, b, n)
}
