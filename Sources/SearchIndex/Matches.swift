/// A sorted list of matching documents (segment-local ids) with their scores.
struct Matches {
    var docs: [UInt32] = []
    var scores: [Float] = []

    var count: Int { docs.count }

    mutating func append(_ doc: UInt32, _ score: Float) {
        docs.append(doc)
        scores.append(score)
    }

    /// Documents in both; scores add up.
    static func intersect(_ a: Matches, _ b: Matches) -> Matches {
        var out = Matches()
        let cap = min(a.count, b.count)
        out.docs.reserveCapacity(cap)
        out.scores.reserveCapacity(cap)
        var i = 0
        var j = 0
        // Galloping when one side is much smaller.
        if a.count * 16 < b.count || b.count * 16 < a.count {
            let (small, large) = a.count <= b.count ? (a, b) : (b, a)
            var lo = 0
            for k in 0..<small.count {
                let d = small.docs[k]
                var hi = large.count
                var step = 1
                var probe = lo
                while probe < large.count && large.docs[probe] < d {
                    lo = probe + 1
                    probe = lo + step
                    step <<= 1
                }
                hi = min(probe + 1, large.count)
                while lo < hi {
                    let mid = (lo + hi) >> 1
                    if large.docs[mid] < d { lo = mid + 1 } else { hi = mid }
                }
                if lo < large.count && large.docs[lo] == d {
                    out.append(d, small.scores[k] + large.scores[lo])
                    lo += 1
                }
            }
            return out
        }
        while i < a.count && j < b.count {
            let x = a.docs[i]
            let y = b.docs[j]
            if x == y {
                out.append(x, a.scores[i] + b.scores[j])
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return out
    }

    /// Documents in either; scores add up.
    static func union(_ a: Matches, _ b: Matches) -> Matches {
        if a.count == 0 { return b }
        if b.count == 0 { return a }
        let cap = a.count + b.count
        var scores: [Float] = []
        var n = 0
        let docs = [UInt32](unsafeUninitializedCapacity: cap) { od, odCount in
            scores = [Float](unsafeUninitializedCapacity: cap) { os, osCount in
                a.docs.withUnsafeBufferPointer { ad in
                    a.scores.withUnsafeBufferPointer { ascore in
                        b.docs.withUnsafeBufferPointer { bd in
                            b.scores.withUnsafeBufferPointer { bscore in
                                let na = min(ad.count, ascore.count)
                                let nb = min(bd.count, bscore.count)
                                var i = 0
                                var j = 0
                                while i < na && j < nb {
                                    let x = ad[i]
                                    let y = bd[j]
                                    if x == y {
                                        od[n] = x; os[n] = ascore[i] + bscore[j]; i += 1; j += 1
                                    } else if x < y {
                                        od[n] = x; os[n] = ascore[i]; i += 1
                                    } else {
                                        od[n] = y; os[n] = bscore[j]; j += 1
                                    }
                                    n += 1
                                }
                                while i < na { od[n] = ad[i]; os[n] = ascore[i]; i += 1; n += 1 }
                                while j < nb { od[n] = bd[j]; os[n] = bscore[j]; j += 1; n += 1 }
                            }
                        }
                    }
                }
                osCount = n
            }
            odCount = n
        }
        var out = Matches()
        out.docs = docs
        out.scores = scores
        return out
    }

    /// Documents in `a` but not in `b`; `a`'s scores.
    static func subtract(_ a: Matches, _ b: Matches) -> Matches {
        if b.count == 0 { return a }
        var out = Matches()
        var j = 0
        for i in 0..<a.count {
            let x = a.docs[i]
            while j < b.count && b.docs[j] < x { j += 1 }
            if j < b.count && b.docs[j] == x { continue }
            out.append(x, a.scores[i])
        }
        return out
    }

    /// Union of many lists; uses a dense accumulator when the lists are large.
    static func unionAll(_ lists: [Matches], docCount: Int) -> Matches {
        let nonEmpty = lists.filter { $0.count > 0 }
        if nonEmpty.isEmpty { return Matches() }
        if nonEmpty.count == 1 { return nonEmpty[0] }
        if nonEmpty.count == 2 { return union(nonEmpty[0], nonEmpty[1]) }
        let total = nonEmpty.reduce(0) { $0 + $1.count }
        if total * 8 < docCount {
            // Pairwise merging, smallest first.
            var work = nonEmpty.sorted { $0.count < $1.count }
            while work.count > 1 {
                var next: [Matches] = []
                var k = 0
                while k + 1 < work.count {
                    next.append(union(work[k], work[k + 1]))
                    k += 2
                }
                if k < work.count { next.append(work[k]) }
                work = next
            }
            return work[0]
        }
        var acc = [Float](repeating: 0, count: docCount)
        var seen = [UInt64](repeating: 0, count: (docCount + 63) / 64)
        for l in nonEmpty {
            for k in 0..<l.count {
                let d = Int(l.docs[k])
                guard d < docCount else { continue }
                acc[d] += l.scores[k]
                seen[d >> 6] |= 1 << UInt64(d & 63)
            }
        }
        var out = Matches()
        out.docs.reserveCapacity(total)
        out.scores.reserveCapacity(total)
        for (w, word) in seen.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let t = bits.trailingZeroBitCount
                let d = w * 64 + t
                out.append(UInt32(d), acc[d])
                bits &= bits - 1
            }
        }
        return out
    }
}
