/// The answer to a search: how many matched, one page of hits, and facet counts.
public struct SearchResult: Sendable, Hashable {
    /// Number of matching documents (after filters).
    public var total: Int
    /// Whether ``total`` counts every match; false only when ``SearchOptions/exactTotal`` was false and the
    /// search stopped counting early, and then ``total`` is a lower bound.
    public var totalIsExact: Bool
    /// The requested page of hits, in sort order.
    public var hits: [SearchHit]
    /// Facet counts over all matching documents, in the order requested.
    public var facets: [FacetResult]

    /// Creates a result.
    public init(total: Int, hits: [SearchHit], facets: [FacetResult], totalIsExact: Bool = true) {
        self.total = total
        self.totalIsExact = totalIsExact
        self.hits = hits
        self.facets = facets
    }
}

/// One hit with its display fields.
public struct SearchHit: Sendable, Hashable {
    /// Index of the document in the snapshot's document space (stable within one snapshot).
    public var docIndex: Int
    /// Record id.
    public var id: String
    /// Owning agency.
    public var agency: String
    /// BM25 score (0 for documents matched only by ranges or `cql.allRecords`).
    public var score: Double
    /// Display title.
    public var title: String
    /// Display author.
    public var author: String
    /// Display year.
    public var year: String
    /// Holdings counts, when the document carried them.
    public var holdings: IndexDocument.Holdings?

    /// Creates a hit.
    public init(
        docIndex: Int, id: String, agency: String, score: Double, title: String, author: String, year: String,
        holdings: IndexDocument.Holdings?
    ) {
        self.docIndex = docIndex
        self.id = id
        self.agency = agency
        self.score = score
        self.title = title
        self.author = author
        self.year = year
        self.holdings = holdings
    }
}

/// Counts for one facet.
public struct FacetResult: Sendable, Hashable {
    /// The facet name (`type`, `language`, `year`, `author`, `subject`).
    public var name: String
    /// Values with counts: most frequent first, ties by value.
    public var values: [FacetCount]

    /// Creates a facet result.
    public init(name: String, values: [FacetCount]) {
        self.name = name
        self.values = values
    }
}

/// One facet value and how many hits carry it.
public struct FacetCount: Sendable, Hashable {
    /// The value.
    public var value: String
    /// Number of matching documents with the value.
    public var count: Int

    /// Creates a count.
    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}
