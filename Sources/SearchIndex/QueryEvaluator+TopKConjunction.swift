/// `a and b` over two single-word clauses without a scored list of either side: the rarer clause's lists
/// are read whole, the other's only in the blocks that can hold one of its documents, and only documents
/// in both are scored and offered to the page. Every match is counted, so the total is exact. Ranking,
/// scores and tie-breaks are those of the full evaluation.
extension QueryEvaluator {
    /// The best `k` hits of `a and b` and the exact number of matches, or nil when this path does not handle
    /// the query: a clause is not one word with `=`, a term's list is a bitmap, or a clause finds more than
    /// two lists in a segment (a sum of three scores depends on the order the full evaluation adds them in;
    /// with at most two per clause every order gives the same float).
    func topKConjunction(_ a: CQLSearchClause, _ b: CQLSearchClause, k: Int, exactTotal: Bool)
        -> (hits: [IndexSnapshot.Candidate], total: Int, totalIsExact: Bool)?
    {
        guard k > 0 else { return nil }
        var lookups: [(a: [TermLookup], b: [TermLookup])] = []
        for s in snapshot.segments.indices {
            guard let ta = terms(of: a, segment: s), ta.count <= 2, let tb = terms(of: b, segment: s), tb.count <= 2
            else { return nil }
            lookups.append((ta, tb))
        }
        var top = TopHits(k: k)
        var total = 0
        for (s, pair) in lookups.enumerated() where !pair.a.isEmpty && !pair.b.isEmpty {
            let seg = snapshot.segments[s].segment
            // The clause with fewer postings leads.
            let dfA = pair.a.reduce(0) { $0 + seg.fields[$1.field].docFrequency($1.ref) }
            let dfB = pair.b.reduce(0) { $0 + seg.fields[$1.field].docFrequency($1.ref) }
            let (lead, follow) = dfB < dfA ? (pair.b, pair.a) : (pair.a, pair.b)
            let cursors = UnsafeMutableBufferPointer<PostingCursor>.allocate(capacity: lead.count + follow.count)
            var n = 0
            var leadCount = 0
            for (side, terms) in [lead, follow].enumerated() {
                for t in terms {
                    if let c = PostingCursor(
                        field: seg.fields[t.field], ref: t.ref, segmentDocCount: seg.docCount, weight: t.weight,
                        lengthNorms: snapshot.lengthNorms[t.field], slot: n, bounds: false)
                    {
                        cursors.initializeElement(at: n, to: c)
                        n += 1
                    }
                }
                if side == 0 { leadCount = n }
            }
            let live = UnsafeMutableBufferPointer(rebasing: cursors[0..<n])
            defer {
                for c in live { c.release() }
                live.deinitialize()
                cursors.deallocate()
            }
            guard leadCount > 0, n > leadCount else { continue }
            total += conjunction(live, leadCount: leadCount, segment: s, deleted: snapshot.segments[s].deleted, top: &top)
        }
        return (top.items, total, true)
    }

    /// Offers every match of a conjunction in one segment to `top` and returns how many there were. A
    /// document matches when one of the lead cursors (`0..<leadCount`, at most two) and one of the others
    /// (at most two) hold it. The lead lists are read whole (documents and tfs, no scores) and their documents
    /// marked in a bitmap; each other list is read only in the blocks that can hold a lead document, and each of
    /// its documents there is looked up in the bitmap (no merge loop whose branches follow the data). Scores
    /// are computed for matches only: each clause's cursors add up their scores in cursor order (as the full
    /// evaluation unites a clause's lists before it intersects the clauses), then the two sums are added.
    func conjunction(
        _ c: UnsafeMutableBufferPointer<PostingCursor>, leadCount nL: Int, segment s: Int, deleted: DocumentSet?,
        top: inout TopHits
    ) -> Int {
        let n = c.count
        let docCount = snapshot.segments[s].segment.docCount
        guard nL == 1 || nL == 2, n > nL, n - nL <= 2, docCount > 0 else { return 0 }
        // The lead lists, whole: documents and tfs, one run per cursor.
        let capacity = c[0].df + (nL == 2 ? c[1].df : 0)
        let leadDocs = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        let leadTfs = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        let marks = DocumentMarks(docCount: docCount)
        defer {
            leadDocs.deallocate()
            leadTfs.deallocate()
        }
        var runStart = (0, 0)
        var runEnd = (0, 0)
        var count = 0
        for k in 0..<nL {
            let start = count
            while let b = c[k].nextBlock(), count + b.count <= capacity {
                for e in 0..<b.count {
                    let d = b.docs[e]
                    leadDocs[count + e] = d
                    leadTfs[count + e] = b.tfs[e]
                    marks.mark(d)
                }
                count += b.count
                if !b.complete { break }
            }
            if k == 0 { (runStart.0, runEnd.0) = (start, count) } else { (runStart.1, runEnd.1) = (start, count) }
        }
        guard count > 0 else { return 0 }
        // The other clause: its documents in the bitmap, with their scores, per cursor.
        let followCapacity = min(count, c[nL].df + (n - nL == 2 ? c[nL + 1].df : 0))
        let hitDocs = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * followCapacity)
        let hitScores = UnsafeMutablePointer<Float>.allocate(capacity: 2 * followCapacity)
        defer {
            hitDocs.deallocate()
            hitScores.deallocate()
        }
        var hitCount = (0, 0)
        for f in nL..<n {
            let base = (f - nL) * followCapacity
            var h = 0
            // The next lead document at or after a block's start decides whether the block is read.
            var p0 = runStart.0
            var p1 = runStart.1
            while !c[f].exhausted {
                let floor = c[f].blockFloor
                while p0 < runEnd.0 && leadDocs[p0] < floor { p0 += 1 }
                while p1 < runEnd.1 && leadDocs[p1] < floor { p1 += 1 }
                let next = min(p0 < runEnd.0 ? leadDocs[p0] : .max, p1 < runEnd.1 ? leadDocs[p1] : .max)
                if next == .max { break }
                if next > c[f].blockLast {
                    c[f].shallowAdvance(next)
                    continue
                }
                guard let b = c[f].nextBlock() else { break }
                for e in 0..<b.count {
                    let d = b.docs[e]
                    if marks.contains(d) && h < followCapacity {
                        hitDocs[base + h] = d
                        hitScores[base + h] = c[f].score(tf: b.tfs[e], doc: d)
                        h += 1
                    }
                }
                if !b.complete { break }
            }
            if f == nL { hitCount.0 = h } else { hitCount.1 = h }
        }
        // Matches in document order: the other clause's hits united (its cursors' scores added in order), the
        // lead's scores found by walking its runs forward.
        var matched = 0
        var i = 0
        var j = 0
        var q0 = runStart.0
        var q1 = runStart.1
        let second = followCapacity
        while i < hitCount.0 || j < hitCount.1 {
            let a = i < hitCount.0 ? hitDocs[i] : .max
            let b = j < hitCount.1 ? hitDocs[second + j] : .max
            let d = min(a, b)
            var followScore: Float = 0
            if a == d {
                followScore += hitScores[i]
                i += 1
            }
            if b == d {
                followScore += hitScores[second + j]
                j += 1
            }
            var leadScore: Float = 0
            while q0 < runEnd.0 && leadDocs[q0] < d { q0 += 1 }
            if q0 < runEnd.0 && leadDocs[q0] == d { leadScore += c[0].score(tf: leadTfs[q0], doc: d) }
            while q1 < runEnd.1 && leadDocs[q1] < d { q1 += 1 }
            if q1 < runEnd.1 && leadDocs[q1] == d { leadScore += c[1].score(tf: leadTfs[q1], doc: d) }
            if deleted?.contains(Int(d)) == true { continue }
            matched += 1
            top.offer(segment: s, doc: d, score: leadScore + followScore)
        }
        return matched
    }
}
