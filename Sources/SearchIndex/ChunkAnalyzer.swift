import TextAnalysis

/// Analyses documents one at a time into the occurrence lists of one chunk (one ``SegmentBuilder/FieldChunk``
/// per index), then seals them (sorted by term) for the merge that writes a segment.
///
/// Documents are numbered in the order they are added, from 0. The scratch buffers live here, so a
/// document costs no allocation beyond the chunk's growing arrays.
struct ChunkAnalyzer {
    let builder: SegmentBuilder
    private(set) var fields: [SegmentBuilder.FieldChunk]
    /// Documents added so far.
    private(set) var docCount = 0

    // Tokens of the values analysed so far in this document, as bytes in one arena (no String per token);
    // values are compared by bytes, so a phrase index holding its word index's values reuses their tokens.
    private let tokens = TokenArena()
    private var analysed: [(String, Range<Int>)] = []
    private var phrase: [UInt8] = []
    // Whether the document names the index at all (an explicit empty list keeps `id`/`agency` unindexed).
    private var seen: [Bool]

    /// The kind of every index, in schema order (read once, not per document).
    private let kinds: [IndexSchema.Kind]
    private static let idField = IndexSchema.fieldNumber("id")
    private static let agencyField = IndexSchema.fieldNumber("agency")

    init(builder: SegmentBuilder, capacity: Int = 0) {
        self.builder = builder
        let schema = IndexSchema.fields
        kinds = schema.map { $0.kind }
        fields = schema.map { SegmentBuilder.FieldChunk(positional: $0.kind == .words) }
        for f in schema.indices { fields[f].lengths.reserveCapacity(capacity) }
        seen = [Bool](repeating: false, count: schema.count)
    }

    /// Analyses one document as the next of this chunk, read in place through a pointer (a `borrowing`
    /// parameter fed from a buffer still copied the whole document, retaining everything it holds).
    mutating func add(_ doc: UnsafePointer<IndexDocument>) {
        let local = UInt32(truncatingIfNeeded: docCount)
        tokens.reset()
        analysed.removeAll(keepingCapacity: true)
        for f in seen.indices { seen[f] = false }
        // The document's fields in its dictionary's order (each index's lists are its own, so the order
        // does not matter), then `id` and `agency` from the document when it does not name them.
        for (name, values) in doc.pointee.fields {
            if let f = IndexSchema.fieldNumber(name), !seen[f] {
                seen[f] = true
                analyse(values, field: f, doc: local)
            }
        }
        if let f = Self.idField, !seen[f] {
            seen[f] = true
            analyse(CollectionOfOne(doc.pointee.id), field: f, doc: local)
        }
        if let f = Self.agencyField, !seen[f] {
            seen[f] = true
            analyse(CollectionOfOne(doc.pointee.agency), field: f, doc: local)
        }
        for f in seen.indices where !seen[f] { fields[f].lengths.append(0) }
        docCount += 1
    }

    /// Analyses one index's values of document `local`: its occurrences, its length.
    private mutating func analyse<Values: Collection<String>>(_ values: Values, field f: Int, doc local: UInt32) {
        let kind = kinds[f]
        var pos: UInt32 = 0
        var length = 0
        for (v, value) in values.enumerated() {
            if v > 0 { pos &+= SegmentFormat.valueGap }
            switch kind {
            case .words, .codes, .phrase:
                let toks: Range<Int>
                if let cached = analysed.first(where: { SegmentBuilder.sameBytes($0.0, value) }) {
                    toks = cached.1
                } else {
                    let first = tokens.count
                    let arena = tokens
                    builder.analyzer.forEachToken(in: value) { bytes, _, _ in arena.append(bytes) }
                    toks = first..<tokens.count
                    if analysed.count < 64 { analysed.append((value, toks)) }
                }
                if kind == .phrase {
                    // The whole value as one term: its tokens joined by blanks.
                    guard !toks.isEmpty else { continue }
                    phrase.removeAll(keepingCapacity: true)
                    for t in toks {
                        if !phrase.isEmpty { phrase.append(0x20) }
                        phrase.append(contentsOf: tokens[t])
                    }
                    phrase.withUnsafeBufferPointer { fields[f].add(bytes: $0, doc: local, pos: pos) }
                    pos &+= 1
                    length += 1
                } else {
                    for t in toks {
                        fields[f].add(bytes: tokens[t], doc: local, pos: pos)
                        pos &+= 1
                        length += 1
                    }
                }
            case .isbn, .issn:
                for term in builder.terms(of: value, kind: kind) {
                    fields[f].add(term, doc: local, pos: pos)
                    pos &+= 1
                    length += 1
                }
            }
        }
        fields[f].lengths.append(UInt8(min(length, 255)))
        fields[f].sumLengths += UInt64(length)
    }

    /// The chunk's fields sorted by term (this analyzer is left as it was: more documents may follow).
    func sealed() -> [SegmentBuilder.FieldChunk] {
        var out = fields
        for f in out.indices { out[f].sortByTerm() }
        return out
    }
}
