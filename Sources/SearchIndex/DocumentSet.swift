/// A set of document indexes (a bitset) over one ``IndexSnapshot``'s document space.
///
/// Use it as a search filter (``SearchOptions/filter``), e.g. the records an agency holds or the
/// records with an available copy, built once and reused across searches.
public struct DocumentSet: Sendable, Hashable {
    private(set) var words: [UInt64]
    /// The size of the document space (``IndexSnapshot/documentCount``).
    public let capacity: Int

    /// An empty set over `capacity` documents.
    public init(capacity: Int) {
        self.capacity = max(0, capacity)
        words = [UInt64](repeating: 0, count: (self.capacity + 63) / 64)
    }

    init(words: [UInt64], capacity: Int) {
        self.capacity = max(0, capacity)
        var w = words
        let need = (self.capacity + 63) / 64
        if w.count > need { w.removeLast(w.count - need) }
        while w.count < need { w.append(0) }
        // Clear bits past the capacity.
        if self.capacity % 64 != 0, let last = w.last {
            w[w.count - 1] = last & ((1 << UInt64(self.capacity % 64)) - 1)
        }
        self.words = w
    }

    /// Adds a document; indexes outside the capacity are ignored.
    public mutating func insert(_ doc: Int) {
        guard doc >= 0, doc < capacity else { return }
        words[doc >> 6] |= 1 << UInt64(doc & 63)
    }

    /// Removes a document.
    public mutating func remove(_ doc: Int) {
        guard doc >= 0, doc < capacity else { return }
        words[doc >> 6] &= ~(1 << UInt64(doc & 63))
    }

    /// Whether the set holds `doc`.
    @inline(__always)
    public func contains(_ doc: Int) -> Bool {
        guard doc >= 0, doc < capacity else { return false }
        return words[doc >> 6] & (1 << UInt64(doc & 63)) != 0
    }

    /// The number of documents in the set.
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Documents in both sets.
    public func intersection(_ other: DocumentSet) -> DocumentSet {
        var out = DocumentSet(capacity: capacity)
        for i in 0..<min(words.count, other.words.count) { out.words[i] = words[i] & other.words[i] }
        return out
    }
}
