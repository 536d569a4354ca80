/// Merges segments into one, dropping deleted documents (compaction).
///
/// Postings are decoded and re-encoded with the new document numbers; stored fields and years
/// are copied; facets are rebuilt from their values. Document order is kept: segment by
/// segment, then by document.
enum SegmentMerger {
    struct Posting {
        var doc: UInt32
        var positions: [UInt32]
        var tf: Int
    }

    static func merge(_ parts: [(Segment, DocumentSet?)]) -> SegmentStorage {
        // New document numbers.
        var remap: [[Int32]] = []
        var next: Int32 = 0
        for (seg, deleted) in parts {
            var m = [Int32](repeating: -1, count: seg.docCount)
            for d in 0..<seg.docCount where deleted?.contains(d) != true {
                m[d] = next
                next += 1
            }
            remap.append(m)
        }
        let docCount = Int(next)
        var sections: [(UInt32, [UInt8])] = []
        var stats = ByteWriter()
        for (f, field) in IndexSchema.fields.enumerated() {
            let positional = field.kind == .words
            // Union of the terms, in byte order, with where each occurs.
            var occurrences: [[UInt8]: [(Int, TermRef)]] = [:]
            for (s, (seg, _)) in parts.enumerated() {
                seg.fields[f].dictionary.scan(0..<seg.fields[f].termCount) { _, term, ref in
                    occurrences[Array(term), default: []].append((s, ref))
                    return true
                }
            }
            let terms = occurrences.keys.sorted { $0.lexicographicallyPrecedes($1) }
            var keptTerms: [[UInt8]] = []
            var lengths: [Int] = []
            var postings = ByteWriter()
            var encoder = PostingListEncoder()
            var posStream = ByteWriter()
            var bitmapDocs: [UInt32] = []
            var allSingle = true
            for term in terms {
                encoder.reset()
                posStream.bytes.removeAll(keepingCapacity: true)
                bitmapDocs.removeAll(keepingCapacity: true)
                allSingle = !positional
                for (s, ref) in occurrences[term] ?? [] {
                    let seg = parts[s].0
                    decode(seg.fields[f], ref, docCount: seg.docCount, positional: positional) { p in
                        let newDoc = remap[s][Int(p.doc)]
                        if newDoc < 0 { return }
                        let doc = UInt32(newDoc)
                        if allSingle {
                            if p.tf == 1 { bitmapDocs.append(doc) } else { allSingle = false }
                        }
                        encoder.add(
                            doc: doc, tf: p.tf, norm: positional ? seg.fields[f].norms.u8(Int(p.doc)) : 1,
                            positionOffset: posStream.count)
                        if positional {
                            var last: UInt32 = 0
                            for q in p.positions {
                                posStream.varint(q &- last)
                                last = q
                            }
                        }
                    }
                }
                if encoder.df == 0 { continue }
                let start = postings.count
                encoder.finish()
                postings.appendPostings(encoder, posStream: posStream, bitmapDocs: allSingle ? bitmapDocs : nil, docCount: docCount)
                keptTerms.append(term)
                lengths.append(postings.count - start)
            }
            sections.append((SegmentFormat.dictionaryBase + UInt32(f), TermDictionary.write(terms: keptTerms, postingLengths: lengths)))
            sections.append((SegmentFormat.postingsBase + UInt32(f), postings.bytes))
            var sum: UInt64 = 0
            if positional {
                var norms = [UInt8]()
                norms.reserveCapacity(docCount)
                for (s, (seg, _)) in parts.enumerated() {
                    for d in 0..<seg.docCount where remap[s][d] >= 0 {
                        let n = seg.fields[f].norms.u8(d)
                        norms.append(n)
                        sum += UInt64(n)
                    }
                }
                sections.append((SegmentFormat.normsBase + UInt32(f), norms))
            } else {
                var total = 0
                var original: UInt64 = 0
                for (seg, _) in parts {
                    total += seg.docCount
                    original += seg.fields[f].sumLengths
                }
                sum = total == 0 ? 0 : original * UInt64(docCount) / UInt64(total)
            }
            stats.u64(sum)
        }
        // Stored fields and years.
        // (Entries are decoded and written again: agency numbers are per segment.)
        var store = StoredFieldsWriter(capacity: docCount)
        for (s, (seg, _)) in parts.enumerated() {
            for d in 0..<seg.docCount where remap[s][d] >= 0 {
                store.append(seg.storedFields.entry(d), year: Int16(bitPattern: seg.years.u16(d * 2)))
            }
        }
        sections.append(contentsOf: store.sections())
        for k in IndexSchema.facetNames.indices {
            var values: [[String]] = []
            values.reserveCapacity(docCount)
            for (s, (seg, _)) in parts.enumerated() {
                for d in 0..<seg.docCount where remap[s][d] >= 0 { values.append(seg.facets[k].values(of: d)) }
            }
            sections.append((SegmentFormat.facetBase + UInt32(k), SegmentBuilder.buildFacet(values)))
        }
        sections.insert((SegmentFormat.stats, stats.bytes), at: 0)
        return SegmentBuilder.assemble(docCount: docCount, sections: sections)
    }

    /// Decodes one term's postings in document order.
    static func decode(
        _ field: FieldReader, _ ref: TermRef, docCount: Int, positional: Bool, _ body: (Posting) -> Void
    ) {
        if let bitmap = field.bitmapOf(ref, docCount: docCount) {
            bitmap.forEachSetBit(below: docCount) { body(Posting(doc: UInt32($0), positions: [], tf: 1)) }
            return
        }
        let (_, _, positions) = field.postingsOf(ref)
        var po = 0
        field.forEachPosting(ref, docCount: docCount) { doc, t in
            let tf = Int(t)
            var ps: [UInt32] = []
            if positional {
                ps.reserveCapacity(tf)
                var p: UInt32 = 0
                for _ in 0..<tf {
                    p &+= UInt32(truncatingIfNeeded: positions.varint(&po))
                    ps.append(p)
                }
            }
            body(Posting(doc: doc, positions: ps, tf: tf))
            return true
        }
    }
}
