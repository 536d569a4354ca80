import Synchronization
import TextAnalysis

/// Adds, replaces and deletes documents while readers search earlier snapshots.
///
/// Writes go to an in-memory segment of pending documents plus deletion bitsets over the
/// immutable segments; ``snapshot()`` is cheap (it builds only the pending segment, and only when
/// it changed). Readers never wait for the writer: a snapshot is an immutable `Sendable` value.
///
/// ```swift
/// let writer = IndexWriter(base: try IndexSnapshot.open(path: "catalogue.ktx"))
/// writer.add(doc)                       // replaces an earlier (id, agency)
/// writer.delete(id: "22677780", agency: "870970")
/// let snapshot = writer.snapshot()
/// ```
public final class IndexWriter: Sendable {
    struct Key: Hashable {
        let id: String
        let agency: String
    }

    struct State {
        var frozen: [(Segment, DocumentSet?)]
        var pending: [IndexDocument] = []
        /// Indexes in `pending` of documents deleted or replaced since they were added.
        var pendingDead: Set<Int> = []
        var pendingKeys: [Key: Int] = [:]
        var pendingSegment: Segment?
        /// Bumped whenever the pending documents change.
        var generation = 0

        var pendingLive: Int { pending.count - pendingDead.count }

        /// The live pending documents in order (the array itself when none was deleted: no copy).
        var livePending: [IndexDocument] {
            pendingDead.isEmpty ? pending : pending.indices.compactMap { pendingDead.contains($0) ? nil : pending[$0] }
        }
    }

    private let state: Mutex<State>
    /// The analyzer documents and queries go through.
    public let analyzer: DanishAnalyzer
    /// Pending documents are frozen into an immutable segment once there are this many.
    public let flushThreshold: Int
    /// Where frozen segments are written (as unlinked, memory-mapped files) instead of kept on the heap;
    /// nil keeps them in memory.
    public let spillDirectory: String?

    /// A writer over an empty index.
    ///
    /// With `spillDirectory`, every frozen segment is written to an anonymous (already unlinked) file in
    /// that directory and read back through `mmap`: a bulk load of millions of records then holds only
    /// its pending documents on the heap, the finished segments living in the page cache.
    public init(analyzer: DanishAnalyzer = DanishAnalyzer(), flushThreshold: Int = 50_000, spillDirectory: String? = nil) {
        self.analyzer = analyzer
        self.flushThreshold = max(1, flushThreshold)
        self.spillDirectory = spillDirectory
        state = Mutex(State(frozen: []))
    }

    /// A writer that starts from an existing snapshot (built or opened from a file).
    public init(base: IndexSnapshot, flushThreshold: Int = 50_000) {
        analyzer = base.analyzer
        self.flushThreshold = max(1, flushThreshold)
        spillDirectory = nil
        state = Mutex(State(frozen: base.segments.map { ($0.segment, $0.deleted) }))
    }

    /// Adds a document, replacing any live document with the same (id, agency).
    public func add(_ document: IndexDocument) {
        add(contentsOf: [document])
    }

    /// Adds documents in order, each replacing any live document with the same (id, agency).
    public func add(contentsOf documents: [IndexDocument]) {
        let builder = SegmentBuilder(analyzer: analyzer)
        state.withLock { s in
            // One view of the frozen segments per batch (refreshed after a flush); deletion bits
            // set during the batch are idempotent, so a stale view is harmless.
            var view: IndexSnapshot?
            if s.pending.isEmpty && s.pending.capacity == 0 { Self.reserve(&s, for: flushThreshold) }
            for doc in documents {
                if view == nil && !s.frozen.isEmpty { view = IndexSnapshot(segments: s.frozen, analyzer: analyzer) }
                let key = Key(id: doc.id, agency: doc.agency)
                // One hashed lookup both finds a pending document to replace and records this one.
                if let replaced = s.pendingKeys.updateValue(s.pending.count, forKey: key) { s.pendingDead.insert(replaced) }
                if let view { Self.deleteFrozen(key, in: &s, view: view) }
                s.pending.append(doc)
                s.pendingSegment = nil
                s.generation &+= 1
                if s.pendingLive >= flushThreshold {
                    Self.flush(&s, builder: builder, spillDirectory: spillDirectory)
                    view = nil
                }
            }
        }
    }

    /// Deletes the live document (id, agency); returns whether there was one.
    @discardableResult
    public func delete(id: String, agency: String) -> Bool {
        state.withLock { s in
            let view = s.frozen.isEmpty ? nil : IndexSnapshot(segments: s.frozen, analyzer: analyzer)
            return Self.delete(Key(id: id, agency: agency), in: &s, view: view)
        }
    }

    /// An immutable view of everything added and deleted so far.
    ///
    /// The pending documents are indexed outside the lock (and only when they changed since the
    /// last snapshot), so callers of `snapshot()` and writers do not wait on each other's builds.
    public func snapshot() -> IndexSnapshot {
        let (frozen, cached, pending, generation) = state.withLock { s in
            (s.frozen, s.pendingSegment, s.pendingLive > 0 && s.pendingSegment == nil ? s.livePending : [], s.generation)
        }
        var parts = frozen
        if let cached {
            parts.append((cached, nil))
        } else if !pending.isEmpty {
            let built = Segment.build(pending, builder: SegmentBuilder(analyzer: analyzer))
            state.withLock { s in
                if s.generation == generation && s.pendingSegment == nil { s.pendingSegment = built }
            }
            parts.append((built, nil))
        }
        return IndexSnapshot(segments: parts, analyzer: analyzer)
    }

    /// Merges every segment and the pending documents into one segment without the deleted
    /// documents. The merge runs outside the lock: readers and writers carry on meanwhile, and
    /// deletions made during the merge are carried over to the merged segment. Call it from a
    /// background thread or task.
    public func compact() {
        let builder = SegmentBuilder(analyzer: analyzer)
        let captured: [(Segment, DocumentSet?)] = state.withLock { s in
            Self.flush(&s, builder: builder, spillDirectory: spillDirectory)
            return s.frozen
        }
        guard captured.count > 1 || captured.contains(where: { $0.1 != nil }) else { return }
        let merged = IndexSnapshot(segments: captured, analyzer: analyzer).compacted()
        guard let segment = merged.segments.first?.segment, merged.segments.count == 1 else { return }
        state.withLock { s in
            // Another compaction may have replaced the segments meanwhile.
            guard s.frozen.count >= captured.count,
                zip(s.frozen, captured).allSatisfy({ $0.0.storage === $1.0.storage })
            else { return }
            var deleted = DocumentSet(capacity: segment.docCount)
            var anyDeleted = false
            var next = 0
            for (k, (seg, before)) in captured.enumerated() {
                let now = s.frozen[k].1
                for d in 0..<seg.docCount where before?.contains(d) != true {
                    if now?.contains(d) == true {
                        deleted.insert(next)
                        anyDeleted = true
                    }
                    next += 1
                }
            }
            s.frozen = [(segment, anyDeleted ? deleted : nil)] + s.frozen.dropFirst(captured.count)
        }
    }

    /// Writes the current snapshot atomically to `path`.
    public func write(to path: String) throws(IndexError) {
        try snapshot().write(to: path)
    }

    /// Sizes the pending list and its key table for a segment's worth of documents (at most 1 M) when the
    /// first document of a segment arrives: a list that doubles on the way copies itself into fresh pages each
    /// time, and a table rehashes every key; reserved capacity that is never used is only address space.
    private static func reserve(_ s: inout State, for threshold: Int) {
        let n = min(threshold, 1 << 20)
        s.pending.reserveCapacity(n)
        s.pendingKeys.reserveCapacity(n)
    }

    private static func flush(_ s: inout State, builder: SegmentBuilder, spillDirectory: String?) {
        guard s.pendingLive > 0 else { return }
        let seg = s.pendingSegment ?? Segment.build(s.livePending, builder: builder, spillDirectory: spillDirectory)
        s.frozen.append((seg, nil))
        s.pending = []
        s.pendingDead = []
        s.pendingKeys = [:]
        s.pendingSegment = nil
        s.generation &+= 1
    }

    @discardableResult
    private static func delete(_ key: Key, in s: inout State, view: IndexSnapshot?) -> Bool {
        var found = false
        if let i = s.pendingKeys.removeValue(forKey: key) {
            s.pendingDead.insert(i)
            s.pendingSegment = nil
            s.generation &+= 1
            found = true
        }
        if let view, deleteFrozen(key, in: &s, view: view) { found = true }
        return found
    }

    /// Marks the live documents (id, agency) of the frozen segments deleted; returns whether there were any.
    @discardableResult
    private static func deleteFrozen(_ key: Key, in s: inout State, view: IndexSnapshot) -> Bool {
        var found = false
        for global in view.locate(id: key.id, agency: key.agency) {
            for (k, e) in view.segments.enumerated()
            where global >= e.docBase && global < e.docBase + e.segment.docCount {
                var set = s.frozen[k].1 ?? DocumentSet(capacity: e.segment.docCount)
                set.insert(global - e.docBase)
                s.frozen[k].1 = set
                found = true
            }
        }
        return found
    }
}
