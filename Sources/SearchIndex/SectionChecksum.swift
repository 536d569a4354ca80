/// A fast 64-bit checksum over a section of an index file.
///
/// It mixes 8-byte little-endian words with a multiply–xorshift step (a few GB/s on one core),
/// so a whole index can be verified when it is opened. It detects corruption, not tampering.
enum SectionChecksum {
    static let seed: UInt64 = 0x4B41_5254_4F54_454B  // "KARTOTEK"

    static func compute(_ view: ByteView) -> UInt64 {
        guard let base = view.base else { return seed }
        return compute(UnsafeRawBufferPointer(start: base, count: view.count))
    }

    static func compute(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var h = seed ^ UInt64(buffer.count)
        guard let base = buffer.baseAddress else { return mix(h) }
        let words = buffer.count / 8
        var i = 0
        while i < words {
            let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 1
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        var j = words * 8
        while j < buffer.count {
            tail |= UInt64(base.load(fromByteOffset: j, as: UInt8.self)) << shift
            shift += 8
            j += 1
        }
        h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return mix(h)
    }

    static func compute(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { compute($0) }
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
