/// Appends little-endian integers, varints and byte strings to a growing byte array.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u16(_ v: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: v))
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
    }

    mutating func u32(_ v: UInt32) {
        var x = v
        for _ in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: x)); x >>= 8 }
    }

    mutating func u64(_ v: UInt64) {
        var x = v
        for _ in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: x)); x >>= 8 }
    }

    /// LEB128 unsigned varint.
    mutating func varint(_ v: UInt64) {
        var x = v
        while x >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: x) | 0x80)
            x >>= 7
        }
        bytes.append(UInt8(x))
    }

    mutating func varint(_ v: Int) { varint(UInt64(max(0, v))) }
    mutating func varint(_ v: UInt32) { varint(UInt64(v)) }

    /// A varint length followed by the bytes.
    mutating func lengthPrefixed<C: Collection>(_ data: C) where C.Element == UInt8 {
        varint(data.count)
        bytes.append(contentsOf: data)
    }

    mutating func append<C: Collection>(contentsOf data: C) where C.Element == UInt8 {
        bytes.append(contentsOf: data)
    }

    /// Pads with zero bytes to a multiple of `alignment`.
    mutating func align(_ alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    /// Overwrites a little-endian u64 at `offset`.
    mutating func patchU64(_ v: UInt64, at offset: Int) {
        var x = v
        for i in 0..<8 { bytes[offset + i] = UInt8(truncatingIfNeeded: x); x >>= 8 }
    }

    /// Appends a string's UTF-8 bytes (one copy from its contiguous storage when it has one).
    mutating func append(utf8Of s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: s.utf8)
        }
    }

    /// ``lengthPrefixed(_:)`` of a string's UTF-8 bytes, copied as by ``append(utf8Of:)``.
    mutating func lengthPrefixed(utf8Of s: String) {
        varint(s.utf8.count)
        append(utf8Of: s)
    }
}
