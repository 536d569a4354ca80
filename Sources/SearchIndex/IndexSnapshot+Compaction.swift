extension IndexSnapshot {
    /// One segment holding the live documents of this snapshot (deleted ones dropped), in the
    /// same order; searches give the same hits, with document indexes renumbered.
    public func compacted() -> IndexSnapshot {
        let storage = SegmentMerger.merge(segments.map { ($0.segment, $0.deleted) })
        guard let seg = try? Segment.open(storage.view, storage: storage, path: "<memory>", fileOffset: 0, verify: false)
        else { return self }
        return IndexSnapshot(segments: [(seg, nil)], analyzer: analyzer)
    }
}
