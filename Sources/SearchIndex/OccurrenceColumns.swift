#if canImport(Glibc)
import Glibc
#endif

/// Three growing columns of occurrences (term id, document, position) written by one chunk's analysis: appended
/// to without a uniqueness check per element (an array's append makes one), grown with `realloc`, which for large
/// blocks moves pages instead of copying bytes. Owned by one ``SegmentBuilder/FieldChunk``.
final class OccurrenceColumns: @unchecked Sendable {
    private(set) var terms: UnsafeMutablePointer<UInt32>
    private(set) var docs: UnsafeMutablePointer<UInt32>
    /// Positions, once a positional occurrence was added.
    private(set) var positions: UnsafeMutablePointer<UInt32>?
    private(set) var count = 0
    private var capacity = 0

    init() {
        terms = Self.resized(nil, kept: 0, to: 1)
        docs = Self.resized(nil, kept: 0, to: 1)
    }

    deinit {
        free(terms)
        free(docs)
        free(positions)
    }

    /// `block` (holding `kept` values) reallocated for `capacity` values, keeping them.
    private static func resized(
        _ block: UnsafeMutablePointer<UInt32>?, kept: Int, to capacity: Int
    ) -> UnsafeMutablePointer<UInt32> {
        if let grown = realloc(block, capacity * MemoryLayout<UInt32>.stride) {
            return grown.assumingMemoryBound(to: UInt32.self)
        }
        // realloc refused (memory is out): Swift's allocator, which traps then as an array's growth would; on
        // Linux it is malloc underneath, so the block is freed with `free` like the others.
        let fresh = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        if let block {
            fresh.update(from: block, count: kept)
            free(block)
        }
        return fresh
    }

    @inline(__always)
    func append(term: UInt32, doc: UInt32, position: UInt32?) {
        if count == capacity { grow(positional: position != nil) }
        terms[count] = term
        docs[count] = doc
        if let position, let positions { positions[count] = position }
        count += 1
    }

    private func grow(positional: Bool) {
        let newCapacity = max(1024, capacity * 2)
        terms = Self.resized(terms, kept: count, to: newCapacity)
        docs = Self.resized(docs, kept: count, to: newCapacity)
        if positional || positions != nil { positions = Self.resized(positions, kept: count, to: newCapacity) }
        capacity = newCapacity
    }
}
