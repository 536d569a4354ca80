/// Layout constants of one immutable segment image (see Docs/SEARCH.md, "File format").
///
/// ```
/// segment := header section-table header-checksum sections…        (all integers little-endian)
/// header  := "KTKSEGMT" u32 version u32 sectionCount u32 docCount u32 reserved
/// entry   := u32 id u32 reserved u64 offset u64 length u64 checksum  (offset from segment start)
/// ```
enum SegmentFormat {
    static let magic: [UInt8] = Array("KTKSEGMT".utf8)
    static let version: UInt32 = 1
    static let headerSize = 24
    static let entrySize = 32

    // Section ids.
    static let stats: UInt32 = 1
    static let docOffsets: UInt32 = 2
    static let docBlob: UInt32 = 3
    static let years: UInt32 = 4
    static let dictionaryBase: UInt32 = 100
    static let postingsBase: UInt32 = 200
    static let normsBase: UInt32 = 300
    static let facetBase: UInt32 = 400

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
