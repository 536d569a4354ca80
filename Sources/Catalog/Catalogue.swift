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
        /// Every record of every layer; `nil` until first needed when the catalogue was opened from files.
        var layers: RecordLayers?
        /// The layer of each enrichment and local record; any other key is common.
        var kinds: [RecordKey: Layer] = [:]
        /// agency → ids that agency has enriched.
        var enrichedBy: [String: Set<String>] = [:]
        /// Holdings; `nil` until first needed when the catalogue was opened from files.
        var holdings: HoldingsStore?

        func kind(_ key: RecordKey, commonAgency: String) -> Layer? {
            if let k = kinds[key] { return k }
            return key.agency == commonAgency ? .common : nil
        }
    }

    private let state: Mutex<State>
    private let writer: IndexWriter
    /// Where the catalogue was opened from (records and holdings load from there on first use).
    private let files: CatalogueFiles?
    /// The record → index document mapping (and its analyzer).
    public let indexing: RecordIndexing
    /// The agency records without one get (MARC21 records without `003`).
    public let defaultAgency: String
    /// Records that could not be keyed (no id) and were left out, as they were given.
    public let unkeyedRecords: [MARCRecord]

    /// Builds a catalogue in memory from records of every layer and holdings. Index documents are made on all cores.
    /// Records without an agency (MARC21 without `003`) belong to `defaultAgency`; records without an id are left out
    /// and listed in ``unkeyedRecords``.
    public init(
        records: [MARCRecord], holdings items: [HoldingsItem] = [], defaultAgency: String = Agency.common,
        analyzer: DanishAnalyzer = DanishAnalyzer()
    ) {
        indexing = RecordIndexing(analyzer: analyzer)
        self.defaultAgency = defaultAgency
        files = nil
        var layers = RecordLayers()
        var unkeyed: [MARCRecord] = []
        for r in records where layers.insert(r, defaultAgency: defaultAgency) == nil { unkeyed.append(r) }
        unkeyedRecords = unkeyed
        var s = State(layers: layers, holdings: HoldingsStore(items: items))
        let keys = layers.keys
        for key in keys { Self.classify(key, in: &s, layers: layers) }
        state = Mutex(s)
        writer = IndexWriter(analyzer: analyzer)
        writer.add(contentsOf: makeDocuments(for: keys, state: s))
    }

    /// Opens a catalogue from an index built earlier (``write(to:)``). The search index is memory-mapped and the
    /// small layer table is read; records and holdings are read only when first needed (``record(id:for:)``,
    /// updates, holdings-restricted searches), so opening for a plain search takes milliseconds.
    public init(directory: String, defaultAgency: String = Agency.common) throws(CatalogError) {
        let files = try CatalogueFiles.current(in: directory)
        let snapshot: IndexSnapshot
        do {
            snapshot = try IndexSnapshot.open(path: files.index, verifyChecksums: false)
        } catch {
            throw CatalogError(.io, "cannot open the search index: \(error)", file: files.index)
        }
        indexing = RecordIndexing(analyzer: snapshot.analyzer)
        self.defaultAgency = defaultAgency
        self.files = files
        unkeyedRecords = []
        var s = State(layers: nil, holdings: nil)
        try Self.readLayerTable(files.layers, into: &s)
        state = Mutex(s)
        writer = IndexWriter(base: snapshot)
    }

    /// The layer table: one line per enrichment or local record, `id TAB agency TAB e|l`.
    static func readLayerTable(_ path: String, into s: inout State) throws(CatalogError) {
        let storage: ByteStorage
        do { storage = try ByteStorage(mapping: path) } catch { throw CatalogError(.io, "\(error)", file: path) }
        var lineNumber = 0
        for line in String(decoding: storage.buffer, as: UTF8.self).split(separator: "\n") {
            lineNumber += 1
            let c = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard c.count == 3, c[2] == "e" || c[2] == "l" else {
                throw CatalogError(.io, "malformed layer table line \(lineNumber)", file: path, line: lineNumber)
            }
            let key = RecordKey(id: String(c[0]), agency: String(c[1]))
            if c[2] == "e" {
                s.kinds[key] = .enrichment
                s.enrichedBy[key.agency, default: []].insert(key.id)
            } else {
                s.kinds[key] = .local
            }
        }
    }

    /// Loads records and holdings from the catalogue files if they are not in memory yet.
    private func loaded(_ s: inout State) throws(CatalogError) {
        guard let files else { return }
        if s.layers == nil {
            var layers = RecordLayers()
            do {
                var reader = try ISO2709Reader(path: files.records)
                while let r = try reader.next() { layers.insert(r, defaultAgency: defaultAgency) }
            } catch {
                throw CatalogError(.io, "cannot read the catalogue records: \(error)", file: files.records)
            }
            s.layers = layers
        }
        if s.holdings == nil {
            let (items, _) = try HoldingsItem.readJSONLines(path: files.holdings)
            s.holdings = HoldingsStore(items: items)
        }
    }

    /// Runs `body` on the state with records and holdings in memory; a load failure gives `fallback`.
    private func withLoadedState<T: Sendable>(_ fallback: T, _ body: (inout State) -> sending T) -> T {
        let value: T? = state.withLock { s in
            do throws(CatalogError) {
                try loaded(&s)
            } catch {
                return nil
            }
            return body(&s)
        }
        return value ?? fallback
    }

    /// Holdings (items by agency, branch, status), updated item by item. Reads `holdings.jsonl` on first use when the
    /// catalogue was opened from files.
    public var holdings: HoldingsStore {
        withLoadedState(HoldingsStore()) { s in s.holdings ?? HoldingsStore() }
    }

    /// Writes the catalogue to `directory` (created if needed): `search.kix` (the index), `records.mrc` (every
    /// layer, ISO 2709), `layers.tsv`, `holdings.jsonl`.
    ///
    /// The files of one write form a generation in a subdirectory; the small `CURRENT` file that names the live
    /// generation is replaced atomically only after every file is written and synced. A crash or a failed write
    /// (a full disk) therefore leaves the previous catalogue readable and whole, never a mix of old and new files.
    public func write(to directory: String) throws(CatalogError) {
        let files = try CatalogueFiles.newGeneration(in: directory)
        do {
            try writer.write(to: files.index)
        } catch {
            throw CatalogError(.io, "cannot write the search index: \(error)", file: files.index)
        }
        let (records, table, holdingsStore) = try state.withLock { s throws(CatalogError) in
            try loaded(&s)
            let layers = s.layers ?? RecordLayers()
            let keys = layers.keys.sorted()
            var table: [[UInt8]] = []
            for key in keys {
                switch s.kinds[key] {
                case .enrichment?: table.append(Array("\(key.id)\t\(key.agency)\te\n".utf8))
                case .local?: table.append(Array("\(key.id)\t\(key.agency)\tl\n".utf8))
                default: break
                }
            }
            return (keys.compactMap { layers.record($0) }, table, s.holdings ?? HoldingsStore())
        }
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
            try AtomicFile.write(table, to: files.layers)
            let snapshot = holdingsStore.snapshot()
            let lines = snapshot.allItems.map { Array(($0.jsonLine + "\n").utf8) }
            try AtomicFile.write(lines, to: files.holdings)
        } catch {
            throw CatalogError(.io, "\(error)", file: directory)
        }
        try files.commit()
    }

    // MARK: Records

    /// Index terms that mark enrichment views and local records in the `agency` index (with and without the agency).
    static let enrichmentMarker = "enrichmentview"
    static let localMarker = "localrecord"

    /// The number of records in every layer.
    public var recordCount: Int { withLoadedState(0) { $0.layers?.count ?? 0 } }

    /// The record `id` as `agency` sees it (its enrichment merged onto the common record, its local record, or the
    /// common record); with `agency` `nil`, the common record.
    public func record(id: String, for agency: String?) -> MARCRecord? {
        withLoadedState(nil) { $0.layers?.mergedRecord(id: id, for: agency) }
    }

    /// The layer a stored record belongs to (`nil` for a key not in the catalogue).
    public func layer(of key: RecordKey) -> Layer? {
        withLoadedState(nil) { s in s.layers?.record(key) == nil ? nil : s.kind(key, commonAgency: Agency.common) }
    }

    /// Adds or replaces a record of any layer (a common record, an enrichment, a local record) and updates the
    /// index: every view the change affects is re-indexed before this returns.
    public func put(_ record: MARCRecord) throws(CatalogError) {
        guard let key = RecordKey(of: record, defaultAgency: defaultAgency) else {
            throw CatalogError(.invalidRecord, "the record has no 001 *a and *b (id and agency)")
        }
        let (affected, snapshot) = try state.withLock { s throws(CatalogError) -> ([RecordKey], State) in
            try loaded(&s)
            var layers = s.layers ?? RecordLayers()
            layers.insert(record, defaultAgency: defaultAgency)
            s.layers = layers
            var affected = [key]
            Self.classify(key, in: &s, layers: layers)
            if key.agency == Agency.common {
                // A new or changed common record changes every library's view of it.
                for (agency, ids) in s.enrichedBy where ids.contains(key.id) {
                    affected.append(RecordKey(id: key.id, agency: agency))
                }
                for other in affected.dropFirst() { Self.classify(other, in: &s, layers: layers) }
            }
            return (affected, s)
        }
        writer.add(contentsOf: makeDocuments(for: affected, state: snapshot))
    }

    /// Removes a record of any layer and updates the index.
    @discardableResult
    public func remove(_ key: RecordKey) -> MARCRecord? {
        let (removed, affected, snapshot) = withLoadedState((nil, [], State())) { s -> (MARCRecord?, [RecordKey], State) in
            var layers = s.layers ?? RecordLayers()
            let removed = layers.remove(key)
            s.layers = layers
            s.kinds[key] = nil
            s.enrichedBy[key.agency]?.remove(key.id)
            var affected: [RecordKey] = []
            if key.agency == Agency.common {
                // Enrichments of a removed common record become the libraries' own records.
                for (agency, ids) in s.enrichedBy where ids.contains(key.id) {
                    let k = RecordKey(id: key.id, agency: agency)
                    Self.classify(k, in: &s, layers: layers)
                    affected.append(k)
                }
            }
            return (removed, affected, s)
        }
        _ = writer.delete(id: key.id, agency: key.agency)
        writer.add(contentsOf: makeDocuments(for: affected, state: snapshot))
        return removed
    }

    // MARK: Local records

    /// Creates a local record: validates it (Docs/CATALOGUE.md), stores it durably in `store` (on disk before this
    /// returns), then indexes it, so it is searchable at once. Nothing is indexed when validation or storage fails.
    @discardableResult
    public func createLocalRecord(_ record: MARCRecord, in store: LocalRecordStore) throws(CatalogError) -> RecordKey {
        let key = try store.create(record)
        try put(record)
        return key
    }

    /// Replaces a local record in `store` (durably) and in the index.
    public func updateLocalRecord(_ record: MARCRecord, in store: LocalRecordStore) throws(CatalogError) {
        try store.update(record)
        try put(record)
    }

    /// Deletes a local record from `store` (durably) and from the index.
    public func deleteLocalRecord(_ key: RecordKey, in store: LocalRecordStore) throws(CatalogError) {
        try store.delete(key)
        remove(key)
    }

    /// Indexes every record of a local-record store (after opening a catalogue, to include its local records).
    public func addLocalRecords(from store: LocalRecordStore) throws(CatalogError) {
        for (_, record) in store.snapshot().sorted(by: { $0.key < $1.key }) { try put(record) }
    }

    /// Re-indexes the views of record `id` (after holdings changed which agencies hold it).
    public func reindex(id: String) {
        let (keys, snapshot) = withLoadedState(([], State())) { s in
            ((s.layers?.keys ?? []).filter { $0.id == RecordKey.normalizedID(id) }, s)
        }
        writer.add(contentsOf: makeDocuments(for: keys, state: snapshot))
    }

    static func classify(_ key: RecordKey, in s: inout State, layers: RecordLayers) {
        if key.agency == Agency.common {
            s.kinds[key] = nil  // common is the default
        } else if layers.record(RecordKey(id: key.id, agency: Agency.common)) != nil {
            s.kinds[key] = .enrichment
            s.enrichedBy[key.agency, default: []].insert(key.id)
        } else {
            s.kinds[key] = .local
            s.enrichedBy[key.agency]?.remove(key.id)
        }
    }

    private func makeDocuments(for keys: [RecordKey], state s: State) -> [IndexDocument] {
        guard let layers = s.layers else { return [] }
        let holdingsSnapshot = (s.holdings ?? HoldingsStore()).snapshot()
        let out = UnsafeMutableBufferPointer<IndexDocument?>.allocate(capacity: keys.count)
        out.initialize(repeating: nil)
        defer {
            out.deinitialize()
            out.deallocate()
        }
        let box = UnsafeSendable(out)
        let indexing = indexing
        let chunk = 256
        let chunks = (keys.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in (c * chunk)..<min(keys.count, (c + 1) * chunk) {
                let key = keys[i]
                let viewer: String? = s.kind(key, commonAgency: Agency.common) == .common ? nil : key.agency
                guard let record = layers.mergedRecord(id: key.id, for: viewer) else { continue }
                let summary = holdingsSnapshot.summary(forRecord: key.id)
                var doc = indexing.document(
                    for: record, agency: key.agency,
                    holdings: IndexDocument.Holdings(total: summary.overall.total, available: summary.overall.available))
                let holders = holdingsSnapshot.agencies(holding: key.id)
                if !holders.isEmpty { doc.fields["agency", default: []] += holders.sorted() }
                // Layer markers, so a search can select views with bitsets instead of reading stored fields.
                switch s.kind(key, commonAgency: Agency.common) {
                case .enrichment?: doc.fields["agency", default: []] += [Self.enrichmentMarker, Self.enrichmentMarker + key.agency]
                case .local?: doc.fields["agency", default: []] += [Self.localMarker, Self.localMarker + key.agency]
                default: break
                }
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
        let viewer = options.viewingAgency
        let agencies = options.agencies.isEmpty ? nil : Set(options.agencies)
        let available = options.availableOnly
        // Holdings are read from the files only when the search needs them; otherwise each hit's counts come from
        // the index (stored when it was built), which is what a plain search shows.
        let needsHoldings = agencies != nil || available
        let (kinds, enrichedByViewer, liveHoldings) = state.withLock { s in
            if needsHoldings { try? loaded(&s) }
            return (s.kinds, viewer.flatMap { s.enrichedBy[$0] } ?? [], s.holdings?.snapshot())
        }
        let holdingsSnapshot = liveHoldings ?? HoldingsSnapshot()
        let common = Agency.common
        var search = SearchOptions(
            limit: options.limit, offset: options.offset, sort: options.sort, descending: options.descending,
            facets: options.facets, facetLimit: options.facetLimit)
        if let agencies {
            let held = agencies.map { "agency = \"\($0)\"" }.joined(separator: " or ")
            if let heldQuery = try? CQLParser().parse(held) { search.filter = snapshot.documents(matching: heldQuery) }
        }
        // Views by bitsets over layer markers (see makeDocuments): a plain search reads no stored fields.
        func docs(_ cql: String) -> DocumentSet? {
            guard let q = try? CQLParser().parse(cql) else { return nil }
            let set = snapshot.documents(matching: q)
            return set.count == 0 ? nil : set
        }
        let enrichmentDocs = docs("agency = \(Self.enrichmentMarker)")
        let localDocs = viewer == nil || agencies != nil ? nil : docs("agency = \(Self.localMarker)")
        let ownEnrichments = viewer.flatMap { docs("agency = \(Self.enrichmentMarker)\($0)") }
        let ownLocals = viewer.flatMap { docs("agency = \(Self.localMarker)\($0)") }
        let readsStoredFields = available || !enrichedByViewer.isEmpty
        if enrichmentDocs != nil || localDocs != nil || readsStoredFields {
            search.predicate = { doc in
                if let e = enrichmentDocs, e.contains(doc) {
                    // An enrichment view: only the viewer's own.
                    guard ownEnrichments?.contains(doc) == true else { return false }
                } else if let l = localDocs, l.contains(doc) {
                    // Another library's local record, when searching as one library.
                    guard ownLocals?.contains(doc) == true else { return false }
                } else if !readsStoredFields {
                    return true
                }
                guard readsStoredFields else { return true }
                guard let hit = snapshot.storedFields(at: doc) else { return false }
                if hit.agency == common && enrichedByViewer.contains(hit.id) { return false }
                if available && !holdingsSnapshot.isAvailable(recordId: hit.id, agencies: agencies) { return false }
                return true
            }
        }
        let result = snapshot.search(query, options: search)
        let filter = HoldingsFilter(agencies: agencies, branches: nil, availableOnly: false)
        let hits = result.hits.map { hit in
            var summary: HoldingsSummary
            if liveHoldings != nil {
                summary = holdingsSnapshot.summary(forRecord: hit.id, filter: filter)
            } else {
                summary = HoldingsSummary()
                summary.overall = HoldingsCount(total: hit.holdings?.total ?? 0, available: hit.holdings?.available ?? 0)
            }
            return CatalogHit(
                hit: hit, layer: kinds[RecordKey(id: hit.id, agency: hit.agency)] ?? .common, holdings: summary)
        }
        return CatalogSearchResult(total: result.total, hits: hits, facets: result.facets)
    }

    /// Existing titles for an incoming record (acquisitions): by ISBN/ISSN first, then by title, author and year.
    public func matches(for incoming: MARCRecord, limit: Int = 10) -> [AcquisitionMatch] {
        matcher().matches(for: incoming, limit: limit)
    }

    /// A matcher over the common and local records (built on demand).
    public func matcher() -> AcquisitionsMatcher {
        let records = withLoadedState([]) { s in
            (s.layers?.keys ?? []).filter { s.kinds[$0] != .enrichment }.sorted().compactMap { s.layers?.record($0) }
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

/// The files of a catalogue directory: `ROOT/CURRENT` names the live generation `ROOT/gen-N/`, which holds the files.
/// A directory without `CURRENT` holding the files directly is read as well.
struct CatalogueFiles {
    let root: String
    let directory: String
    let generation: Int
    var index: String { directory + "/search.kix" }
    var records: String { directory + "/records.mrc" }
    var holdings: String { directory + "/holdings.jsonl" }
    var layers: String { directory + "/layers.tsv" }

    /// The live generation of `root`.
    static func current(in root: String) throws(CatalogError) -> CatalogueFiles {
        guard let text = FileSystem.readSmallFile(root + "/CURRENT", limit: 256) else {
            guard access(root + "/search.kix", R_OK) == 0 else {
                throw CatalogError(.notFound, "\(root) is not a catalogue index (no CURRENT, no search.kix)", file: root)
            }
            return CatalogueFiles(root: root, directory: root, generation: 0)
        }
        let name = text.filter { !$0.isWhitespace }
        guard name.hasPrefix("gen-"), let n = Int(name.dropFirst(4)), n > 0 else {
            throw CatalogError(.io, "\(root)/CURRENT does not name a generation (\"\(name.prefix(40))\")", file: root + "/CURRENT")
        }
        return CatalogueFiles(root: root, directory: root + "/" + name, generation: n)
    }

    /// A new, empty generation directory after the live one (leftovers of an interrupted write are removed).
    static func newGeneration(in root: String) throws(CatalogError) -> CatalogueFiles {
        if mkdir(root, 0o755) != 0 && errno != EEXIST {
            throw CatalogError(.io, "cannot create directory \(root): \(String(cString: strerror(errno)))", file: root)
        }
        let live = (try? current(in: root))?.generation ?? 0
        let n = live + 1
        let directory = root + "/gen-\(n)"
        FileSystem.removeTree(directory)
        if mkdir(directory, 0o755) != 0 {
            throw CatalogError(.io, "cannot create directory \(directory): \(String(cString: strerror(errno)))", file: directory)
        }
        return CatalogueFiles(root: root, directory: directory, generation: n)
    }

    /// Makes this generation the live one (atomically replacing `CURRENT`), then removes the others.
    func commit() throws(CatalogError) {
        let dfd = open(directory, O_RDONLY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
        do {
            try AtomicFile.write([Array("gen-\(generation)\n".utf8)], to: root + "/CURRENT")
        } catch {
            throw CatalogError(.io, "cannot switch to the new catalogue: \(error)", file: root + "/CURRENT")
        }
        // Older generations and files of the flat layout are no longer read.
        let flat = ["search.kix", "records.mrc", "holdings.jsonl", "layers.tsv"]
        for name in FileSystem.entries(of: root) ?? []
        where (name.hasPrefix("gen-") && name != "gen-\(generation)") || flat.contains(name) {
            FileSystem.removeTree(root + "/" + name)
        }
    }
}
