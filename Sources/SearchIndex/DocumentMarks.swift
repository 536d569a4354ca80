/// A bitmap over one segment's documents, for the top-k paths that look a list's documents up in another
/// list's instead of merging the two (a merge's branches follow the data and mispredict).
///
/// Documents must be below the `docCount` it was made with; posting cursors guarantee that (every decoded
/// block is checked against the segment's document count). Unlike ``DocumentSet`` (the public, copyable filter
/// type, which checks every index), it is a single owned buffer with no bounds or uniqueness checks per access.
struct DocumentMarks: ~Copyable {
    private let words: UnsafeMutablePointer<UInt64>

    /// An empty bitmap over `docCount` documents.
    init(docCount: Int) {
        let count = max(1, (docCount + 63) / 64)
        words = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
        words.initialize(repeating: 0, count: count)
    }

    deinit { words.deallocate() }

    /// Marks document `d`.
    @inline(__always)
    func mark(_ d: UInt32) { words[Int(d >> 6)] |= 1 &<< UInt64(d & 63) }

    /// Whether document `d` is marked.
    @inline(__always)
    func contains(_ d: UInt32) -> Bool { words[Int(d >> 6)] & (1 &<< UInt64(d & 63)) != 0 }
}
