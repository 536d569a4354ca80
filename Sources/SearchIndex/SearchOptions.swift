/// How to run a search: paging, sorting, facets and an optional filter.
public struct SearchOptions: Sendable {
    /// Most hits returned.
    public var limit: Int
    /// Hits skipped before the first returned.
    public var offset: Int
    /// Sort order; nil uses the query's `sortBy`, or relevance.
    public var sort: SortKey?
    /// Reverse the sort (relevance descending is already best first; this gives worst first).
    public var descending: Bool
    /// Facets to count over the whole hit set (names from ``IndexSchema/facets``), in output order.
    public var facets: [String]
    /// Values per facet, most frequent first.
    public var facetLimit: Int
    /// Only documents in this set can match (e.g. an agency's holdings, available copies).
    public var filter: DocumentSet?
    /// Only documents for which this returns true can match (called once per candidate hit).
    public var predicate: (@Sendable (Int) -> Bool)?
    /// Whether ``SearchResult/total`` must count every match (the default). When false, a relevance-ranked
    /// search without facets, filter or predicate may stop counting once no further document can enter the
    /// requested page, and passes over postings whose score bound is too low (block-max pruning, as
    /// tantivy's `count=False` or Lucene's total-hits threshold); ``SearchResult/totalIsExact`` then says
    /// whether `total` is exact or a lower bound. Hits, scores and their order are the same either way.
    public var exactTotal: Bool

    /// Creates options.
    public init(
        limit: Int = 10, offset: Int = 0, sort: SortKey? = nil, descending: Bool = false, facets: [String] = [],
        facetLimit: Int = 10, filter: DocumentSet? = nil, predicate: (@Sendable (Int) -> Bool)? = nil,
        exactTotal: Bool = true
    ) {
        self.limit = limit
        self.offset = offset
        self.sort = sort
        self.descending = descending
        self.facets = facets
        self.facetLimit = facetLimit
        self.filter = filter
        self.predicate = predicate
        self.exactTotal = exactTotal
    }
}
