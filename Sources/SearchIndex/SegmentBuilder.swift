#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import TextAnalysis

/// Builds one segment image from documents, in parallel over document chunks, then merges.
struct SegmentBuilder {
    let analyzer: DanishAnalyzer

    /// Occurrences of one field in one chunk, later sorted by term.
    struct FieldChunk {
        /// Whether positions are kept (word indexes); the others need documents only.
        var positional = true
        /// The chunk's terms, numbered in first-seen order (local term ids).
        var terms = TermTable()
        /// The occurrences as analysed (term, document, position), until `sortByTerm`.
        var unsorted = OccurrenceColumns()
        /// After `sortByTerm`: documents and positions of local term t at `termStart[t]..<termStart[t+1]`.
        var occDoc: [UInt32] = []
        var occPos: [UInt32] = []
        var lengths: [UInt8] = []
        var sumLengths: UInt64 = 0
        var termStart: [Int] = []

        init(positional: Bool = true) {
            self.positional = positional
        }

        mutating func add(_ term: String, doc: UInt32, pos: UInt32) {
            var t = term
            t.withUTF8 { add(bytes: $0, doc: doc, pos: pos) }
        }

        @inline(__always)
        mutating func add(bytes: UnsafeBufferPointer<UInt8>, doc: UInt32, pos: UInt32) {
            let term = UInt32(truncatingIfNeeded: terms.insert(bytes))
            unsorted.append(term: term, doc: doc, position: positional ? pos : nil)
        }

        /// Stable counting sort of the occurrences by term id (each slot of the sorted columns written once).
        mutating func sortByTerm() {
            let t = terms.count
            let n = unsorted.count
            var start = [Int](repeating: 0, count: t + 1)
            let occTerm = unsorted.terms
            let occDocIn = unsorted.docs
            let occPosIn = unsorted.positions
            for i in 0..<n { start[Int(occTerm[i]) + 1] += 1 }
            for i in 0..<t { start[i + 1] += start[i] }
            var next = start
            occDoc = [UInt32](unsafeUninitializedCapacity: n) { docs, initialized in
                if positional, let posIn = occPosIn {
                    occPos = [UInt32](unsafeUninitializedCapacity: n) { poss, done in
                        for i in 0..<n {
                            let id = Int(occTerm[i])
                            let dst = next[id]
                            next[id] += 1
                            docs[dst] = occDocIn[i]
                            poss[dst] = posIn[i]
                        }
                        done = n
                    }
                } else {
                    for i in 0..<n {
                        let id = Int(occTerm[i])
                        let dst = next[id]
                        next[id] += 1
                        docs[dst] = occDocIn[i]
                    }
                }
                initialized = n
            }
            unsorted = OccurrenceColumns()
            terms.freezeLookups()
            termStart = start
        }
    }

    /// Terms of one value for a field kind.
    func terms(of value: String, kind: IndexSchema.Kind) -> [String] {
        switch kind {
        case .words, .codes: return analyzer.tokens(value)
        case .isbn:
            let form = ISBN(value).indexForm
            return form.isEmpty ? [] : [form]
        case .issn:
            let s = SegmentBuilder.cleanIdentifier(value)
            return s.isEmpty ? [] : [s]
        case .phrase:
            let s = analyzer.tokens(value).joined(separator: " ")
            return s.isEmpty ? [] : [s]
        }
    }

    static func cleanIdentifier(_ value: String) -> String {
        var ascii: [UInt8] = []
        for b in value.utf8 {
            switch b {
            case 0x30...0x39, 0x78: ascii.append(b)
            case 0x58: ascii.append(0x78)
            case 0x80...:
                // Digits of any script and x; the kept characters alone are case-mapped.
                return String(value.filter { $0.isNumber || $0 == "x" || $0 == "X" }.lowercased().filter { $0.isNumber || $0 == "x" })
            default: continue
            }
        }
        return String(decoding: ascii, as: UTF8.self)
    }

    /// Analyses documents into one sealed chunk (one ``FieldChunk`` per index, sorted by term).
    func buildChunk(_ docs: ArraySlice<IndexDocument>) -> [FieldChunk] {
        var chunk = ChunkAnalyzer(builder: self, capacity: docs.count)
        // Documents are read in place, through a buffer pointer: a `for doc in docs` loop would copy each
        // one, retaining and releasing every string, array and dictionary it holds.
        docs.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in buffer.indices { chunk.add(base + i) }
        }
        return chunk.sealed()
    }

    /// Whether two strings have the same UTF-8 bytes (no Unicode normalisation: a cache key test).
    @inline(__always)
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var x = a
        var y = b
        return x.withUTF8 { p in
            y.withUTF8 { q in
                guard let pb = p.baseAddress, let qb = q.baseAddress, p.count > 0 else { return true }
                return memcmp(pb, qb, p.count) == 0
            }
        }
    }

    /// Builds the segment image.
    func build(_ documents: [IndexDocument]) -> SegmentStorage {
        let n = documents.count
        let cores = max(1, System.activeProcessorCount)
        let chunkCount = n == 0 ? 0 : min(max(1, n / 512), cores * 4)
        let chunkSize = chunkCount == 0 ? 0 : (n + chunkCount - 1) / chunkCount
        let chunkResults = UnsafeSendableArray<[FieldChunk]>(count: chunkCount, initial: [])
        let facetNames = IndexSchema.facetNames
        // Facet values per facet and document, gathered by the chunk tasks (each its own documents, one pass over
        // each document's usually small facet table) instead of in a pass of their own on one core.
        let facetValues = facetNames.map { _ in UnsafeSendableArray<[String]>(count: n, initial: []) }
        DispatchQueue.concurrentPerform(iterations: chunkCount) { c in
            let lo = c * chunkSize
            let hi = min(n, lo + chunkSize)
            chunkResults[c] = lo < hi ? buildChunk(documents[lo..<hi]) : []
            documents.withUnsafeBufferPointer { docs in
                guard let base = docs.baseAddress else { return }
                for d in lo..<max(lo, hi) where !(base + d).pointee.facets.isEmpty {
                    for (name, values) in (base + d).pointee.facets {
                        if let k = facetNames.firstIndex(of: name) { facetValues[k][d] = values }
                    }
                }
            }
        }
        let chunks = chunkResults.array
        let chunkBases = (0..<chunkCount).map { UInt32($0 * chunkSize) }

        let fields = IndexSchema.fields
        // Tasks: one per field (dictionary+postings+norms), one per facet, one for the stored docs.
        let taskCount = fields.count + facetNames.count + 1
        let sections = UnsafeSendableArray<[(UInt32, [UInt8])]>(count: taskCount, initial: [])
        let stats = UnsafeSendableArray<(UInt64, UInt32)>(count: fields.count, initial: (0, 0))
        // The longest tasks first (the stored fields, then the indexes with the most terms or postings), so
        // that no long one starts last while the other cores sit idle.
        let facetTasks = fields.count..<(fields.count + facetNames.count)
        let order = [facetTasks.upperBound] + Self.mergeOrder(fields.count) + facetTasks
        DispatchQueue.concurrentPerform(iterations: taskCount) { slot in
            let task = order[slot]
            if task < fields.count {
                let f = task
                let (dict, postings, norms, sum) = mergeField(
                    f, chunks: chunks.map { $0.isEmpty ? FieldChunk() : $0[f] }, bases: chunkBases, docCount: n)
                var out: [(UInt32, [UInt8])] = [
                    (SegmentFormat.dictionaryBase + UInt32(f), dict),
                    (SegmentFormat.postingsBase + UInt32(f), postings),
                ]
                if fields[f].kind == .words { out.append((SegmentFormat.normsBase + UInt32(f), norms)) }
                sections[task] = out
                stats[f] = (sum, 0)
            } else if task < fields.count + facetNames.count {
                let k = task - fields.count
                let facet = facetValues[k].withBuffer { Self.buildFacet($0) }
                sections[task] = [(SegmentFormat.facetBase + UInt32(k), facet)]
            } else {
                sections[task] = buildStore(documents)
            }
        }
        var statBytes = ByteWriter()
        for f in 0..<fields.count { statBytes.u64(stats[f].0) }
        var all: [(UInt32, [UInt8])] = [(SegmentFormat.stats, statBytes.bytes)]
        for s in sections.array { all.append(contentsOf: s) }
        return SegmentBuilder.assemble(docCount: n, sections: all)
    }

    /// Field numbers in the order their merges start: those whose merge takes longest first (measured on the
    /// peer corpus: ISBN and id have a term per document, subject the most postings), then the rest in order.
    static func mergeOrder(_ count: Int) -> [Int] {
        let first = ["isbn", "subject", "id", "title", "author"].compactMap { IndexSchema.fieldNumber($0) }
        return first + (0..<count).filter { !first.contains($0) }
    }

    /// Lays the sections out as one segment image in a buffer of exactly its size: header, section table
    /// (id, offset, length, checksum per section), the header's checksum, then each section 8-byte aligned.
    /// The sections are copied and checksummed in parallel; no byte array grows (and is copied) on the way.
    static func assemble(docCount: Int, sections: [(UInt32, [UInt8])]) -> SegmentStorage {
        let tableStart = SegmentFormat.headerSize
        let headerEnd = tableStart + sections.count * SegmentFormat.entrySize
        var placed: [Int] = []
        placed.reserveCapacity(sections.count)
        var end = headerEnd + 8
        for (_, bytes) in sections {
            end = (end + 7) & ~7
            placed.append(end)
            end += bytes.count
        }
        let offsets = placed
        let total = (end + 7) & ~7
        let sums = UnsafeSendableArray<UInt64>(count: sections.count, initial: 0)
        return SegmentStorage(count: total) { out in
            let target = SendableRawBuffer(buffer: out)
            DispatchQueue.concurrentPerform(iterations: sections.count) { i in
                let bytes = sections[i].1
                bytes.withUnsafeBytes { src in
                    let out = target.buffer
                    let dst = UnsafeMutableRawBufferPointer(rebasing: out[offsets[i]..<(offsets[i] + src.count)])
                    dst.copyMemory(from: src)
                    // Zero padding up to the next section (or the end).
                    let next = i + 1 < sections.count ? offsets[i + 1] : total
                    UnsafeMutableRawBufferPointer(rebasing: out[(offsets[i] + src.count)..<next]).initializeMemory(
                        as: UInt8.self, repeating: 0)
                    sums[i] = SectionChecksum.compute(src)
                }
            }
            var w = ByteWriter(capacity: headerEnd + 8)
            w.append(contentsOf: SegmentFormat.magic)
            w.u32(SegmentFormat.version)
            w.u32(UInt32(sections.count))
            w.u32(UInt32(docCount))
            w.u32(0)
            for (i, (id, bytes)) in sections.enumerated() {
                w.u32(id)
                w.u32(0)
                w.u64(UInt64(offsets[i]))
                w.u64(UInt64(bytes.count))
                w.u64(sums[i])
            }
            assert(w.count == headerEnd, "header and section table as SegmentFormat lays them out")
            w.u64(w.bytes.withUnsafeBytes { SectionChecksum.compute($0) })
            let first = offsets.first ?? total
            w.bytes.withUnsafeBytes { h in
                UnsafeMutableRawBufferPointer(rebasing: out[0..<h.count]).copyMemory(from: h)
            }
            UnsafeMutableRawBufferPointer(rebasing: out[w.count..<first]).initializeMemory(as: UInt8.self, repeating: 0)
        }
    }

    /// Merges one field's chunks: sorted dictionary, postings, norms and the sum of lengths.
    func mergeField(_ f: Int, chunks: [FieldChunk], bases: [UInt32], docCount: Int)
        -> ([UInt8], [UInt8], [UInt8], UInt64)
    {
        let positional = IndexSchema.fields[f].kind == .words
        // Global sorted term list: every chunk's terms in one table (hashes reused), then sorted by bytes.
        var global = TermTable(capacity: chunks.reduce(0) { $0 + $1.terms.count })
        var globalOf: [[Int]] = []
        for chunk in chunks {
            var m = [Int](repeating: 0, count: chunk.terms.count)
            for local in 0..<chunk.terms.count {
                m[local] = chunk.terms.withBytes(local) { global.insert($0, hash: chunk.terms.hashes[local]) }
            }
            globalOf.append(m)
        }
        global.freezeLookups()
        let order = global.sortedIDs()
        var rank = [Int](repeating: 0, count: global.count)
        for (r, g) in order.enumerated() { rank[g] = r }
        // Per chunk: global rank → local term id.
        var localOf: [[Int32]] = []
        for (c, chunk) in chunks.enumerated() {
            var m = [Int32](repeating: -1, count: global.count)
            for local in 0..<chunk.terms.count { m[rank[globalOf[c][local]]] = Int32(local) }
            localOf.append(m)
        }
        globalOf = []

        var dictionary = TermDictionaryWriter()
        var postings = ByteWriter()
        var encoder = PostingListEncoder()
        var posStream = ByteWriter()
        var bitmapDocs: [UInt32] = []
        var allSingle = true
        for r in 0..<order.count {
            let postingStart = postings.count
            encoder.reset()
            posStream.bytes.removeAll(keepingCapacity: true)
            bitmapDocs.removeAll(keepingCapacity: true)
            allSingle = !positional
            // By index, reading each chunk's arrays in place: `for chunk in chunks` copied every chunk (a retain and
            // a release of each of its arrays) for every term.
            for c in chunks.indices {
                let local = localOf[c][r]
                if local < 0 { continue }
                var i = chunks[c].termStart[Int(local)]
                let end = chunks[c].termStart[Int(local) + 1]
                while i < end {
                    let d = chunks[c].occDoc[i]
                    var j = i + 1
                    while j < end && chunks[c].occDoc[j] == d { j += 1 }
                    let doc = bases[c] + d
                    let tf = j - i
                    if allSingle {
                        if tf == 1 { bitmapDocs.append(doc) } else { allSingle = false }
                    }
                    encoder.add(
                        doc: doc, tf: tf,
                        norm: positional && Int(d) < chunks[c].lengths.count ? chunks[c].lengths[Int(d)] : 1,
                        positionOffset: posStream.count)
                    if positional {
                        var last: UInt32 = 0
                        for k in i..<j {
                            let p = chunks[c].occPos[k]
                            posStream.varint(p &- last)
                            last = p
                        }
                    }
                    i = j
                }
            }
            encoder.finish()
            postings.appendPostings(encoder, posStream: posStream, bitmapDocs: allSingle ? bitmapDocs : nil, docCount: docCount)
            global.withBytes(order[r]) { dictionary.append($0, postingLength: postings.count - postingStart) }
        }
        let dict = dictionary.finish()

        var norms = [UInt8]()
        var sum: UInt64 = 0
        if positional { norms.reserveCapacity(docCount) }
        for chunk in chunks {
            if positional { norms.append(contentsOf: chunk.lengths) }
            sum += chunk.sumLengths
        }
        return (dict, postings.bytes, norms, sum)
    }

    /// Facet section: value dictionary (sorted), per-document value counts, checkpoints, ordinals.
    static func buildFacet<PerDocument: Collection<[String]>>(_ perDocument: PerDocument) -> [UInt8] {
        var ids: [String: UInt32] = [:]
        var values: [String] = []
        var perDoc: [UInt32] = []
        var counts: [UInt8] = []
        counts.reserveCapacity(perDocument.count)
        perDoc.reserveCapacity(perDocument.count)
        var seen: [UInt32] = []  // this document's values so far (reused: no allocation per document)
        for vs in perDocument {
            var c = 0
            seen.removeAll(keepingCapacity: true)
            for v in vs where c < 255 && !v.isEmpty {
                let id: UInt32
                if let e = ids[v] { id = e } else {
                    id = UInt32(values.count); ids[v] = id; values.append(v)
                }
                if c > 0 && seen.contains(id) { continue }
                seen.append(id)
                perDoc.append(id)
                c += 1
            }
            counts.append(UInt8(c))
        }
        let utf = values.map { Array($0.utf8) }
        let order = utf.indices.sorted { utf[$0].lexicographicallyPrecedes(utf[$1]) }
        var rank = [UInt32](repeating: 0, count: values.count)
        for (r, g) in order.enumerated() { rank[g] = UInt32(r) }
        let width: Int = values.count <= 0xFF ? 1 : (values.count <= 0xFFFF ? 2 : 4)
        var w = ByteWriter()
        var valueBytes = ByteWriter()
        var valueOffsets: [UInt32] = [0]
        for g in order {
            valueBytes.append(contentsOf: utf[g])
            valueOffsets.append(UInt32(valueBytes.count))
        }
        w.u32(UInt32(values.count))
        w.u32(UInt32(perDoc.count))
        let single = perDoc.count == counts.count && counts.allSatisfy { $0 == 1 }
        w.u32(UInt32(width) | (single ? SegmentFormat.facetSingleValued : 0))
        w.u32(UInt32(valueBytes.count))
        for o in valueOffsets { w.u32(o) }
        // Checkpoints: ordinal index of the first value of every 64th document.
        var running: UInt32 = 0
        for (d, c) in counts.enumerated() {
            if d % SegmentFormat.facetCheckpoint == 0 { w.u32(running) }
            running += UInt32(c)
        }
        w.append(contentsOf: counts)
        w.align(4)
        for id in perDoc {
            let r = rank[Int(id)]
            switch width {
            case 1: w.u8(UInt8(r))
            case 2: w.u16(UInt16(r))
            default: w.u32(r)
            }
        }
        w.align(4)
        w.append(contentsOf: valueBytes.bytes)
        return w.bytes
    }

    /// Stored display fields, the year column and the agency table.
    func buildStore(_ documents: [IndexDocument]) -> [(UInt32, [UInt8])] {
        var w = StoredFieldsWriter(capacity: documents.count)
        documents.withUnsafeBufferPointer { docs in
            guard let base = docs.baseAddress else { return }
            for d in docs.indices { w.append(document: base + d) }
        }
        return w.sections()
    }
}

/// A buffer that concurrent tasks write at distinct, non-overlapping ranges.
struct SendableRawBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableRawBufferPointer
}

/// A fixed-size array that concurrent tasks fill at distinct indexes.
final class UnsafeSendableArray<T>: @unchecked Sendable {
    private let pointer: UnsafeMutablePointer<T>
    let count: Int
    init(count: Int, initial: T) {
        self.count = count
        pointer = UnsafeMutablePointer<T>.allocate(capacity: max(1, count))
        pointer.initialize(repeating: initial, count: count)
    }
    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }
    subscript(i: Int) -> T {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }
    var array: [T] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
    /// Calls `body` with the elements in place (no copy of the array).
    func withBuffer<R>(_ body: (UnsafeBufferPointer<T>) -> R) -> R {
        body(UnsafeBufferPointer(start: pointer, count: count))
    }
}

enum System {
    static var activeProcessorCount: Int {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? n : 1
    }
}
