import TextAnalysis

/// A query term slot: one position in a phrase.
enum TermSlot {
    /// Exact terms (alternatives, e.g. ISBN-10 and ISBN-13 forms).
    case terms([[UInt8]])
    /// A masked or truncated term (any of the patterns).
    case patterns([WildcardPattern])
}

/// Positions of a slot's terms per document, fully decoded (for adjacency and proximity).
struct PositionList {
    var docs: [UInt32] = []
    var scores: [Float] = []
    var starts: [Int] = [0]
    var positions: [UInt32] = []

    var count: Int { docs.count }

    func positionsOf(_ k: Int) -> ArraySlice<UInt32> { positions[starts[k]..<starts[k + 1]] }

    static func union(_ a: PositionList, _ b: PositionList) -> PositionList {
        if a.count == 0 { return b }
        if b.count == 0 { return a }
        var out = PositionList()
        var i = 0
        var j = 0
        func take(_ l: PositionList, _ k: Int) {
            out.docs.append(l.docs[k])
            out.scores.append(l.scores[k])
            out.positions.append(contentsOf: l.positionsOf(k))
            out.starts.append(out.positions.count)
        }
        while i < a.count || j < b.count {
            if j >= b.count || (i < a.count && a.docs[i] < b.docs[j]) {
                take(a, i); i += 1
            } else if i >= a.count || b.docs[j] < a.docs[i] {
                take(b, j); j += 1
            } else {
                out.docs.append(a.docs[i])
                out.scores.append(a.scores[i] + b.scores[j])
                out.positions.append(contentsOf: Array(Set(a.positionsOf(i)).union(b.positionsOf(j))).sorted())
                out.starts.append(out.positions.count)
                i += 1
                j += 1
            }
        }
        return out
    }
}

/// Dictionary entries of a one-word clause per index of one segment (from ``QueryEvaluator/estimate(_:segment:)``).
struct ResolvedTerms {
    private var byField: [[(TermRef, [UInt8]?)]?] = Array(repeating: nil, count: IndexSchema.fields.count)

    mutating func set(_ f: Int, _ refs: [(TermRef, [UInt8]?)]) { if f < byField.count { byField[f] = refs } }
    func refs(_ f: Int) -> [(TermRef, [UInt8]?)]? { f < byField.count ? byField[f] : nil }
}

/// Analysed query terms per (raw term, index kind), filled while one query is evaluated.
final class PlanCache {
    struct Key: Hashable {
        var raw: String
        var kind: IndexSchema.Kind
    }
    /// The first plans, searched in order: most queries have a handful of clauses, and comparing a few short
    /// strings costs less than hashing one.
    var first: [(raw: String, kind: IndexSchema.Kind, plan: [[TermSlot]])] = []
    /// Plans past the first 16 (a long generated query), hashed.
    var more: [Key: [[TermSlot]]] = [:]
    static let listed = 16
}

/// Evaluates a CQL tree against the segments of a snapshot, one segment at a time.
struct QueryEvaluator {
    let snapshot: IndexSnapshot
    /// Term plans of this query, shared by all segments (a query is analysed once, not once per segment).
    let plans = PlanCache()
    var analyzer: DanishAnalyzer { snapshot.analyzer }
    static let k1: Float = 1.2
    static let b: Float = 0.75

    // MARK: Query-time analysis

    /// Splits raw term text on unescaped whitespace.
    static func words(_ raw: String) -> [String] {
        if isSingleWord(raw) { return raw.isEmpty ? [] : [raw] }
        if let split = splitPlainWords(raw) { return split }
        var out: [String] = []
        var cur = ""
        var escaped = false
        for c in raw {
            if escaped { cur.append("\\"); cur.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c.isWhitespace {
                if !cur.isEmpty { out.append(cur); cur = "" }
            } else {
                cur.append(c)
            }
        }
        if escaped { cur.append("\\") }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// `words` on bytes when the only whitespace in `raw` is ASCII and nothing is escaped (the common
    /// multi-word term); nil otherwise.
    static func splitPlainWords(_ raw: String) -> [String]? {
        var out: [String]? = []
        raw.utf8.withContiguousStorageIfAvailable { bytes in
            var start = -1
            for (k, b) in bytes.enumerated() {
                switch b {
                case 0x5C, 0xC2, 0xCC, 0xCD, 0xE1, 0xE2, 0xE3, 0xEF:
                    // An escape, non-ASCII whitespace, or a combining mark that could join a space: the
                    // character-level split decides.
                    out = nil
                    return
                case 0x09...0x0D, 0x20:
                    if start >= 0 { out?.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<k]), as: UTF8.self)) }
                    start = -1
                default:
                    if start < 0 { start = k }
                }
            }
            if start >= 0 { out?.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
        } ?? { out = nil }()
        return out
    }

    /// True when `raw` has no escape and no whitespace (checked on bytes: ASCII whitespace and the
    /// lead bytes of every non-ASCII Unicode whitespace, C2 E1 E2 E3, send it to the slow path).
    static func isSingleWord(_ raw: String) -> Bool {
        var plain = true
        raw.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes {
                switch b {
                case 0x00...0x20, 0x5C, 0x7F, 0xC2, 0xE1, 0xE2, 0xE3:
                    plain = false
                    return
                default: continue
                }
            }
        } ?? { plain = false }()
        return plain
    }

    /// ISBNs are indexed in their 13-digit form only, so a masked or truncated ISBN-10 is also looked for as
    /// the ISBN-13 it stands for: 978, its first nine positions, a masked check digit when it has all ten, then
    /// any truncation (`87-7245*` → `978877245*`, `87654321?X` → `97887654321??`). Only patterns of at most ten
    /// positions (digits, a final X, `?`) with at most one `*`, at the end, have such a form.
    static func isbn13Alternative(of p: WildcardPattern) -> WildcardPattern? {
        var positions: [WildcardPattern.Piece] = []
        var truncated = false
        for (k, piece) in p.pieces.enumerated() {
            switch piece {
            case .literal(let text):
                for b in text.utf8 {
                    guard b &- 0x30 < 10 || (b == 0x78 && positions.count == 9) else { return nil }
                    positions.append(.literal(String(UnicodeScalar(b))))
                }
            case .one: positions.append(.one)
            case .any:
                guard k == p.pieces.count - 1 else { return nil }
                truncated = true
            }
        }
        guard !positions.isEmpty, positions.count <= 10 else { return nil }
        var out: [WildcardPattern.Piece] = [.literal("978")]
        for piece in positions.prefix(9) {
            if case .literal(let c) = piece, case .literal(let last)? = out.last {
                out[out.count - 1] = .literal(last + c)
            } else {
                out.append(piece)
            }
        }
        if positions.count == 10 { out.append(.one) }
        if truncated { out.append(.any) }
        return WildcardPattern(pieces: out)
    }

    func normalizePiece(_ s: String, kind: IndexSchema.Kind) -> String {
        switch kind {
        case .words, .codes: return analyzer.tokens(s).joined()
        case .isbn, .issn: return SegmentBuilder.cleanIdentifier(s)
        case .phrase:
            var t = analyzer.tokens(s).joined(separator: " ")
            if t.isEmpty { return s.contains(where: \.isWhitespace) ? " " : "" }
            if let f = s.first, f.isWhitespace { t = " " + t }
            if let l = s.last, l.isWhitespace { t += " " }
            return t
        }
    }

    /// Slot groups: one group per word of the term (a word can analyse to several adjacent tokens).
    func plan(_ raw: String, kind: IndexSchema.Kind) -> [[TermSlot]] {
        for e in plans.first where e.kind == kind && e.raw == raw { return e.plan }
        if plans.first.count < PlanCache.listed {
            let made = makePlan(raw, kind: kind)
            plans.first.append((raw, kind, made))
            return made
        }
        let key = PlanCache.Key(raw: raw, kind: kind)
        if let cached = plans.more[key] { return cached }
        let made = makePlan(raw, kind: kind)
        plans.more[key] = made
        return made
    }

    private func makePlan(_ raw: String, kind: IndexSchema.Kind) -> [[TermSlot]] {
        if kind == .isbn || kind == .issn {
            // A term without ASCII digits, x, wildcards or escapes has nothing for the identifier indexes (what
            // the general path below would also find, after parsing every word as an ISBN and an ISSN). Other
            // scripts' letters do not change that (a Danish word with æ, ø or å is the common case): an ISBN is
            // read from ASCII digits only, and an ISSN keeps other scripts' digits, which are checked for.
            var plain = true
            var nonASCII = false
            for b in raw.utf8 {
                if b >= 0x80 {
                    nonASCII = true
                } else if b &- 0x30 < 10 || b == 0x78 || b == 0x58 || b == 0x2A || b == 0x3F || b == 0x5C {
                    plain = false
                    break
                }
            }
            if plain && nonASCII && kind == .issn {
                plain = !raw.unicodeScalars.contains { $0.value >= 0x80 && $0.properties.numericType != nil }
            }
            if plain { return [] }
        }
        if kind == .phrase {
            let p = WildcardPattern(raw: raw)
            if p.hasWildcards {
                let m = p.mapLiterals { normalizePiece($0, kind: .phrase) }
                return m.pieces.isEmpty ? [] : [[.patterns([m])]]
            }
            let t = analyzer.tokens(p.literalText).joined(separator: " ")
            return t.isEmpty ? [] : [[.terms([Array(t.utf8)])]]
        }
        if kind == .words || kind == .codes, Self.isSingleWord(raw), !WildcardPattern.hasSpecialCharacters(raw) {
            // One plain word (the common query): no splitting, no pattern, the analysis alone.
            let toks = analyzer.tokens(raw)
            return toks.isEmpty ? [] : [toks.map { .terms([Array($0.utf8)]) }]
        }
        var groups: [[TermSlot]] = []
        for word in Self.words(raw) {
            let p = WildcardPattern(raw: word)
            if p.hasWildcards {
                let m = p.mapLiterals { normalizePiece($0, kind: kind) }
                // Letters that vanish in this index (a word in the ISBN index) leave no pattern: a lone `*`
                // would match every term of the index.
                if m.pieces.isEmpty || (!p.literalText.isEmpty && m.literalText.isEmpty) { continue }
                var alternatives = [m]
                if kind == .isbn, let alt = Self.isbn13Alternative(of: m) { alternatives.append(alt) }
                groups.append([.patterns(alternatives)])
                continue
            }
            switch kind {
            case .isbn:
                let form = ISBN(p.literalText).indexForm
                if !form.isEmpty { groups.append([.terms([Array(form.utf8)])]) }
            case .issn:
                let s = SegmentBuilder.cleanIdentifier(p.literalText)
                if !s.isEmpty { groups.append([.terms([Array(s.utf8)])]) }
            default:
                let toks = analyzer.tokens(p.literalText)
                if !toks.isEmpty { groups.append(toks.map { .terms([Array($0.utf8)]) }) }
            }
        }
        return groups
    }

    // MARK: Tree

    func evaluate(_ root: CQLNode, segment s: Int) -> Matches {
        // Walk the left spine iteratively: booleans group left to right, so chains are left-deep.
        var spine: [(CQLBoolean, CQLNode, CQLNode)] = []
        var node = root
        while case .boolean(let op, let l, let r) = node {
            spine.append((op, l, r))
            node = l
        }
        var steps = Array(spine.reversed())
        var result: Matches
        if let (op, _, r) = steps.first, op.op == .and, case .search(let a) = node, case .search(let b) = r,
            let ea = estimate(a, segment: s), let eb = estimate(b, segment: s)
        {
            // `a and b`: the rarer clause first, the other decoded only where it matched (same documents and,
            // since one addition commutes, the same scores); the words' dictionary entries are reused.
            let (first, second) =
                eb.count < ea.count ? ((b, eb.resolved), (a, ea.resolved)) : ((a, ea.resolved), (b, eb.resolved))
            let matched = evaluateClause(first.0, segment: s, resolved: first.1)
            result = Matches.intersect(
                matched, evaluateClause(second.0, segment: s, restrict: matched.docs, resolved: second.1))
            steps.removeFirst()
        } else {
            result = evaluateLeaf(node, segment: s)
        }
        for (op, l, r) in steps {
            switch op.op {
            case .and:
                if case .search(let c) = r, c.index == "year",
                    [.within, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(c.relation)
                {
                    // A year range after `and` filters the hits through the year column.
                    result = filterYears(result, c, segment: s)
                } else if case .search(let c) = r {
                    // Only documents already matched can survive: score nothing else.
                    result = Matches.intersect(result, evaluateClause(c, segment: s, restrict: result.docs))
                } else {
                    result = Matches.intersect(result, evaluate(r, segment: s))
                }
            case .or: result = Matches.union(result, evaluate(r, segment: s))
            case .not:
                if case .search(let c) = r {
                    result = Matches.subtract(result, evaluateClause(c, segment: s, restrict: result.docs))
                } else {
                    result = Matches.subtract(result, evaluate(r, segment: s))
                }
            case .prox:
                if let p = proximity(op, l, r, segment: s) {
                    result = p
                } else {
                    result = Matches.intersect(result, evaluate(r, segment: s))
                }
            }
        }
        return result
    }

    /// An upper estimate of the postings a plain `=` clause decodes (sum over its indexes of the rarest word's
    /// document frequency) and, for each index where the clause is one exact word, the dictionary entries it
    /// found (so that evaluating the clause does not look them up again); nil when the clause is not a plain
    /// word search.
    func estimate(_ c: CQLSearchClause, segment s: Int) -> (count: Int, resolved: ResolvedTerms)? {
        guard c.relation == .equal, c.index != "cql.allRecords" else { return nil }
        let fields: [Int]
        if c.index.isEmpty {
            fields = IndexSchema.serverChoiceFields
        } else if let f = IndexSchema.fieldNumber(c.index) {
            fields = [f]
        } else {
            return nil
        }
        let seg = snapshot.segments[s].segment
        var plans: [[[TermSlot]]?] = [nil, nil, nil, nil, nil]  // by kind, made once per clause
        var total = 0
        var resolved = ResolvedTerms()
        for f in fields {
            let kind = IndexSchema.fields[f].kind == .codes ? .words : IndexSchema.fields[f].kind
            let k = Int(kind.rawValue)
            if plans[k] == nil { plans[k] = plan(c.term, kind: kind) }
            guard let groups = plans[k], !groups.isEmpty else { continue }
            let fr = seg.fields[f]
            var rarest = Int.max
            let single = groups.count == 1 && groups[0].count == 1
            for group in groups {
                for slot in group {
                    guard case .terms(let alternatives) = slot else { return nil }
                    var df = 0
                    var found: [(TermRef, [UInt8]?)] = []
                    for key in alternatives {
                        if let t = fr.find(key) {
                            df += fr.docFrequency(t)
                            if single { found.append((t, key)) }
                        }
                    }
                    if single { resolved.set(f, found) }
                    rarest = min(rarest, df)
                }
            }
            if rarest != Int.max { total += rarest }
        }
        return (total, resolved)
    }

    func evaluateLeaf(_ node: CQLNode, segment s: Int) -> Matches {
        switch node {
        case .search(let clause): return evaluateClause(clause, segment: s)
        case .boolean: return evaluate(node, segment: s)
        }
    }

    func allDocs(_ s: Int) -> Matches {
        let n = snapshot.segments[s].segment.docCount
        var m = Matches()
        m.docs = (0..<UInt32(n)).map { $0 }
        m.scores = [Float](repeating: 0, count: n)
        return m
    }

    /// `restrict` (sorted): documents outside it may be left out of the answer (an optimisation
    /// for the right side of `and` and `not`; callers still intersect or subtract).
    func evaluateClause(
        _ c: CQLSearchClause, segment s: Int, restrict: [UInt32]? = nil, resolved: ResolvedTerms? = nil
    ) -> Matches {
        if c.index == "cql.allRecords" { return allDocs(s) }
        if c.relation == .notEqual {
            var eq = c
            eq.relation = .equal
            return Matches.subtract(allDocs(s), evaluateClause(eq, segment: s))
        }
        if c.index.isEmpty {
            // Analyse the term once per kind of index, not once per index.
            var plans: [IndexSchema.Kind: [[TermSlot]]] = [:]
            let lists = IndexSchema.serverChoiceFields.map { f -> Matches in
                // Word and code indexes analyse a term the same way: one plan serves both.
                let kind = IndexSchema.fields[f].kind == .codes ? .words : IndexSchema.fields[f].kind
                if plans[kind] == nil { plans[kind] = plan(c.term, kind: kind) }
                return evaluateOnField(
                    c, field: f, segment: s, groups: plans[kind], restrict: restrict, refs: resolved?.refs(f))
            }
            return Matches.unionAll(lists, docCount: snapshot.segments[s].segment.docCount)
        }
        guard var f = IndexSchema.fieldNumber(c.index) else { return Matches() }
        if c.relation == .exact, IndexSchema.fields[f].kind == .words,
            let pf = IndexSchema.fieldNumber("phrase." + c.index)
        {
            f = pf
        }
        return evaluateOnField(c, field: f, segment: s, restrict: restrict, refs: resolved?.refs(f))
    }

    /// `refs`: the dictionary entries of a one-word term in this index, when already looked up.
    func evaluateOnField(
        _ c: CQLSearchClause, field f: Int, segment s: Int, groups planned: [[TermSlot]]? = nil,
        restrict: [UInt32]? = nil, refs: [(TermRef, [UInt8]?)]? = nil
    ) -> Matches {
        let field = IndexSchema.fields[f]
        let seg = snapshot.segments[s].segment
        switch c.relation {
        case .within, .less, .greater, .lessOrEqual, .greaterOrEqual:
            if field.name == "year" { return yearRange(c, segment: s) }
            return termRange(c, field: f, segment: s)
        default: break
        }
        let groups = planned ?? plan(c.term, kind: field.kind)
        if groups.isEmpty { return Matches() }
        let positional = field.kind == .words
        func group(_ slots: [TermSlot]) -> Matches {
            if slots.count == 1 {
                return slotMatches(slots[0], field: f, segment: s, restrict: restrict, refs: groups.count == 1 ? refs : nil)
            }
            if positional { return phrase(slots, field: f, segment: s, restrict: restrict) }
            return slots.dropFirst().reduce(slotMatches(slots[0], field: f, segment: s, restrict: restrict)) {
                Matches.intersect($0, slotMatches($1, field: f, segment: s, restrict: $0.docs))
            }
        }
        switch c.relation {
        case .any:
            return Matches.unionAll(groups.map(group), docCount: seg.docCount)
        case .all:
            return groups.dropFirst().reduce(group(groups[0])) { Matches.intersect($0, group($1)) }
        default:
            if field.kind == .isbn || field.kind == .issn {
                return groups.dropFirst().reduce(group(groups[0])) { Matches.intersect($0, group($1)) }
            }
            return group(groups.flatMap { $0 })
        }
    }

    // MARK: Terms

    /// Dictionary entries for a slot in one segment's field, with the exact key when there is one.
    func termRefs(_ slot: TermSlot, field: FieldReader) -> [(TermRef, [UInt8]?)] {
        switch slot {
        case .terms(let alternatives):
            return alternatives.compactMap { key in field.find(key).map { ($0, key) } }
        case .patterns(let list):
            var out: [(TermRef, [UInt8]?)] = []
            var seen = Set<Int>()
            for p in list {
                let range = p.leadingLiteral.isEmpty ? 0..<field.termCount : field.prefixRange(p.leadingLiteral)
                let refs: [TermRef]
                if p.isPlainPrefix {
                    refs = field.dictionary.refs(range)
                } else {
                    let compiled = p.compiled()
                    refs = field.dictionary.refs(range) { compiled.matches($0) }
                }
                for r in refs where list.count == 1 || seen.insert(r.index).inserted { out.append((r, nil)) }
            }
            return out
        }
    }

    @inline(__always)
    func idf(_ df: Int) -> Float {
        let n = Float(snapshot.liveDocumentEstimate)
        let d = Float(df)
        return logf(1 + (n - d + 0.5) / (d + 0.5))
    }

    /// Document frequency of an exact term over all segments (for a consistent idf).
    func globalDF(field f: Int, term: [UInt8]?, local: Int, segment s: Int) -> Int {
        guard snapshot.segments.count > 1, let bytes = term else { return local }
        var df = 0
        for (k, entry) in snapshot.segments.enumerated() {
            if k == s { df += local; continue }
            if let i = entry.segment.fields[f].find(bytes) { df += entry.segment.fields[f].docFrequency(i) }
        }
        return df
    }

    func slotMatches(
        _ slot: TermSlot, field f: Int, segment s: Int, restrict: [UInt32]? = nil, refs known: [(TermRef, [UInt8]?)]? = nil
    ) -> Matches {
        let seg = snapshot.segments[s].segment
        let fr = seg.fields[f]
        let refs = known ?? termRefs(slot, field: fr)
        if refs.count > 32 { return accumulate(refs.map(\.0), field: f, segment: s, restrict: restrict) }
        let lists = refs.map { termMatches($0.0, key: $0.1, field: f, segment: s, restrict: restrict) }
        return Matches.unionAll(lists, docCount: seg.docCount)
    }

    func termMatches(_ t: TermRef, key: [UInt8]?, field f: Int, segment s: Int, restrict: [UInt32]? = nil)
        -> Matches
    {
        let seg = snapshot.segments[s].segment
        let fr = seg.fields[f]
        if let bitmap = fr.bitmapOf(t, docCount: seg.docCount) {
            return bitmapMatches(bitmap, t, key: key, field: f, segment: s, restrict: restrict)
        }
        let (df, docs, _) = fr.postingsOf(t)
        guard let base = docs.base, docs.count > 0, df > 0 else { return Matches() }
        if let restrict, restrict.count * 4 < df, df > SegmentFormat.skipInterval {
            // The wanted documents are sparse: probe them, decoding only the blocks that can hold one.
            return termMatchesSkipping(t, key: key, field: f, segment: s, restrict: restrict)
        }
        let gdf = globalDF(field: f, term: key, local: df, segment: s)
        let weight = IndexSchema.fields[f].weight * idf(gdf)
        let cap = min(df, restrict?.count ?? df, seg.docCount)
        guard cap > 0 else { return Matches() }
        if df > SegmentFormat.skipInterval {
            return termMatchesByBlock(t, field: f, segment: s, weight: weight, cap: cap, restrict: restrict)
        }
        // Norm bytes: one per document for positional fields; otherwise every document uses entry 1.
        let normBase = fr.positional && fr.norms.count >= seg.docCount ? fr.norms.base : nil
        var scores: [Float] = []
        let outDocs = [UInt32](unsafeUninitializedCapacity: cap) { dbuf, dcount in
            scores = [Float](unsafeUninitializedCapacity: cap) { sbuf, scount in
                scount = snapshot.lengthNorms[f].withUnsafeBufferPointer { norms -> Int in
                    guard norms.count == 256, let d = dbuf.baseAddress, let sc = sbuf.baseAddress, let k = norms.baseAddress
                    else { return 0 }
                    if let restrict {
                        return restrict.withUnsafeBufferPointer { r in
                            Self.decodeScored(
                                base, base + docs.count, cap: cap, docCount: UInt32(seg.docCount), docs: d, scores: sc,
                                lengthNorms: k, normBytes: normBase, weight: weight, restrict: r)
                        }
                    }
                    return Self.decodeScored(
                        base, base + docs.count, cap: cap, docCount: UInt32(seg.docCount), docs: d, scores: sc,
                        lengthNorms: k, normBytes: normBase, weight: weight, restrict: nil)
                }
            }
            dcount = scores.count
        }
        var out = Matches()
        out.docs = outDocs
        out.scores = scores
        return out
    }

    /// The posting-decoding kernel: reads `(delta << 1 | tf == 1) [tf]` entries from `p` to `end`, keeps
    /// documents below `docCount` (and in `restrict`, when given), and writes each with its BM25 term score
    /// `weight · tf · (k1 + 1) / (tf + K(norm))`; returns how many it wrote (at most `cap`). Stops at the first
    /// malformed entry (a zero or overflowing delta). Scores of tf 1 come from a 256-entry table when the list is
    /// long enough to pay for it.
    @inline(__always)
    static func decodeScored(
        _ start: UnsafeRawPointer, _ end: UnsafeRawPointer, cap: Int, docCount: UInt32,
        docs: UnsafeMutablePointer<UInt32>, scores: UnsafeMutablePointer<Float>, lengthNorms: UnsafePointer<Float>,
        normBytes: UnsafeRawPointer?, weight: Float, restrict: UnsafeBufferPointer<UInt32>?
    ) -> Int {
        let k1p1 = k1 + 1
        let useTable = cap >= 256
        var table = (0..<(useTable ? 256 : 0)).map { weight * k1p1 / (1 + lengthNorms[$0]) }
        return table.withUnsafeMutableBufferPointer { tbuf -> Int in
            var p = start
            var n = 0
            var doc: UInt32 = 0
            var first = true
            var r = 0
            while p < end && n < cap {
                // One-byte entries (most doc deltas) inline; longer ones through the shared reader.
                var v = UInt64(p.load(as: UInt8.self))
                if v < 0x80 { p += 1 } else { v = readVarint(&p, end) }
                let delta = UInt32(truncatingIfNeeded: v >> 1)
                let tf: UInt64 = v & 1 == 0 ? readVarint(&p, end) : 1
                if first {
                    doc = delta
                    first = false
                } else {
                    let (next, overflow) = doc.addingReportingOverflow(delta)
                    if overflow || delta == 0 { break }
                    doc = next
                }
                if doc >= docCount { break }
                if let restrict {
                    while r < restrict.count && restrict[r] < doc { r += 1 }
                    if r >= restrict.count { break }
                    if restrict[r] != doc { continue }
                }
                let norm = Int(normBytes.map { $0.load(fromByteOffset: Int(doc), as: UInt8.self) } ?? 1)
                docs[n] = doc
                if tf == 1 && useTable {
                    scores[n] = tbuf[norm]
                } else {
                    let t = Float(tf)
                    scores[n] = weight * t * k1p1 / (t + lengthNorms[norm])
                }
                n += 1
            }
            return n
        }
    }

    /// `termMatches` for a list of several blocks (bit-packed but for the last): decoded a block at a time and
    /// scored as ``decodeScored(_:_:cap:docCount:docs:scores:lengthNorms:normBytes:weight:restrict:)`` scores.
    func termMatchesByBlock(_ t: TermRef, field f: Int, segment s: Int, weight: Float, cap: Int, restrict: [UInt32]?)
        -> Matches
    {
        let seg = snapshot.segments[s].segment
        let fr = seg.fields[f]
        let lengthNorms = snapshot.lengthNorms[f]
        guard lengthNorms.count == 256,
            var cursor = PostingCursor(
                field: fr, ref: t, segmentDocCount: seg.docCount, weight: weight, lengthNorms: lengthNorms, slot: 0,
                bounds: false)
        else { return Matches() }
        defer { cursor.release() }
        let normBase = fr.positional && fr.norms.count >= seg.docCount ? fr.norms.base : nil
        let k1p1 = Self.k1 + 1
        let table = lengthNorms.map { weight * k1p1 / (1 + $0) }
        var scores: [Float] = []
        let outDocs = [UInt32](unsafeUninitializedCapacity: cap) { dbuf, dcount in
            scores = [Float](unsafeUninitializedCapacity: cap) { sbuf, scount in
                var n = 0
                var r = 0
                let noRestrict: [UInt32] = []
                let restricted = restrict != nil
                (restrict ?? noRestrict).withUnsafeBufferPointer { wanted in
                    blocks: while let b = cursor.nextBlock() {
                        for k in 0..<b.count {
                            let doc = b.docs[k]
                            if restricted {
                                while r < wanted.count && wanted[r] < doc { r += 1 }
                                if r >= wanted.count { break blocks }
                                if wanted[r] != doc { continue }
                            }
                            if n >= cap { break blocks }
                            let norm = Int(normBase.map { $0.load(fromByteOffset: Int(doc), as: UInt8.self) } ?? 1)
                            let tf = b.tfs[k]
                            dbuf[n] = doc
                            if tf == 1 {
                                sbuf[n] = table[norm]
                            } else {
                                let t = Float(tf)
                                sbuf[n] = weight * t * k1p1 / (t + lengthNorms[norm])
                            }
                            n += 1
                        }
                        if !b.complete { break }
                    }
                }
                scount = n
            }
            dcount = scores.count
        }
        var out = Matches()
        out.docs = outDocs
        out.scores = scores
        return out
    }

    /// `termMatches` for a restricted decode of a long list: a posting cursor probes each wanted document,
    /// decoding only the blocks that can hold one.
    func termMatchesSkipping(_ t: TermRef, key: [UInt8]?, field f: Int, segment s: Int, restrict: [UInt32]? = nil)
        -> Matches
    {
        let seg = snapshot.segments[s].segment
        let fr = seg.fields[f]
        let df = fr.docFrequency(t)
        guard let restrict, df > 0 else { return Matches() }
        let gdf = globalDF(field: f, term: key, local: df, segment: s)
        let weight = IndexSchema.fields[f].weight * idf(gdf)
        guard
            var cursor = PostingCursor(
                field: fr, ref: t, segmentDocCount: seg.docCount, weight: weight, lengthNorms: snapshot.lengthNorms[f],
                slot: 0, bounds: false)
        else { return Matches() }
        defer { cursor.release() }
        var out = Matches()
        out.docs.reserveCapacity(min(df, restrict.count))
        out.scores.reserveCapacity(min(df, restrict.count))
        for d in restrict {
            cursor.advance(d)
            if cursor.exhausted { break }
            if cursor.doc == d { out.append(d, cursor.score()) }
        }
        return out
    }

    /// Matches of a dense list stored as a bitmap (fields without positions, every tf 1: one score).
    func bitmapMatches(_ bitmap: ByteView, _ t: TermRef, key: [UInt8]?, field f: Int, segment s: Int, restrict: [UInt32]?)
        -> Matches
    {
        let seg = snapshot.segments[s].segment
        let df = seg.fields[f].docFrequency(t)
        let gdf = globalDF(field: f, term: key, local: df, segment: s)
        let norms = snapshot.lengthNorms[f]
        let k = norms.count > 1 ? norms[1] : Self.k1
        let score = IndexSchema.fields[f].weight * idf(gdf) * (Self.k1 + 1) / (1 + k)
        var out = Matches()
        if let restrict {
            out.docs.reserveCapacity(restrict.count)
            out.scores.reserveCapacity(restrict.count)
            for d in restrict where Int(d) < seg.docCount && bitmap.bit(Int(d)) { out.append(d, score) }
        } else {
            out.docs.reserveCapacity(min(df, seg.docCount))
            bitmap.forEachSetBit(below: seg.docCount) { out.docs.append(UInt32($0)) }
            out.scores = [Float](repeating: score, count: out.docs.count)
        }
        return out
    }

    /// Union of many expanded terms (truncation, ranges): scores go straight into a dense
    /// accumulator, without a list per term.
    func accumulate(_ refs: [TermRef], field f: Int, segment s: Int, restrict: [UInt32]? = nil) -> Matches {
        let seg = snapshot.segments[s].segment
        let fr = seg.fields[f]
        let n = seg.docCount
        var acc = [Float](repeating: 0, count: n)
        var seen = [UInt64](repeating: 0, count: (n + 63) / 64)
        let norms = snapshot.lengthNorms[f]
        let k1p1 = Self.k1 + 1
        var total = 0
        for ref in refs {
            let df = fr.docFrequency(ref)
            let weight = IndexSchema.fields[f].weight * idf(df)
            if let bitmap = fr.bitmapOf(ref, docCount: n) {
                let score = weight * k1p1 / (1 + norms[fr.norm(0) & 255])
                if let restrict {
                    for d in restrict where Int(d) < n && bitmap.bit(Int(d)) {
                        acc[Int(d)] += score
                        seen[Int(d) >> 6] |= 1 << UInt64(d & 63)
                        total += 1
                    }
                } else {
                    bitmap.forEachSetBit(below: n) { d in
                        acc[d] += score
                        seen[d >> 6] |= 1 << UInt64(d & 63)
                        total += 1
                    }
                }
                continue
            }
            var r = 0
            fr.forEachPosting(ref, docCount: n) { doc, t in
                let d = Int(doc)
                if let restrict {
                    while r < restrict.count && restrict[r] < doc { r += 1 }
                    if r >= restrict.count { return false }
                    if restrict[r] != doc { return true }
                }
                let tf = Float(t)
                acc[d] += weight * tf * k1p1 / (tf + norms[fr.norm(d)])
                seen[d >> 6] |= 1 << UInt64(d & 63)
                total += 1
                return true
            }
        }
        var out = Matches()
        out.docs.reserveCapacity(min(total, n))
        out.scores.reserveCapacity(min(total, n))
        for (w, word) in seen.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let d = w * 64 + bits.trailingZeroBitCount
                out.append(UInt32(d), acc[d])
                bits &= bits - 1
            }
        }
        return out
    }

    /// Positions of one term, fully decoded.
    func termPositions(_ t: TermRef, key: [UInt8]?, field f: Int, segment s: Int) -> PositionList {
        let seg = snapshot.segments[s].segment
        let fr = seg.fields[f]
        let (df, _, positions) = fr.postingsOf(t)
        let gdf = globalDF(field: f, term: key, local: df, segment: s)
        let weight = IndexSchema.fields[f].weight * idf(gdf)
        let norms = snapshot.lengthNorms[f]
        var out = PositionList()
        out.docs.reserveCapacity(min(df, seg.docCount))
        var po = 0
        fr.forEachPosting(t, docCount: seg.docCount) { doc, tf in
            var p: UInt32 = 0
            for _ in 0..<tf {
                p &+= UInt32(truncatingIfNeeded: positions.varint(&po))
                out.positions.append(p)
            }
            out.starts.append(out.positions.count)
            out.docs.append(doc)
            let k = norms[fr.norm(Int(doc))]
            let ftf = Float(tf)
            out.scores.append(weight * ftf * (Self.k1 + 1) / (ftf + k))
            return true
        }
        return out
    }

    func slotPositions(_ slot: TermSlot, field f: Int, segment s: Int) -> PositionList {
        let fr = snapshot.segments[s].segment.fields[f]
        var acc = PositionList()
        for (t, key) in termRefs(slot, field: fr) {
            acc = PositionList.union(acc, termPositions(t, key: key, field: f, segment: s))
        }
        return acc
    }

    /// Documents where the slots occur at consecutive positions.
    ///
    /// Documents are intersected first from the doc streams alone (which also gives the scores);
    /// positions are then decoded only for the surviving candidates.
    func phrase(_ slots: [TermSlot], field f: Int, segment s: Int, restrict: [UInt32]? = nil) -> Matches {
        if restrict == nil, let matched = exactPhrase(slots, field: f, segment: s) { return matched }
        // Two words: start with the rarer one, so the other is decoded only where it matched
        // (one addition commutes: same scores). Longer phrases keep their order (summation order).
        var order = slots
        var swapped = false
        if slots.count == 2, case .terms(let a) = slots[0], case .terms(let b) = slots[1] {
            let fr = snapshot.segments[s].segment.fields[f]
            func df(_ keys: [[UInt8]]) -> Int { keys.reduce(0) { $0 + (fr.find($1).map { fr.docFrequency($0) } ?? 0) } }
            if df(b) < df(a) {
                order = [slots[1], slots[0]]
                swapped = true
            }
        }
        var candidates = slotMatches(order[0], field: f, segment: s, restrict: restrict)
        // Two words, the second one exact: one pass over its postings gives both its scores and
        // its positions for the candidates (instead of a scoring pass and a positions pass).
        var secondPositions: PositionList?
        if slots.count == 2, candidates.count > 0, case .terms(let keys) = order[1], keys.count == 1 {
            let fr = snapshot.segments[s].segment.fields[f]
            guard let ref = fr.find(keys[0]) else { return Matches() }
            let (df, _, _) = fr.postingsOf(ref)
            let gdf = globalDF(field: f, term: keys[0], local: df, segment: s)
            let weight = IndexSchema.fields[f].weight * idf(gdf)
            let pl = termPositions(ref, field: f, segment: s, only: candidates.docs, scoreWeight: weight)
            var m = Matches()
            m.docs = pl.docs
            m.scores = pl.scores
            candidates = Matches.intersect(candidates, m)
            secondPositions = pl
        } else {
            for slot in order.dropFirst() {
                if candidates.count == 0 { return candidates }
                candidates = Matches.intersect(
                    candidates, slotMatches(slot, field: f, segment: s, restrict: candidates.docs))
            }
        }
        if candidates.count == 0 { return candidates }
        var lists: [PositionList] = []
        for (j, slot) in slots.enumerated() {
            if let pl = secondPositions, j == (swapped ? 0 : 1) {
                lists.append(pl)
            } else {
                lists.append(slotPositions(slot, field: f, segment: s, only: candidates.docs))
            }
        }
        let matched = positional(lists) { offsets in
            let first = lists[0].positionsOf(offsets[0])
            outer: for p in first {
                for j in 1..<lists.count {
                    if !Self.contains(lists[j].positionsOf(offsets[j]), p &+ UInt32(j)) { continue outer }
                }
                return true
            }
            return false
        }
        // Keep the scores computed during the intersection.
        var out = Matches()
        var k = 0
        for d in matched.docs {
            while k < candidates.count && candidates.docs[k] < d { k += 1 }
            if k < candidates.count && candidates.docs[k] == d { out.append(d, candidates.scores[k]) }
        }
        return out
    }

    /// A phrase of exact words (one term each) found in one pass: a cursor per word, the rarest leading,
    /// the others moved to its documents (their blocks are skipped unread when no document can match);
    /// positions are read only where every word occurs, and a document is scored only when the words
    /// stand at consecutive positions. Scores are added in the phrase's order, as the general path does.
    /// Nil when the slots are not all single exact terms or a list is a bitmap (the general path serves).
    func exactPhrase(_ slots: [TermSlot], field f: Int, segment s: Int) -> Matches? {
        let seg = snapshot.segments[s].segment
        let fr = seg.fields[f]
        var keys: [[UInt8]] = []
        keys.reserveCapacity(slots.count)
        for slot in slots {
            guard case .terms(let alternatives) = slot, alternatives.count == 1 else { return nil }
            keys.append(alternatives[0])
        }
        var refs: [TermRef] = []
        for key in keys {
            guard let ref = fr.find(key) else { return Matches() }  // a word not in the index: no phrase
            refs.append(ref)
        }
        var cursors: [PostingCursor] = []
        cursors.reserveCapacity(keys.count)
        defer { for c in cursors { c.release() } }
        for (j, ref) in refs.enumerated() {
            let df = fr.docFrequency(ref)
            let weight = IndexSchema.fields[f].weight * idf(globalDF(field: f, term: keys[j], local: df, segment: s))
            guard
                let c = PostingCursor(
                    field: fr, ref: ref, segmentDocCount: seg.docCount, weight: weight,
                    lengthNorms: snapshot.lengthNorms[f], slot: j, bounds: false, positions: true)
            else { return nil }
            cursors.append(c)
        }
        // The rarest word leads; the others follow in order of frequency.
        let order = cursors.indices.sorted { (cursors[$0].df, $0) < (cursors[$1].df, $1) }
        let n = cursors.count
        var out = Matches()
        // Every word's positions in the current document, one after another (slot j from starts[j]).
        var positions: [UInt32] = []
        var starts = [Int](repeating: 0, count: n + 1)
        // The documents holding the two rarest words, found without a merge whose branches follow the data: the
        // rarest word's documents marked in a bitmap, the next one's blocks that can hold one of them read and
        // their documents looked up in it. Only these candidates are visited below.
        guard let candidates = Self.commonDocuments(
            fr, refs[order[0]], refs[order[1]], docCount: seg.docCount)
        else { return nil }
        var next = 0
        cursors.withUnsafeMutableBufferPointer { c in
            let lead = order[0]
            var target: UInt32 = 0
            search: while true {
                while next < candidates.count && candidates[next] < target { next += 1 }
                if next == candidates.count { break }
                c[lead].advance(candidates[next])
                let d = c[lead].doc
                if d == .max { break }
                for k in 1..<n {
                    let j = order[k]
                    c[j].advance(d)
                    let e = c[j].doc
                    if e == .max { break search }
                    if e != d {
                        target = e
                        continue search
                    }
                }
                positions.removeAll(keepingCapacity: true)
                for j in 0..<n {
                    starts[j] = positions.count
                    _ = c[j].readPositions(into: &positions)
                }
                starts[n] = positions.count
                var adjacent = false
                outer: for p in positions[starts[0]..<starts[1]] {
                    for j in 1..<n where !Self.contains(positions[starts[j]..<starts[j + 1]], p &+ UInt32(j)) {
                        continue outer
                    }
                    adjacent = true
                    break
                }
                if adjacent {
                    var score = c[0].score()
                    for j in 1..<n { score += c[j].score() }
                    out.append(d, score)
                }
                target = d + 1
            }
        }
        return out
    }

    /// The documents (in order) that hold both `a` and `b` in one field, or nil when a list is a bitmap or
    /// empty. `a` should be the rarer: its list is read whole and its documents marked in a bitmap of the
    /// segment; `b` is read only in the blocks that can hold a marked document, and each of its documents there
    /// is looked up in the bitmap.
    static func commonDocuments(_ fr: FieldReader, _ a: TermRef, _ b: TermRef, docCount: Int) -> [UInt32]? {
        guard docCount > 0,
            var ca = PostingCursor(field: fr, ref: a, segmentDocCount: docCount, weight: 0, lengthNorms: [], slot: 0, bounds: false),
            var cb = PostingCursor(field: fr, ref: b, segmentDocCount: docCount, weight: 0, lengthNorms: [], slot: 1, bounds: false)
        else { return nil }
        defer {
            ca.release()
            cb.release()
        }
        let marks = DocumentMarks(docCount: docCount)
        let leadDocs = UnsafeMutablePointer<UInt32>.allocate(capacity: ca.df)
        defer { leadDocs.deallocate() }
        var leadCount = 0
        while let block = ca.nextBlock(), leadCount + block.count <= ca.df {
            for e in 0..<block.count {
                let d = block.docs[e]
                leadDocs[leadCount + e] = d
                marks.mark(d)
            }
            leadCount += block.count
            if !block.complete { break }
        }
        var out: [UInt32] = []
        var p = 0
        while !cb.exhausted && p < leadCount {
            let floor = cb.blockFloor
            while p < leadCount && leadDocs[p] < floor { p += 1 }
            if p == leadCount { break }
            if leadDocs[p] > cb.blockLast {
                cb.shallowAdvance(leadDocs[p])
                continue
            }
            guard let block = cb.nextBlock() else { break }
            for e in 0..<block.count {
                let d = block.docs[e]
                if marks.contains(d) { out.append(d) }
            }
            if !block.complete { break }
        }
        return out
    }

    /// Positions of a slot's terms, only for the documents in `only` (sorted).
    func slotPositions(_ slot: TermSlot, field f: Int, segment s: Int, only: [UInt32]) -> PositionList {
        let fr = snapshot.segments[s].segment.fields[f]
        var acc = PositionList()
        for (t, _) in termRefs(slot, field: fr) {
            acc = PositionList.union(acc, termPositions(t, field: f, segment: s, only: only))
        }
        return acc
    }

    /// Decodes the positions of one term for the documents in `only`, skipping the others: a posting cursor
    /// decodes only the blocks that can hold a wanted document and steps over the positions of the rest.
    /// With `scoreWeight`, each kept document also gets its BM25 score (as `termMatches` computes it).
    func termPositions(_ t: TermRef, field f: Int, segment s: Int, only: [UInt32], scoreWeight: Float? = nil)
        -> PositionList
    {
        let seg = snapshot.segments[s].segment
        var out = PositionList()
        guard !only.isEmpty,
            var cursor = PostingCursor(
                field: seg.fields[f], ref: t, segmentDocCount: seg.docCount, weight: scoreWeight ?? 0,
                lengthNorms: snapshot.lengthNorms[f], slot: 0, bounds: false, positions: true)
        else { return out }
        defer { cursor.release() }
        for d in only {
            cursor.advance(d)
            if cursor.exhausted { break }
            if cursor.doc != d { continue }
            _ = cursor.readPositions(into: &out.positions)
            out.starts.append(out.positions.count)
            out.docs.append(d)
            out.scores.append(scoreWeight == nil ? 0 : cursor.score())
        }
        return out
    }

    static func contains(_ sorted: ArraySlice<UInt32>, _ v: UInt32) -> Bool {
        var lo = sorted.startIndex
        var hi = sorted.endIndex
        while lo < hi {
            let mid = (lo + hi) >> 1
            if sorted[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.endIndex && sorted[lo] == v
    }

    /// Intersects position lists by document and keeps documents that pass `check`.
    func positional(_ lists: [PositionList], check: ([Int]) -> Bool) -> Matches {
        var out = Matches()
        var idx = [Int](repeating: 0, count: lists.count)
        let base = lists[0]
        outer: for k in 0..<base.count {
            let d = base.docs[k]
            idx[0] = k
            var score = base.scores[k]
            for j in 1..<lists.count {
                let l = lists[j]
                while idx[j] < l.count && l.docs[idx[j]] < d { idx[j] += 1 }
                if idx[j] >= l.count { break outer }
                if l.docs[idx[j]] != d { continue outer }
                score += l.scores[idx[j]]
            }
            if check(idx) { out.append(d, score) }
        }
        return out
    }

    /// `a prox/distance<=N/ordered b` over single-word clauses; nil when it does not apply.
    func proximity(_ op: CQLBoolean, _ l: CQLNode, _ r: CQLNode, segment s: Int) -> Matches? {
        guard case .search(let a) = l, case .search(let b) = r, a.index == b.index,
            [.equal, .adj, .all, .any].contains(a.relation), [.equal, .adj, .all, .any].contains(b.relation)
        else { return nil }
        var fields: [Int]
        if a.index.isEmpty {
            fields = IndexSchema.serverChoiceFields.filter { IndexSchema.fields[$0].kind == .words }
        } else if let f = IndexSchema.fieldNumber(a.index), IndexSchema.fields[f].kind == .words {
            fields = [f]
        } else {
            return nil
        }
        var distance = 1
        var comparison = "<="
        var ordered = false
        for m in op.modifiers {
            switch m.name.lowercased() {
            case "distance", "prox.distance":
                if let v = m.value, let n = Int(v) { distance = n; comparison = m.comparison ?? "=" }
            case "ordered", "prox.ordered": ordered = true
            case "unordered", "prox.unordered": ordered = false
            default: break
            }
        }
        func ok(_ d: Int) -> Bool {
            switch comparison {
            case "=": return d == distance
            case "<": return d < distance
            case ">": return d > distance
            case ">=": return d >= distance
            case "<>": return d != distance
            default: return d <= distance
            }
        }
        var results: [Matches] = []
        for f in fields {
            let ga = plan(a.term, kind: .words).flatMap { $0 }
            let gb = plan(b.term, kind: .words).flatMap { $0 }
            guard ga.count == 1, gb.count == 1 else { return nil }
            let la = slotPositions(ga[0], field: f, segment: s)
            let lb = slotPositions(gb[0], field: f, segment: s)
            if la.count == 0 || lb.count == 0 { continue }
            results.append(
                positional([la, lb]) { idx in
                    for pa in la.positionsOf(idx[0]) {
                        for pb in lb.positionsOf(idx[1]) {
                            let d = Int(pb) - Int(pa)
                            if ordered ? (d > 0 && ok(d)) : (d != 0 && ok(abs(d))) { return true }
                        }
                    }
                    return false
                })
        }
        return Matches.unionAll(results, docCount: snapshot.segments[s].segment.docCount)
    }

    // MARK: Ranges

    func yearBounds(_ c: CQLSearchClause) -> ClosedRange<Int>? {
        var lo = Int.min
        var hi = Int.max
        let parts = c.term.split(separator: " ").compactMap { Int($0) }
        let v = parts.first ?? 0
        switch c.relation {
        case .within:
            guard parts.count == 2 else { return nil }
            lo = min(parts[0], parts[1])
            hi = max(parts[0], parts[1])
        case .less:
            let (h, overflow) = v.subtractingReportingOverflow(1)
            if overflow { return nil }
            hi = h
        case .lessOrEqual: hi = v
        case .greater:
            let (l, overflow) = v.addingReportingOverflow(1)
            if overflow { return nil }
            lo = l
        case .greaterOrEqual: lo = v
        default: return nil
        }
        return lo <= hi ? lo...hi : nil
    }

    func filterYears(_ m: Matches, _ c: CQLSearchClause, segment s: Int) -> Matches {
        guard let range = yearBounds(c) else { return Matches() }
        let seg = snapshot.segments[s].segment
        var out = Matches()
        for k in 0..<m.count {
            if let y = seg.year(Int(m.docs[k])), range.contains(y) { out.append(m.docs[k], m.scores[k]) }
        }
        return out
    }

    func yearRange(_ c: CQLSearchClause, segment s: Int) -> Matches {
        guard let range = yearBounds(c) else { return Matches() }
        let seg = snapshot.segments[s].segment
        var out = Matches()
        let n = seg.docCount
        guard let base = seg.years.base, seg.years.count >= 2 * n else { return out }
        let lo = Int16(clamping: range.lowerBound)
        let hi = Int16(clamping: range.upperBound)
        for d in 0..<n {
            let y = Int16(bitPattern: UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * d, as: UInt16.self)))
            if y != SegmentFormat.noYear && y >= lo && y <= hi { out.append(UInt32(d), 0) }
        }
        return out
    }

    func termRange(_ c: CQLSearchClause, field f: Int, segment s: Int) -> Matches {
        let kind = IndexSchema.fields[f].kind
        let bound = Array(normalizePiece(WildcardPattern(raw: c.term).literalText, kind: kind).utf8)
        let fr = snapshot.segments[s].segment.fields[f]
        let range: Range<Int>
        switch c.relation {
        case .less: range = 0..<fr.lowerBound(bound)
        case .lessOrEqual: range = 0..<fr.upperBound(bound)
        case .greater: range = fr.upperBound(bound)..<fr.termCount
        case .greaterOrEqual: range = fr.lowerBound(bound)..<fr.termCount
        default: return Matches()
        }
        return accumulate(fr.dictionary.refs(range), field: f, segment: s)
    }
}

#if canImport(Glibc)
import Glibc
#endif
