#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import MARC
import SearchIndex
import Synchronization
import TextAnalysis

/// The catalogue: common records, libraries' enrichment and local records, holdings, and the search index over
/// every agency's view — the façade circulation, acquisitions and statistics call.
///
/// ```swift
/// let catalogue = Catalogue(records: common + enrichments + locals, holdings: items)
/// let result = try catalogue.search("ti = blåbærgrød", options: .init(agencies: ["710100"], availableOnly: true))
/// let view = catalogue.record(id: "26868076", for: "710100")   // 710100's enrichment merged onto the common record
/// ```
///
/// Searching as agency X sees X's merged view: X's enrichments replace the common records they enrich, and X's
/// local records are included. Updates (``put(_:)``, ``remove(_:)``, holdings changes) are visible to the next
/// search at once; searches never wait for writers (the index and holdings are read through `Sendable` snapshots).
public final class Catalogue: Sendable {
    /// How a record sits in the catalogue.
    public enum Layer: UInt8, Sendable {
        /// A common record (agency 870970).
        case common
        /// A library's enrichment of a common record; searched as that library's merged view.
        case enrichment
        /// A library's own record for material not in the common catalogue.
        case local
    }

    struct State: Sendable {
        var layers: RecordLayers
        var kinds: [RecordKey: Layer] = [:]
        /// agency → ids that agency has enriched.
        var enrichedBy: [String: Set<String>] = [:]
    }

    private let state: Mutex<State>
    private let writer: IndexWriter
    /// Holdings (items by agency, branch, status), updated item by item.
    public let holdings: HoldingsStore
    /// The record → index document mapping (and its analyzer).
    public let indexing: RecordIndexing

    /// Builds a catalogue in memory from records of every layer and holdings. Index documents are made on all cores.
    public init(records: [MARCRecord], holdings items: [HoldingsItem] = [], analyzer: DanishAnalyzer = DanishAnalyzer()) {
        indexing = RecordIndexing(analyzer: analyzer)
        holdings = HoldingsStore(items: items)
        var s = State(layers: RecordLayers(records: records))
        let keys = s.layers.keys
        for key in keys { Self.classify(key, in: &s) }
        state = Mutex(s)
        writer = IndexWriter(analyzer: analyzer)
        writer.add(contentsOf: makeDocuments(for: keys, state: s))
    }

    /// Opens a catalogue from an index built earlier (``write(to:)``): the index file is memory-mapped; records and
    /// holdings are read into memory.
    public init(directory: String) throws(CatalogError) {
        let files = CatalogueFiles(directory: directory)
        let snapshot: IndexSnapshot
        do {
            snapshot = try IndexSnapshot.open(path: files.index, verifyChecksums: false)
        } catch {
            throw CatalogError(.io, "cannot open the search index: \(error)", file: files.index)
        }
        indexing = RecordIndexing(analyzer: snapshot.analyzer)
        var records: [MARCRecord] = []
        do {
            var reader = try ISO2709Reader(path: files.records)
            while let r = try reader.next() { records.append(r) }
        } catch {
            throw CatalogError(.io, "cannot read the catalogue records: \(error)", file: files.records)
        }
        let (items, _) = try HoldingsItem.readJSONLines(path: files.holdings)
        holdings = HoldingsStore(items: items)
        var s = State(layers: RecordLayers(records: records))
        for key in s.layers.keys { Self.classify(key, in: &s) }
        state = Mutex(s)
        writer = IndexWriter(base: snapshot)
    }

    /// Writes the catalogue to `directory` (created if needed): `search.kix` (the index), `records.mrc` (every
    /// layer, ISO 2709), `holdings.jsonl`. Each file is written atomically.
    public func write(to directory: String) throws(CatalogError) {
        let files = CatalogueFiles(directory: directory)
        try files.createDirectory()
        do {
            try writer.write(to: files.index)
        } catch {
            throw CatalogError(.io, "cannot write the search index: \(error)", file: files.index)
        }
        let records = state.withLock { s in s.layers.keys.sorted().compactMap { s.layers.record($0) } }
        var chunks: [[UInt8]] = []
        for record in records {
            do {
                chunks.append(try record.iso2709Bytes())
            } catch {
                throw CatalogError(.io, "cannot write record \(record.identifier ?? "?"): \(error)", file: files.records)
            }
        }
        do {
            try AtomicFile.write(chunks, to: files.records)
            let snapshot = holdings.snapshot()
            let lines = snapshot.allItems.map { Array(($0.jsonLine + "\n").utf8) }
            try AtomicFile.write(lines, to: files.holdings)
        } catch {
            throw CatalogError(.io, "\(error)", file: directory)
        }
    }

    // MARK: Records

    /// The number of records in every layer.
    public var recordCount: Int { state.withLock { $0.layers.count } }

    /// The record `id` as `agency` sees it (its enrichment merged onto the common record, its local record, or the
    /// common record); with `agency` `nil`, the common record.
    public func record(id: String, for agency: String?) -> MARCRecord? {
        state.withLock { $0.layers.mergedRecord(id: id, for: agency) }
    }

    /// The layer a stored record belongs to.
    public func layer(of key: RecordKey) -> Layer? { state.withLock { $0.kinds[key] } }

    /// Adds or replaces a record of any layer (a common record, an enrichment, a local record) and updates the
    /// index: every view the change affects is re-indexed before this returns.
    public func put(_ record: MARCRecord) throws(CatalogError) {
        guard let key = RecordKey(of: record, defaultAgency: nil) else {
            throw CatalogError(.invalidRecord, "the record has no 001 *a and *b (id and agency)")
        }
        let (affected, snapshot) = state.withLock { s -> ([RecordKey], State) in
            s.layers.insert(record)
            var affected = [key]
            Self.classify(key, in: &s)
            if key.agency == Agency.common {
                // A new or changed common record changes every library's view of it.
                for (agency, ids) in s.enrichedBy where ids.contains(key.id) {
                    affected.append(RecordKey(id: key.id, agency: agency))
                }
                for other in affected.dropFirst() { Self.classify(other, in: &s) }
            }
            return (affected, s)
        }
        writer.add(contentsOf: makeDocuments(for: affected, state: snapshot))
    }

    /// Removes a record of any layer and updates the index.
    @discardableResult
    public func remove(_ key: RecordKey) -> MARCRecord? {
        let (removed, affected, snapshot) = state.withLock { s -> (MARCRecord?, [RecordKey], State) in
            let removed = s.layers.remove(key)
            s.kinds[key] = nil
            s.enrichedBy[key.agency]?.remove(key.id)
            var affected: [RecordKey] = []
            if key.agency == Agency.common {
                // Enrichments of a removed common record become the libraries' own records.
                for (agency, ids) in s.enrichedBy where ids.contains(key.id) {
                    let k = RecordKey(id: key.id, agency: agency)
                    Self.classify(k, in: &s)
                    affected.append(k)
                }
            }
            return (removed, affected, s)
        }
        _ = writer.delete(id: key.id, agency: key.agency)
        writer.add(contentsOf: makeDocuments(for: affected, state: snapshot))
        return removed
    }

    /// Re-indexes the views of record `id` (after holdings changed which agencies hold it).
    public func reindex(id: String) {
        let (keys, snapshot) = state.withLock { s in (s.kinds.keys.filter { $0.id == id }, s) }
        writer.add(contentsOf: makeDocuments(for: keys, state: snapshot))
    }

    static func classify(_ key: RecordKey, in s: inout State) {
        if key.agency == Agency.common {
            s.kinds[key] = .common
        } else if s.layers.record(RecordKey(id: key.id, agency: Agency.common)) != nil {
            s.kinds[key] = .enrichment
            s.enrichedBy[key.agency, default: []].insert(key.id)
        } else {
            s.kinds[key] = .local
            s.enrichedBy[key.agency]?.remove(key.id)
        }
    }

    private func makeDocuments(for keys: [RecordKey], state s: State) -> [IndexDocument] {
        let holdingsSnapshot = holdings.snapshot()
        let out = UnsafeMutableBufferPointer<IndexDocument?>.allocate(capacity: keys.count)
        out.initialize(repeating: nil)
        defer {
            out.deinitialize()
            out.deallocate()
        }
        let box = SendableBuffer(out)
        let indexing = indexing
        let chunk = 256
        let chunks = (keys.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in (c * chunk)..<min(keys.count, (c + 1) * chunk) {
                let key = keys[i]
                let viewer: String? = s.kinds[key] == .common ? nil : key.agency
                guard let record = s.layers.mergedRecord(id: key.id, for: viewer) else { continue }
                var doc = indexing.document(for: record, agency: key.agency)
                let holders = holdingsSnapshot.agencies(holding: key.id)
                if !holders.isEmpty { doc.fields["agency", default: []] += holders.sorted() }
                box.value[i] = doc
            }
        }
        return out.compactMap { $0 }
    }

    // MARK: Search

    /// Runs a CQL query as ``CatalogSearchOptions`` say: which agency's view, which agencies' holdings, only items
    /// on the shelf; each hit carries its holdings counts per agency and branch.
    public func search(_ cql: String, options: CatalogSearchOptions = CatalogSearchOptions()) throws(CQLError)
        -> CatalogSearchResult
    {
        let query = try CQLParser().parse(cql)
        let snapshot = writer.snapshot()
        let holdingsSnapshot = holdings.snapshot()
        let viewer = options.viewingAgency
        let (kinds, enrichedByViewer) = state.withLock { s in (s.kinds, viewer.flatMap { s.enrichedBy[$0] } ?? []) }
        let agencies = options.agencies.isEmpty ? nil : Set(options.agencies)
        let available = options.availableOnly
        var search = SearchOptions(
            limit: options.limit, offset: options.offset, sort: options.sort, descending: options.descending,
            facets: options.facets, facetLimit: options.facetLimit)
        if let agencies {
            let held = agencies.map { "agency = \"\($0)\"" }.joined(separator: " or ")
            if let heldQuery = try? CQLParser().parse(held) { search.filter = snapshot.documents(matching: heldQuery) }
        }
        search.predicate = { doc in
            guard let hit = snapshot.storedFields(at: doc) else { return false }
            let key = RecordKey(id: hit.id, agency: hit.agency)
            switch kinds[key] {
            case .common?:
                if enrichedByViewer.contains(hit.id) { return false }
            case .enrichment?:
                if hit.agency != viewer { return false }
            case .local?:
                if viewer != nil && hit.agency != viewer && agencies == nil { return false }
            case nil:
                return false
            }
            if available && !holdingsSnapshot.isAvailable(recordId: hit.id, agencies: agencies) { return false }
            return true
        }
        let result = snapshot.search(query, options: search)
        let filter = HoldingsFilter(agencies: agencies, branches: nil, availableOnly: false)
        let hits = result.hits.map { hit in
            CatalogHit(hit: hit, layer: kinds[RecordKey(id: hit.id, agency: hit.agency)] ?? .common,
                holdings: holdingsSnapshot.summary(forRecord: hit.id, filter: filter))
        }
        return CatalogSearchResult(total: result.total, hits: hits, facets: result.facets)
    }

    /// Existing titles for an incoming record (acquisitions): by ISBN/ISSN first, then by title, author and year.
    public func matches(for incoming: MARCRecord, limit: Int = 10) -> [AcquisitionMatch] {
        matcher().matches(for: incoming, limit: limit)
    }

    /// A matcher over the common and local records (built on demand).
    public func matcher() -> AcquisitionsMatcher {
        let records = state.withLock { s in
            s.kinds.filter { $0.value != .enrichment }.keys.sorted().compactMap { s.layers.record($0) }
        }
        let analyzer = indexing.analyzer
        return AcquisitionsMatcher(catalogue: records, normalize: { analyzer.normalize($0) })
    }
}

/// What to search and how (see ``Catalogue/search(_:options:)``).
public struct CatalogSearchOptions: Sendable {
    /// Restrict to records these agencies hold (or own); empty = the whole catalogue.
    public var agencies: [String]
    /// Only records with an item on the shelf (at `agencies`, if given).
    public var availableOnly: Bool
    /// Whose merged view to search; defaults to the single agency in `agencies`, else the common view.
    public var viewer: String?
    /// Paging.
    public var limit: Int
    /// Paging.
    public var offset: Int
    /// Sort order; `nil` = the query's `sortBy`, or relevance.
    public var sort: SortKey?
    /// Reverse the sort.
    public var descending: Bool
    /// Facets to count (`type`, `language`, `year`, `author`, `subject`).
    public var facets: [String]
    /// Values per facet.
    public var facetLimit: Int

    /// Creates options.
    public init(
        agencies: [String] = [], availableOnly: Bool = false, viewer: String? = nil, limit: Int = 10, offset: Int = 0,
        sort: SortKey? = nil, descending: Bool = false, facets: [String] = [], facetLimit: Int = 10
    ) {
        self.agencies = agencies
        self.availableOnly = availableOnly
        self.viewer = viewer
        self.limit = limit
        self.offset = offset
        self.sort = sort
        self.descending = descending
        self.facets = facets
        self.facetLimit = facetLimit
    }

    /// The agency whose view is searched.
    var viewingAgency: String? { viewer ?? (agencies.count == 1 ? agencies[0] : nil) }
}

/// One hit: the index's hit plus its layer and holdings counts.
public struct CatalogHit: Sendable {
    /// The index hit (id, agency, score, title, author, year).
    public var hit: SearchHit
    /// The layer of the record hit.
    public var layer: Catalogue.Layer
    /// Holdings of the record (restricted to the searched agencies), per agency and branch.
    public var holdings: HoldingsSummary
}

/// A page of hits with the total and facets.
public struct CatalogSearchResult: Sendable {
    /// Hits in the whole result.
    public var total: Int
    /// The requested page.
    public var hits: [CatalogHit]
    /// Facet counts over the whole result.
    public var facets: [FacetResult]
}

/// The files of a catalogue directory.
struct CatalogueFiles {
    let directory: String
    var index: String { directory + "/search.kix" }
    var records: String { directory + "/records.mrc" }
    var holdings: String { directory + "/holdings.jsonl" }

    func createDirectory() throws(CatalogError) {
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw CatalogError(.io, "cannot create directory \(directory)", file: directory)
        }
    }
}

struct SendableBuffer<T>: @unchecked Sendable {
    let value: UnsafeMutableBufferPointer<T>
    init(_ value: UnsafeMutableBufferPointer<T>) { self.value = value }
}
