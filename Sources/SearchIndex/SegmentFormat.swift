/// Layout constants of one immutable segment image (see Docs/SEARCH.md, "File format").
///
/// ```
/// segment := header section-table header-checksum sections…        (all integers little-endian)
/// header  := "KTKSEGMT" u32 version u32 sectionCount u32 docCount u32 reserved
/// entry   := u32 id u32 reserved u64 offset u64 length u64 checksum  (offset from segment start)
/// ```
enum SegmentFormat {
    static let magic: [UInt8] = Array("KTKSEGMT".utf8)
    static let version: UInt32 = 7
    static let headerSize = 24
    static let entrySize = 32

    // Section ids.
    static let stats: UInt32 = 1
    static let docOffsets: UInt32 = 2
    static let docBlob: UInt32 = 3
    static let years: UInt32 = 4
    static let agencies: UInt32 = 5
    static let dictionaryBase: UInt32 = 100
    static let postingsBase: UInt32 = 200
    static let normsBase: UInt32 = 300
    static let facetBase: UInt32 = 400

    /// Postings with more than this many documents carry a skip table: one entry per block of
    /// `skipInterval` documents after the first (u32 last document before the block, u32 doc-stream
    /// offset and u32 position-stream offset of the block's first posting), followed by the block
    /// impacts: two bytes per block, the first one included (the largest tf in the block, capped at
    /// 255, and the smallest length byte), from which a reader bounds every BM25 score in the block
    /// without decoding it (block-max pruning in top-k search).
    static let skipInterval = 128
    static let skipEntrySize = 12
    static let impactSize = 2

    /// Skip-entry bytes for a posting list of `df` documents (without the impacts).
    @inline(__always)
    static func skipEntryBytes(df: Int) -> Int { df > skipInterval ? ((df - 1) / skipInterval) * skipEntrySize : 0 }

    /// Block-impact bytes for a posting list of `df` documents.
    @inline(__always)
    static func impactBytes(df: Int) -> Int { df > skipInterval ? ((df + skipInterval - 1) / skipInterval) * impactSize : 0 }

    /// Bytes between a list's header and its doc stream: skip entries and block impacts.
    @inline(__always)
    static func skipBytes(df: Int) -> Int { skipEntryBytes(df: df) + impactBytes(df: df) }

    /// Gap added to positions between two values of the same field, so phrases never span values.
    static let valueGap: UInt32 = 16
    /// Longest sort key prefix stored per document.
    static let sortKeyLimit = 24
    /// `Int16` year value meaning "no year".
    static let noYear = Int16.min
    /// Documents per checkpoint in facet ordinal lists.
    static let facetCheckpoint = 16
    /// Facet header flag: every document has exactly one value (ordinal i belongs to document i).
    static let facetSingleValued: UInt32 = 0x100
}

extension ByteWriter {
    /// Appends one term's postings: `varint (df << 1) varint docBytes` then either the skip table, doc
    /// stream and position stream, or — when `bitmapDocs` is given (no positions, every tf 1) and a
    /// bitmap of `docCount` bits is smaller than the doc stream — `docBytes = 0` and the bitmap.
    /// A term in one document with tf 1 is written as its doc-stream entry alone, `varint (doc << 1 | 1)`,
    /// followed by its position when the index has positions (the low bit tells the two forms apart).
    mutating func appendPostings(_ list: PostingListEncoder, posStream: ByteWriter, bitmapDocs: [UInt32]?, docCount: Int) {
        let df = list.df
        let docStream = list.docStream
        if df == 1, let first = docStream.bytes.first, first & 1 == 1 {
            append(contentsOf: docStream.bytes)
            append(contentsOf: posStream.bytes)
            return
        }
        varint(UInt64(df) << 1)
        let bitmapBytes = (docCount + 7) / 8
        if let docs = bitmapDocs, df > 0, bitmapBytes < docStream.count {
            varint(0)
            var bits = [UInt8](repeating: 0, count: bitmapBytes)
            for d in docs where Int(d) < docCount { bits[Int(d) >> 3] |= 1 << UInt8(d & 7) }
            append(contentsOf: bits)
            return
        }
        varint(docStream.count)
        append(contentsOf: list.skips.bytes)
        if df > SegmentFormat.skipInterval { append(contentsOf: list.impacts.bytes) }
        append(contentsOf: docStream.bytes)
        append(contentsOf: posStream.bytes)
    }
}

/// Collects a posting list's block impacts while it is written (see ``SegmentFormat/skipInterval``).
struct BlockImpacts {
    private(set) var bytes: [UInt8] = []
    private var maxTf = 0
    private var minNorm: UInt8 = 255
    private var inBlock = 0

    mutating func reset() {
        if !bytes.isEmpty { bytes.removeAll(keepingCapacity: true) }
        maxTf = 0
        minNorm = 255
        inBlock = 0
    }

    /// One posting, in list order; `norm` is the document's length byte (1 for fields without norms).
    @inline(__always)
    mutating func add(tf: Int, norm: UInt8) {
        maxTf = max(maxTf, tf)
        minNorm = min(minNorm, norm)
        inBlock += 1
        if inBlock == SegmentFormat.skipInterval { flush() }
    }

    /// Closes the last, partial block.
    mutating func finish() { if inBlock > 0 { flush() } }

    private mutating func flush() {
        bytes.append(UInt8(min(maxTf, 255)))
        bytes.append(minNorm)
        maxTf = 0
        minNorm = 255
        inBlock = 0
    }
}
