@testable import SearchIndex
import Testing

/// Bit-packed posting blocks: every gap and tf width through the packer and the SIMD unpackers, against
/// documents and tfs computed here one by one.
@Suite("Packed posting blocks")
struct PostingBlockTests {
    /// A block of 128 gaps below 2^gapBits (the largest value included) and tfs below 2^tfBits + 1.
    static func block(gapBits: Int, tfBits: Int, seed: UInt64) -> (bytes: [UInt8], gaps: [UInt32], tfs: [UInt32]) {
        var g = TopKTests.Generator(state: seed)
        func value(_ bits: Int) -> UInt32 {
            if bits == 0 { return 0 }
            let max = bits == 32 ? UInt64(UInt32.max) : (UInt64(1) << UInt64(bits)) - 1
            return UInt32(g.below(4) == 0 ? max : g.next() % (max + 1))
        }
        let gaps = (0..<PostingBlock.size).map { _ in value(gapBits) }
        let tfsMinusOne = (0..<PostingBlock.size).map { _ in value(tfBits) }
        var bytes: [UInt8] = [UInt8(gapBits), UInt8(tfBits)]
        gaps.withUnsafeBufferPointer { PostingBlock.pack($0, bits: gapBits, into: &bytes) }
        tfsMinusOne.withUnsafeBufferPointer { PostingBlock.pack($0, bits: tfBits, into: &bytes) }
        return (bytes, gaps, tfsMinusOne.map { $0 + 1 })
    }

    /// Decodes `bytes` after document `previous`; nil when the block is refused.
    static func decode(_ bytes: [UInt8], previous: UInt32, ceiling: UInt32 = .max - 1) -> (last: UInt32, docs: [UInt32], tfs: [UInt32])? {
        let docs = UnsafeMutablePointer<UInt32>.allocate(capacity: PostingBlock.size)
        let tfs = UnsafeMutablePointer<UInt32>.allocate(capacity: PostingBlock.size)
        defer {
            docs.deallocate()
            tfs.deallocate()
        }
        let last = bytes.withUnsafeBytes { raw -> UInt32? in
            guard let p = raw.baseAddress else { return nil }
            return PostingBlock.decodePacked(p, p + raw.count, previous: previous, ceiling: ceiling, docs: docs, tfs: tfs)
        }
        guard let last else { return nil }
        return (last, Array(UnsafeBufferPointer(start: docs, count: PostingBlock.size)),
                Array(UnsafeBufferPointer(start: tfs, count: PostingBlock.size)))
    }

    @Test func everyWidthRoundTrips() throws {
        for gapBits in 0...32 {
            for tfBits in [0, 1, 3, 7, 13, 31] {
                let b = Self.block(gapBits: gapBits, tfBits: tfBits, seed: UInt64(gapBits * 100 + tfBits))
                #expect(b.bytes.count == PostingBlock.packedBytes(gapBits: gapBits, tfBits: tfBits))
                // A start low enough that the documents stay below 2^32 when the gaps are narrow.
                let previous: UInt32 = gapBits <= 24 ? 1_000 : .max
                // doc[0] = previous + 1 + gap[0] (gap[0] itself without a previous document), then + gap + 1.
                var expected: [UInt32] = []
                var d: UInt64 = previous == .max ? 0 : UInt64(previous) + 1
                for (i, gap) in b.gaps.enumerated() {
                    d = (i == 0 ? d : d + 1) + UInt64(gap)
                    expected.append(UInt32(truncatingIfNeeded: d))
                }
                let decoded = Self.decode(b.bytes, previous: previous)
                if d > UInt64(UInt32.max - 1) {
                    // Wide gaps that run past the largest document: refused, never wrapped around.
                    #expect(decoded == nil, "gap bits \(gapBits)")
                    continue
                }
                let got = try #require(decoded, "gap bits \(gapBits) tf bits \(tfBits)")
                #expect(got.docs == expected, "gap bits \(gapBits) tf bits \(tfBits)")
                #expect(got.last == expected[PostingBlock.size - 1])
                #expect(got.tfs == b.tfs, "gap bits \(gapBits) tf bits \(tfBits)")
            }
        }
    }

    @Test func smallGapsFromTheFirstBlock() throws {
        // The list's first block (no previous document): the first gap is the first document itself.
        for gapBits in [1, 5, 9, 17] {
            let b = Self.block(gapBits: gapBits, tfBits: 0, seed: 99 + UInt64(gapBits))
            var expected: [UInt32] = []
            var d: UInt32 = 0
            for (i, gap) in b.gaps.enumerated() {
                d = i == 0 ? gap : d + gap + 1
                expected.append(d)
            }
            let got = try #require(Self.decode(b.bytes, previous: .max))
            #expect(got.docs == expected)
            #expect(got.tfs == Array(repeating: 1, count: PostingBlock.size))
        }
    }

    @Test func damagedBlocksAreRefused() {
        let b = Self.block(gapBits: 9, tfBits: 2, seed: 5)
        // Cut short, a width over 32, documents past the ceiling.
        #expect(Self.decode(Array(b.bytes.dropLast()), previous: 10) == nil)
        #expect(Self.decode([33, 0] + b.bytes.dropFirst(2), previous: 10) == nil)
        #expect(Self.decode(b.bytes, previous: 10, ceiling: 100) == nil)
        #expect(Self.decode(b.bytes, previous: 10) != nil)
    }
}
