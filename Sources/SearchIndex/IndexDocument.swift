/// One document as the search index sees it: what to index, what to show, how to sort and facet.
///
/// The catalogue layer maps a MARC record (danMARC2 or MARC21) to this value; the index analyses
/// the field values itself with ``DanishAnalyzer`` (and `ISBN.indexForm` for ISBNs).
///
/// ```swift
/// let doc = IndexDocument(
///     id: "22677780", agency: "870970",
///     fields: ["title": ["Den lille prins"], "author": ["Saint-Exupéry, Antoine de"], "year": ["1998"]],
///     title: "Den lille prins", author: "Antoine de Saint-Exupéry", year: "1998",
///     sortTitle: analyzer.sortKey("Den lille prins", nonFilingCount: 4), sortYear: 1998,
///     facets: ["type": ["bog"], "year": ["1998"]])
/// ```
public struct IndexDocument: Sendable, Hashable {
    /// Holdings counts shown with a hit (the catalogue layer computes them).
    public struct Holdings: Sendable, Hashable {
        /// Number of items.
        public var total: Int
        /// Number of items on the shelf now.
        public var available: Int
        /// Creates holdings counts.
        public init(total: Int, available: Int) {
            self.total = total
            self.available = available
        }
    }

    /// The record id (danMARC2 001 *a, MARC21 001).
    public var id: String
    /// The owning agency (danMARC2 001 *b), e.g. "870970".
    public var agency: String
    /// Values per index name (`title`, `author`, …, `phrase.title`); see ``IndexSchema``.
    /// `id` and `agency` are indexed from ``id`` and ``agency`` when absent here.
    public var fields: [String: [String]]
    /// Title shown in results.
    public var title: String
    /// Author shown in results.
    public var author: String
    /// Year shown in results.
    public var year: String
    /// Danish filing key of the title (`DanishAnalyzer.sortKey`); compared as bytes.
    public var sortTitle: [UInt8]
    /// Danish filing key of the main author; compared as bytes.
    public var sortAuthor: [UInt8]
    /// Year used for sorting and year ranges (`år >= 1990`, `year within "1990 2000"`).
    public var sortYear: Int?
    /// Facet values per facet name: `type`, `language`, `year`, `author`, `subject`.
    public var facets: [String: [String]]
    /// Holdings counts, if the catalogue supplies them.
    public var holdings: Holdings?

    /// Creates a document.
    public init(
        id: String, agency: String, fields: [String: [String]] = [:],
        title: String = "", author: String = "", year: String = "",
        sortTitle: [UInt8] = [], sortAuthor: [UInt8] = [], sortYear: Int? = nil,
        facets: [String: [String]] = [:], holdings: Holdings? = nil
    ) {
        self.id = id
        self.agency = agency
        self.fields = fields
        self.title = title
        self.author = author
        self.year = year
        self.sortTitle = sortTitle
        self.sortAuthor = sortAuthor
        self.sortYear = sortYear
        self.facets = facets
        self.holdings = holdings
    }
}
