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
    /// (at most two) hold it. The lead lists are read whole (documents and tfs, no scores); each other list
    /// is read only in the blocks that can hold a lead document, and merged with the lead documents there;
    /// scores are computed for matches only: each clause's cursors add up their scores (as the full
    /// evaluation unites a clause's lists before it intersects the clauses), then the two sums are added.
    func conjunction(
        _ c: UnsafeMutableBufferPointer<PostingCursor>, leadCount nL: Int, segment s: Int, deleted: DocumentSet?,
        top: inout TopHits
    ) -> Int {
        let n = c.count
        guard nL == 1 || nL == 2, n > nL, n - nL <= 2 else { return 0 }
        // The lead: documents in order, with the tf of each lead cursor (0 where it does not hold one).
        let capacity = c[0].df + (nL == 2 ? c[1].df : 0)
        let leadDocs = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        let leadTfs = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity * nL)
        let followScores = UnsafeMutablePointer<Float>.allocate(capacity: capacity)
        let hit = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)
        defer {
            leadDocs.deallocate()
            leadTfs.deallocate()
            followScores.deallocate()
            hit.deallocate()
        }
        var count = 0
        if nL == 1 {
            while let b = c[0].nextBlock(), count + b.count <= capacity {
                (leadDocs + count).update(from: b.docs, count: b.count)
                (leadTfs + count).update(from: b.tfs, count: b.count)
                count += b.count
                if !b.complete { break }
            }
        } else {
            // The second lead list is read whole, then merged with the first block by block.
            let other = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * c[1].df)
            defer { other.deallocate() }
            var otherCount = 0
            while let b = c[1].nextBlock(), otherCount + b.count <= c[1].df {
                (other + otherCount).update(from: b.docs, count: b.count)
                (other + c[1].df + otherCount).update(from: b.tfs, count: b.count)
                otherCount += b.count
                if !b.complete { break }
            }
            let otherTfs = other + c[1].df
            let tfs1 = leadTfs + capacity
            var j = 0
            func takeOther(below limit: UInt32) {
                while j < otherCount && other[j] < limit && count < capacity {
                    leadDocs[count] = other[j]
                    leadTfs[count] = 0
                    tfs1[count] = otherTfs[j]
                    count += 1
                    j += 1
                }
            }
            while let b = c[0].nextBlock() {
                for k in 0..<b.count {
                    let d = b.docs[k]
                    takeOther(below: d)
                    guard count < capacity else { break }
                    leadDocs[count] = d
                    leadTfs[count] = b.tfs[k]
                    if j < otherCount && other[j] == d {
                        tfs1[count] = otherTfs[j]
                        j += 1
                    } else {
                        tfs1[count] = 0
                    }
                    count += 1
                }
                if !b.complete { break }
            }
            takeOther(below: .max)
        }
        guard count > 0 else { return 0 }
        followScores.initialize(repeating: 0, count: count)
        hit.initialize(repeating: false, count: count)
        // The other clause, block by block where a lead document can be; its score per lead document.
        for f in nL..<n {
            var j = 0
            while j < count {
                c[f].shallowAdvance(leadDocs[j])
                if c[f].exhausted { break }
                let last = c[f].blockLast
                guard let block = c[f].nextBlock() else { break }
                var k = 0
                while j < count && leadDocs[j] <= last {
                    let d = leadDocs[j]
                    while k < block.count && block.docs[k] < d { k += 1 }
                    if k < block.count && block.docs[k] == d {
                        followScores[j] += c[f].score(tf: block.tfs[k], doc: d)
                        hit[j] = true
                    }
                    j += 1
                }
            }
        }
        var matched = 0
        for j in 0..<count where hit[j] {
            let d = leadDocs[j]
            if deleted?.contains(Int(d)) == true { continue }
            var leadScore: Float = 0
            if leadTfs[j] != 0 { leadScore += c[0].score(tf: leadTfs[j], doc: d) }
            if nL == 2 && leadTfs[capacity + j] != 0 { leadScore += c[1].score(tf: leadTfs[capacity + j], doc: d) }
            matched += 1
            top.offer(segment: s, doc: d, score: leadScore + followScores[j])
        }
        return matched
    }
}
