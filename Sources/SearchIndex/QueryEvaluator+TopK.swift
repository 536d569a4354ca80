/// Top-k search without materialising every match: for a query of one single-word clause (a bare term
/// over all word indexes, or one index), the best hits are found with block-max MaxScore pruning over
/// ``PostingCursor``s, which passes over blocks and documents whose score bound cannot reach the current
/// k-th best score. Ranking, scores and tie-breaks are those of the full evaluation.
extension QueryEvaluator {
    /// The best `k` hits of a query by relevance, or nil when the query's shape is not one this path
    /// handles (the caller then evaluates it in full). `total` is exact when `totalIsExact`; otherwise
    /// it is the number of matches seen, a lower bound. With `exactTotal`, the path only runs when the
    /// exact count comes for free (one term in one index, no deletions).
    func topK(_ root: CQLNode, k: Int, exactTotal: Bool) -> (hits: [IndexSnapshot.Candidate], total: Int, totalIsExact: Bool)? {
        if case .boolean(let op, .search(let a), .search(let b)) = root, op.op == .and {
            return topKConjunction(a, b, k: k, exactTotal: exactTotal)
        }
        guard k > 0, case .search(let clause) = root else { return nil }
        if exactTotal && snapshot.segments.contains(where: { $0.deleted != nil }) { return nil }
        var lookups: [[TermLookup]] = []
        for s in snapshot.segments.indices {
            guard let terms = terms(of: clause, segment: s) else { return nil }
            if exactTotal && terms.count > 1 { return nil }
            lookups.append(terms)
        }
        var top = TopHits(k: k)
        var total = 0
        var exactCount = 0
        var pruned = false
        var widest = 1
        for terms in lookups { widest = max(widest, terms.count) }
        var contributions = [Float](repeating: 0, count: widest)
        for (s, terms) in lookups.enumerated() where !terms.isEmpty {
            let seg = snapshot.segments[s].segment
            let cursors = UnsafeMutableBufferPointer<PostingCursor>.allocate(capacity: terms.count)
            var n = 0
            for t in terms {
                if let c = PostingCursor(
                    field: seg.fields[t.field], ref: t.ref, segmentDocCount: seg.docCount, weight: t.weight,
                    lengthNorms: snapshot.lengthNorms[t.field], slot: n)
                {
                    cursors.initializeElement(at: n, to: c)
                    n += 1
                }
            }
            let live = UnsafeMutableBufferPointer(rebasing: cursors[0..<n])
            defer {
                for c in live { c.release() }
                live.deinitialize()
                cursors.deallocate()
            }
            for c in live { exactCount += c.df }
            let (matched, cut) = disjunction(
                live, segment: s, deleted: snapshot.segments[s].deleted, top: &top, contributions: &contributions)
            total += matched
            pruned = pruned || cut
        }
        // One term in one index without deletions: the documents are the list's.
        if exactTotal { return (top.items, exactCount, true) }
        return (top.items, total, !pruned)
    }

    /// A term of a clause found in one segment's index, with its BM25 weight.
    struct TermLookup {
        var field: Int
        var ref: TermRef
        var weight: Float
    }

    /// The terms a single-word clause looks up in a segment (in index order), or nil when the clause is
    /// not a single word with `=` on word, code or identifier indexes, or a term is stored as a bitmap.
    func terms(of c: CQLSearchClause, segment s: Int) -> [TermLookup]? {
        guard c.relation == .equal, c.index != "cql.allRecords" else { return nil }
        let fields: [Int]
        if c.index.isEmpty {
            fields = IndexSchema.serverChoiceFields
        } else if let f = IndexSchema.fieldNumber(c.index), IndexSchema.fields[f].kind != .phrase {
            fields = [f]
        } else {
            return nil
        }
        var out: [TermLookup] = []
        var plans: [[[TermSlot]]?] = [nil, nil, nil, nil, nil]  // by kind, made once per clause
        for f in fields {
            // Word and code indexes analyse a term the same way (as in `evaluateClause`).
            let kind = IndexSchema.fields[f].kind == .codes ? .words : IndexSchema.fields[f].kind
            let k = Int(kind.rawValue)
            if plans[k] == nil { plans[k] = plan(c.term, kind: kind) }
            let groups = plans[k] ?? []
            if groups.isEmpty { continue }
            guard groups.count == 1, groups[0].count == 1, case .terms(let alternatives) = groups[0][0] else { return nil }
            // Through the array in place: a copy of the segment would retain each of its references.
            let fr = snapshot.segments[s].segment.fields[f]
            let docCount = snapshot.segments[s].segment.docCount
            for key in alternatives {
                guard let t = fr.find(key) else { continue }
                if fr.bitmapOf(t, docCount: docCount) != nil { return nil }
                let df = fr.docFrequency(t)
                let gdf = globalDF(field: f, term: key, local: df, segment: s)
                out.append(TermLookup(field: f, ref: t, weight: IndexSchema.fields[f].weight * idf(gdf)))
            }
        }
        return out
    }

    /// Best hits of a disjunction (any cursor's document matches; scores add up in slot order) in one
    /// segment. Returns the matches evaluated and whether any document was passed over unevaluated.
    func disjunction(
        _ cursors: UnsafeMutableBufferPointer<PostingCursor>, segment s: Int, deleted: DocumentSet?,
        top: inout TopHits, contributions: inout [Float]
    ) -> (Int, Bool) {
        let docCount = snapshot.segments[s].segment.docCount
        let n = cursors.count
        guard docCount > 0, n > 0 else { return (0, false) }
        let lastDoc = UInt32(truncatingIfNeeded: docCount - 1)
        if n == 1 {
            // One list: block by block, skipping blocks whose bound cannot beat the k-th score.
            var matched = 0
            var pruned = false
            while !cursors[0].exhausted {
                if top.isFull && cursors[0].blockBound <= top.threshold {
                    pruned = true
                    cursors[0].skipBlock()
                    continue
                }
                cursors[0].scoreBlock { d, score in
                    if deleted?.contains(Int(d)) == true { return }
                    matched += 1
                    top.offer(segment: s, doc: d, score: score)
                }
            }
            return (matched, pruned)
        }
        if n == 2 && cursors[0].df + cursors[1].df <= Self.exhaustiveLimit {
            return (disjunctionOfTwo(cursors, segment: s, deleted: deleted, top: &top), false)
        }
        // Lowest bound first: the non-essential lists (those that cannot make a hit alone) are a prefix.
        var ordered = cursors
        ordered.sort { $0.maxScore < $1.maxScore }
        let cursors = ordered
        var matched = 0
        var pruned = false
        var upTo: UInt32 = 0
        var essentialFrom = 0
        return contributions.withUnsafeMutableBufferPointer { contrib -> (Int, Bool) in
            while essentialFrom < n {
                // The window: from upTo to the nearest end of an essential cursor's current block.
                var windowEnd = UInt32.max
                var windowStart = UInt32.max
                for k in essentialFrom..<n {
                    cursors[k].shallowAdvance(upTo)
                    if cursors[k].exhausted { continue }
                    windowEnd = min(windowEnd, cursors[k].blockLast)
                    windowStart = min(windowStart, max(upTo, cursors[k].blockFloor))
                }
                if windowStart == .max { break }
                windowStart = min(windowStart, windowEnd)
                var bound: Float = 0
                for k in 0..<essentialFrom { bound += cursors[k].maxBound(from: windowStart, through: windowEnd) }
                for k in essentialFrom..<n where !cursors[k].exhausted && cursors[k].blockFloor <= windowEnd {
                    bound += cursors[k].blockBound
                }
                if top.isFull && bound <= top.threshold {
                    pruned = true
                } else if essentialFrom == n - 1 && n == 2 {
                    // One essential list and one to probe (a word in two indexes, the common bare-term case):
                    // walk the essential list directly; with two terms the sum's order does not matter.
                    if cursors[1].doc == .max || cursors[1].doc < windowStart { cursors[1].advance(windowStart) }
                    while cursors[1].doc <= windowEnd {
                        let d = cursors[1].doc
                        var score = cursors[1].score()
                        cursors[1].next()
                        if deleted?.contains(Int(d)) == true { continue }
                        if top.isFull && score + cursors[0].bound(at: d) <= top.threshold {
                            pruned = true
                            continue
                        }
                        cursors[0].advance(d)
                        if cursors[0].doc == d { score += cursors[0].score() }
                        matched += 1
                        top.offer(segment: s, doc: d, score: score)
                    }
                } else {
                    for k in essentialFrom..<n where !cursors[k].exhausted && cursors[k].blockFloor <= windowEnd {
                        if cursors[k].doc == .max || cursors[k].doc < windowStart { cursors[k].advance(windowStart) }
                    }
                    while true {
                        var d = UInt32.max
                        for k in essentialFrom..<n { d = min(d, cursors[k].doc) }
                        if d > windowEnd { break }
                        var partial: Float = 0
                        for k in essentialFrom..<n where cursors[k].doc == d {
                            let v = cursors[k].score()
                            contrib[cursors[k].slot] = v
                            partial += v
                            cursors[k].next()
                        }
                        var skip = deleted?.contains(Int(d)) == true
                        var remaining: Float = 0
                        if !skip && top.isFull {
                            // The non-essential lists' bounds at d, from their blocks (no decoding).
                            for k in 0..<essentialFrom { remaining += cursors[k].bound(at: d) }
                            if partial + remaining <= top.threshold {
                                pruned = true
                                skip = true
                            }
                        }
                        var k = essentialFrom - 1
                        while !skip && k >= 0 {
                            if top.isFull { remaining -= cursors[k].bound(at: d) }
                            cursors[k].advance(d)
                            if cursors[k].doc == d {
                                let v = cursors[k].score()
                                contrib[cursors[k].slot] = v
                                partial += v
                            }
                            if top.isFull && k > 0 && partial + remaining <= top.threshold {
                                pruned = true
                                skip = true
                            }
                            k -= 1
                        }
                        // Slot order is the full evaluation's summation order.
                        var score: Float = 0
                        for j in 0..<n {
                            score += contrib[j]
                            contrib[j] = 0
                        }
                        if skip { continue }
                        matched += 1
                        top.offer(segment: s, doc: d, score: score)
                    }
                }
                if windowEnd >= lastDoc { break }
                upTo = windowEnd + 1
                if top.isFull {
                    // Lists whose bounds add up to no more than the k-th score become non-essential.
                    var sum: Float = 0
                    var k = 0
                    while k < n && sum + cursors[k].maxScore <= top.threshold {
                        sum += cursors[k].maxScore
                        k += 1
                    }
                    essentialFrom = max(essentialFrom, k)
                }
            }
            if essentialFrom >= n { pruned = true }
            return (matched, pruned)
        }
    }

}

extension QueryEvaluator {
    /// Two lists with at most this many postings together are scored whole (``disjunctionOfTwo``) instead of
    /// with MaxScore pruning: below it, reading every posting costs less than the pruning's probes.
    static let exhaustiveLimit = 8_192

    /// Every document of two lists (a word in two indexes, the common bare term) offered to `top` with its
    /// summed score, without a merge whose branches follow the data: the shorter list is read whole and its
    /// documents marked in a bitmap of the segment; the longer one is read whole and each of its documents is
    /// looked up in the bitmap (a document in both adds the shorter list's score, found by walking that list
    /// forward); then the shorter list's documents the other did not hold. Returns the number of documents
    /// offered (the exact number of matches).
    func disjunctionOfTwo(
        _ c: UnsafeMutableBufferPointer<PostingCursor>, segment s: Int, deleted: DocumentSet?, top: inout TopHits
    ) -> Int {
        let docCount = snapshot.segments[s].segment.docCount
        guard docCount > 0, c.count == 2 else { return 0 }
        let (a, b) = c[1].df < c[0].df ? (1, 0) : (0, 1)
        let capacity = c[a].df
        let docsA = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        let scoresA = UnsafeMutablePointer<Float>.allocate(capacity: capacity)
        let inB = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)
        let marks = DocumentMarks(docCount: docCount)
        // Scores of tf 1 (most postings) per length byte, for each list.
        let tables = UnsafeMutablePointer<Float>.allocate(capacity: 512)
        c[a].tfOneScores(into: tables)
        c[b].tfOneScores(into: tables + 256)
        defer {
            docsA.deallocate()
            scoresA.deallocate()
            inB.deallocate()
            tables.deallocate()
        }
        var countA = 0
        while let block = c[a].nextBlock(), countA + block.count <= capacity {
            for e in 0..<block.count {
                let d = block.docs[e]
                docsA[countA + e] = d
                let tf = block.tfs[e]
                scoresA[countA + e] = tf == 1 ? tables[c[a].lengthByte(of: d)] : c[a].score(tf: tf, doc: d)
                marks.mark(d)
            }
            countA += block.count
            if !block.complete { break }
        }
        inB.initialize(repeating: false, count: countA)
        var matched = 0
        var j = 0
        while let block = c[b].nextBlock() {
            for e in 0..<block.count {
                let d = block.docs[e]
                let tf = block.tfs[e]
                var score = tf == 1 ? tables[256 + c[b].lengthByte(of: d)] : c[b].score(tf: tf, doc: d)
                if marks.contains(d) {
                    while j < countA && docsA[j] < d { j += 1 }
                    if j < countA && docsA[j] == d {
                        // Two scores add up the same in either order (the slot order of the other paths).
                        score += scoresA[j]
                        inB[j] = true
                    }
                }
                if deleted?.contains(Int(d)) == true { continue }
                matched += 1
                top.offer(segment: s, doc: d, score: score)
            }
            if !block.complete { break }
        }
        for k in 0..<countA where !inB[k] {
            if deleted?.contains(Int(docsA[k])) == true { continue }
            matched += 1
            top.offer(segment: s, doc: docsA[k], score: scoresA[k])
        }
        return matched
    }
}

/// The best `k` candidates by score, ties to the earlier document (segment, then document number), whatever
/// order they are offered in. A caller that prunes with `bound <= threshold` must offer in index order (a
/// later document never wins a tie then).
struct TopHits {
    let k: Int
    private(set) var items: [IndexSnapshot.Candidate] = []
    /// The k-th best score once `k` hits are held.
    private(set) var threshold: Float = -.infinity

    init(k: Int) {
        self.k = k
        items.reserveCapacity(min(k, 1024) + 1)
    }

    var isFull: Bool { items.count >= k }

    @inline(__always)
    mutating func offer(segment: Int, doc: UInt32, score: Float) {
        if items.count >= k && !(score > threshold) {
            // A tie with the k-th hit enters only from an earlier document.
            guard score == threshold, let last = items.last, (Int32(segment), doc) < (last.segment, last.doc) else {
                return
            }
        }
        insert(segment: segment, doc: doc, score: score)
    }

    private mutating func insert(segment: Int, doc: UInt32, score: Float) {
        var lo = 0
        var hi = items.count
        let at = (Int32(segment), doc)
        while lo < hi {
            let mid = (lo + hi) >> 1
            let m = items[mid]
            if m.score > score || (m.score == score && (m.segment, m.doc) < at) { lo = mid + 1 } else { hi = mid }
        }
        items.insert(IndexSnapshot.Candidate(segment: Int32(segment), doc: doc, score: score), at: lo)
        if items.count > k { items.removeLast() }
        if items.count >= k, let last = items.last { threshold = last.score }
    }
}
