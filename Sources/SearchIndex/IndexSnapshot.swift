import TextAnalysis

/// An immutable, `Sendable` view of an index: search it from any thread while a writer updates.
///
/// ```swift
/// let index = IndexSnapshot.build(documents)
/// let result = try index.search(#"ti = "lille prins*" and år >= 1990"#, options: SearchOptions(facets: ["type"]))
/// ```
/// A snapshot is one or more immutable segments (a built or mmapped base plus segments made from
/// later additions), each with an optional set of deleted documents. Document indexes run across
/// the segments in order.
public struct IndexSnapshot: Sendable {
    struct Entry: Sendable {
        let segment: Segment
        let deleted: DocumentSet?
        let docBase: Int
    }

    let segments: [Entry]
    /// The analyzer used for query terms; it must be the one the documents were indexed with.
    public let analyzer: DanishAnalyzer
    /// Per field: `k1 * (1 - b + b * length / averageLength)` for lengths 0…255.
    let lengthNorms: [[Float]]
    let liveDocumentEstimate: Int

    init(segments: [(Segment, DocumentSet?)], analyzer: DanishAnalyzer) {
        var entries: [Entry] = []
        var base = 0
        for (seg, del) in segments {
            entries.append(Entry(segment: seg, deleted: del, docBase: base))
            base += seg.docCount
        }
        self.segments = entries
        self.analyzer = analyzer
        let total = max(1, base)
        var norms: [[Float]] = []
        for f in IndexSchema.fields.indices {
            let sum = segments.reduce(UInt64(0)) { $0 + $1.0.fields[f].sumLengths }
            let avg = max(Float(1), Float(sum) / Float(total))
            norms.append(
                (0..<256).map { len in
                    let l = IndexSchema.fields[f].kind == .words ? Float(len) : avg
                    return QueryEvaluator.k1 * (1 - QueryEvaluator.b + QueryEvaluator.b * l / avg)
                })
        }
        lengthNorms = norms
        liveDocumentEstimate = total
    }

    /// Builds an index from documents, in parallel on all cores.
    public static func build(_ documents: [IndexDocument], analyzer: DanishAnalyzer = DanishAnalyzer())
        -> IndexSnapshot
    {
        let segment = Segment.build(documents, builder: SegmentBuilder(analyzer: analyzer))
        return IndexSnapshot(segments: [(segment, nil)], analyzer: analyzer)
    }

    /// The size of the document space: every document index is below this (deleted ones included).
    public var documentCount: Int { segments.last.map { $0.docBase + $0.segment.docCount } ?? 0 }

    /// Documents not deleted.
    public var liveDocumentCount: Int {
        segments.reduce(0) { $0 + $1.segment.docCount - ($1.deleted?.count ?? 0) }
    }

    /// Bytes of the index images (what ``write(to:)`` writes, without the file header).
    public var indexByteCount: Int { segments.reduce(0) { $0 + $1.segment.byteCount } }

    /// Number of segments (1 after a build or a compacting write).
    public var segmentCount: Int { segments.count }

    /// Parses and runs a CQL query.
    public func search(_ cql: String, options: SearchOptions = SearchOptions()) throws(CQLError) -> SearchResult {
        search(try CQLParser().parse(cql), options: options)
    }

    /// Runs a parsed query.
    public func search(_ query: CQLQuery, options: SearchOptions = SearchOptions()) -> SearchResult {
        let sortKey = options.sort ?? query.sortKeys.first?.key ?? .relevance
        let descending = options.sort != nil ? options.descending : (query.sortKeys.first?.descending ?? false)
        let offset = max(0, options.offset)
        let limit = max(0, options.limit)
        let wanted = limit > Int.max - offset ? Int.max : offset + limit
        let evaluator = QueryEvaluator(snapshot: self)
        // Relevance-ranked pages of plain word queries: top-k with pruning, no list of every match.
        if sortKey == .relevance, !descending, options.facets.isEmpty, options.filter == nil, options.predicate == nil,
            wanted <= 10_000,
            let fast = evaluator.topK(query.root, k: wanted, exactTotal: options.exactTotal)
        {
            return SearchResult(
                total: fast.total, hits: fast.hits.dropFirst(offset).map(hit), facets: [], totalIsExact: fast.totalIsExact)
        }
        let perSegment = matches(query.root, options: options, evaluator: evaluator)
        let total = perSegment.reduce(0) { $0 + $1.count }
        let page = topHits(perSegment, key: sortKey, descending: descending, count: wanted)
        let facets = options.facets.map { facet(named: $0, perSegment, limit: options.facetLimit) }
        return SearchResult(total: total, hits: page.dropFirst(offset).map(hit), facets: facets)
    }

    private func hit(_ c: Candidate) -> SearchHit {
        // Read through the array in place: copying the entry would retain every reference of its segment.
        segments[Int(c.segment)].segment.hit(
            Int(c.doc), docIndex: segments[Int(c.segment)].docBase + Int(c.doc), score: Double(c.score))
    }

    /// The documents a query matches, as a set (for filters).
    public func documents(matching query: CQLQuery) -> DocumentSet {
        var set = DocumentSet(capacity: documentCount)
        for (s, m) in matches(query.root, options: SearchOptions()).enumerated() {
            let base = segments[s].docBase
            for d in m.docs { set.insert(base + Int(d)) }
        }
        return set
    }

    /// The stored display fields of a document (score 0), or nil if the index is out of range or deleted.
    public func storedFields(at docIndex: Int) -> SearchHit? {
        for e in segments where docIndex >= e.docBase && docIndex < e.docBase + e.segment.docCount {
            let local = docIndex - e.docBase
            if e.deleted?.contains(local) == true { return nil }
            return e.segment.hit(local, docIndex: docIndex, score: 0)
        }
        return nil
    }

    /// Document indexes holding record (id, agency), live ones only.
    func locate(id: String, agency: String) -> [Int] {
        var out: [Int] = []
        let first = analyzer.tokens(id).first
        guard let idField = IndexSchema.fieldNumber("id") else { return [] }
        for e in segments {
            var candidates: [Int] = []
            if let first {
                // An id whose first term is not in this segment's dictionary is not in this segment: no scan.
                guard let t = e.segment.fields[idField].find(Array(first.utf8)) else { continue }
                if let bitmap = e.segment.fields[idField].bitmapOf(t, docCount: e.segment.docCount) {
                    bitmap.forEachSetBit(below: e.segment.docCount) { candidates.append($0) }
                } else {
                    e.segment.fields[idField].forEachPosting(t, docCount: e.segment.docCount) { doc, _ in
                        candidates.append(Int(doc))
                        return true
                    }
                }
            } else {
                // An id without any term (punctuation only) can only be found by comparing stored ids.
                candidates = Array(0..<e.segment.docCount)
            }
            for d in candidates where e.deleted?.contains(d) != true {
                let s = e.segment.hit(d, docIndex: e.docBase + d, score: 0)
                if s.id == id && s.agency == agency { out.append(e.docBase + d) }
            }
        }
        return out
    }

    // MARK: Internals

    func matches(_ root: CQLNode, options: SearchOptions, evaluator: QueryEvaluator? = nil) -> [Matches] {
        let evaluator = evaluator ?? QueryEvaluator(snapshot: self)
        var out: [Matches] = []
        for (s, e) in segments.enumerated() {
            var m = evaluator.evaluate(root, segment: s)
            if e.deleted != nil || options.filter != nil || options.predicate != nil {
                var kept = Matches()
                for k in 0..<m.count {
                    let local = Int(m.docs[k])
                    if e.deleted?.contains(local) == true { continue }
                    let global = e.docBase + local
                    if let f = options.filter, !f.contains(global) { continue }
                    if let p = options.predicate, !p(global) { continue }
                    kept.append(m.docs[k], m.scores[k])
                }
                m = kept
            }
            out.append(m)
        }
        return out
    }

    struct Candidate {
        var segment: Int32
        var doc: UInt32
        var score: Float
    }

    func topHits(_ perSegment: [Matches], key: SortKey, descending: Bool, count k: Int) -> [Candidate] {
        guard k > 0 else { return [] }
        let before: (Candidate, Candidate) -> Bool
        func global(_ c: Candidate) -> Int { segments[Int(c.segment)].docBase + Int(c.doc) }
        switch key {
        case .relevance:
            before = { a, b in
                if a.score != b.score { return descending ? a.score < b.score : a.score > b.score }
                return global(a) < global(b)
            }
        case .year:
            before = { a, b in
                let ya = segments[Int(a.segment)].segment.year(Int(a.doc))
                let yb = segments[Int(b.segment)].segment.year(Int(b.doc))
                switch (ya, yb) {
                case (let x?, let y?) where x != y: return descending ? x > y : x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return global(a) < global(b)
                }
            }
        case .title, .author:
            let author = key == .author
            before = { a, b in
                let ka = segments[Int(a.segment)].segment.sortKey(Int(a.doc), author: author)
                let kb = segments[Int(b.segment)].segment.sortKey(Int(b.doc), author: author)
                if ka.isEmpty != kb.isEmpty { return !ka.isEmpty }
                let n = min(ka.count, kb.count)
                var c: Int32 = 0
                if n > 0, let pa = ka.baseAddress, let pb = kb.baseAddress { c = memcmpBytes(pa, pb, n) }
                if c == 0 && ka.count != kb.count { c = ka.count < kb.count ? -1 : 1 }
                if c != 0 { return descending ? c > 0 : c < 0 }
                return global(a) < global(b)
            }
        }
        var best: [Candidate] = []
        best.reserveCapacity(min(k, 1024) + 1)
        let byScore = key == .relevance && !descending
        func offer(_ c: Candidate) {
            if best.count == k {
                guard let last = best.last, before(c, last) else { return }
            }
            var lo = 0
            var hi = best.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if before(best[mid], c) { lo = mid + 1 } else { hi = mid }
            }
            best.insert(c, at: lo)
            if best.count > k { best.removeLast() }
        }
        for (s, m) in perSegment.enumerated() {
            let n = min(m.docs.count, m.scores.count)
            if byScore {
                // Relevance, best first: a hit must beat the worst kept score (ties lose, since
                // documents come in index order), so most hits are rejected by one comparison.
                m.scores.withUnsafeBufferPointer { scores in
                    var threshold = -Float.infinity
                    var full = best.count == k
                    if full, let last = best.last { threshold = last.score }
                    for i in 0..<n {
                        let score = scores[i]
                        if full && !(score > threshold) { continue }
                        offer(Candidate(segment: Int32(s), doc: m.docs[i], score: score))
                        if best.count == k, let last = best.last {
                            full = true
                            threshold = last.score
                        }
                    }
                }
            } else {
                for i in 0..<n { offer(Candidate(segment: Int32(s), doc: m.docs[i], score: m.scores[i])) }
            }
        }
        return best
    }

    func facet(named name: String, _ perSegment: [Matches], limit: Int) -> FacetResult {
        guard let k = IndexSchema.facetNames.firstIndex(of: name) else { return FacetResult(name: name, values: []) }
        var merged: [String: Int] = [:]
        var single: [FacetCount]?
        for (s, m) in perSegment.enumerated() where m.count > 0 {
            let reader = segments[s].segment.facets[k]
            var tally: [UInt32] = []
            reader.count(m.docs, into: &tally)
            var list: [FacetCount] = []
            for (ord, c) in tally.enumerated() where c > 0 {
                list.append(FacetCount(value: reader.value(ord), count: Int(c)))
            }
            if perSegment.count == 1 {
                single = list
            } else {
                for fc in list { merged[fc.value, default: 0] += fc.count }
            }
        }
        var values = single ?? merged.map { FacetCount(value: $0.key, count: $0.value) }
        values.sort { $0.count != $1.count ? $0.count > $1.count : Array($0.value.utf8).lexicographicallyPrecedes($1.value.utf8) }
        return FacetResult(name: name, values: Array(values.prefix(max(0, limit))))
    }
}

extension IndexSnapshot {
    /// Bytes per part of the index (dictionaries, postings, norms, stored fields, years, facets,
    /// headers), summed over segments; for size reports.
    public func byteBreakdown() -> [(part: String, bytes: Int)] {
        var dict = 0, postings = 0, norms = 0, facets = 0
        for e in segments {
            for f in e.segment.fields {
                dict += f.dictionary.blockOffsets.count + f.dictionary.blockPostings.count + f.dictionary.blocks.count + 8
                postings += f.postings.count
                norms += f.norms.count
            }
            for k in e.segment.facets {
                facets += k.valueOffsets.count + k.valueBytes.count + k.checkpoints.count + k.counts.count + k.ords.count + 16
            }
        }
        let stored = segments.reduce(0) { $0 + $1.segment.storedFields.offsets.count + $1.segment.storedFields.blob.count }
        let years = segments.reduce(0) { $0 + $1.segment.years.count }
        let other = indexByteCount - dict - postings - norms - facets - stored - years
        return [
            ("dictionaries", dict), ("postings", postings), ("norms", norms), ("stored fields", stored),
            ("years", years), ("facets", facets), ("headers and padding", other),
        ]
    }
}
