import SearchIndex
import TextAnalysis

/// A small Danish catalogue for the index tests.
enum Fixtures {
    static let analyzer = DanishAnalyzer()

    struct Row {
        var id: String
        var agency = "870970"
        var title: String
        var nonFiling = 0
        var authors: [String] = []
        var subjects: [String] = []
        var year: Int?
        var isbn: [String] = []
        var type = "bog"
        var language = "dan"
        var publisher = ""
        var holdings: IndexDocument.Holdings?
    }

    static func document(_ r: Row) -> IndexDocument {
        var fields: [String: [String]] = [
            "title": [r.title], "author": r.authors, "subject": r.subjects, "isbn": r.isbn,
            "type": [r.type], "language": [r.language], "phrase.title": [r.title],
            "phrase.author": r.authors, "phrase.subject": r.subjects,
        ]
        if let y = r.year { fields["year"] = [String(y)] }
        if !r.publisher.isEmpty { fields["publisher"] = [r.publisher] }
        return IndexDocument(
            id: r.id, agency: r.agency, fields: fields, title: r.title, author: r.authors.first ?? "",
            year: r.year.map(String.init) ?? "",
            sortTitle: analyzer.sortKey(r.title, nonFilingCount: r.nonFiling),
            sortAuthor: analyzer.sortKey(r.authors.first ?? ""), sortYear: r.year,
            facets: [
                "type": [r.type], "language": [r.language], "year": r.year.map { [String($0)] } ?? [],
                "author": r.authors, "subject": r.subjects,
            ], holdings: r.holdings)
    }

    static let rows: [Row] = [
        Row(id: "D01", title: "Enten - eller", authors: ["Kierkegaard, Søren"], subjects: ["filosofi", "eksistentialisme"],
            year: 1843, isbn: ["978-87-02-01234-7"], publisher: "Gyldendal", holdings: .init(total: 3, available: 1)),
        Row(id: "D02", title: "Frygt og bæven", authors: ["Kierkegaard, Søren"], subjects: ["filosofi", "religion"],
            year: 1843, isbn: ["9788711122235"], publisher: "Gyldendal"),
        Row(id: "D03", title: "Den lille prins", nonFiling: 4, authors: ["Saint-Exupéry, Antoine de"],
            subjects: ["eventyr", "børnebøger"], year: 1998, isbn: ["978-87-654-3210-6"], publisher: "Lindhardt og Ringhof"),
        Row(id: "D04", title: "Babettes gæstebud", authors: ["Blixen, Karen"], subjects: ["noveller"], year: 1958),
        Row(id: "D05", agency: "710100", title: "Den afrikanske farm", nonFiling: 4, authors: ["Blixen, Karen"],
            subjects: ["Afrika", "erindringer"], year: 1937),
        Row(id: "D06", title: "Syv fantastiske fortællinger", authors: ["Blixen, Karen"], subjects: ["noveller"], year: 1935),
        Row(id: "D07", title: "Kongens fald", authors: ["Jensen, Johannes V."], subjects: ["historiske romaner"], year: 1901),
        Row(id: "D08", title: "Frøken Smillas fornemmelse for sne", authors: ["Høeg, Peter"], subjects: ["krimi", "Grønland"],
            year: 1992, isbn: ["9788700000018"]),
        Row(id: "D09", title: "Aalborg før og nu", authors: ["Aagaard, Søren"], subjects: ["Aalborg", "lokalhistorie"], year: 1975),
        Row(id: "D10", title: "Pelle Erobreren", authors: ["Nexø, Martin Andersen"], subjects: ["arbejderlitteratur"], year: 1906),
        Row(id: "D11", agency: "710100", title: "Kvinden i buret", authors: ["Adler-Olsen, Jussi"], subjects: ["krimi"], year: 2007),
        Row(id: "D12", title: "Det forsømte forår", nonFiling: 4, authors: ["Scherfig, Hans"], subjects: ["skoleliv"], year: 1940),
        Row(id: "D13", title: "Den grimme ælling", nonFiling: 4, authors: ["Andersen, H.C."], subjects: ["eventyr"], year: 1844),
        Row(id: "D14", title: "Kejserens nye klæder", authors: ["Andersen, H.C."], subjects: ["eventyr"], year: 1837),
        Row(id: "D15", title: "The little prince", nonFiling: 4, authors: ["Saint-Exupéry, Antoine de"],
            subjects: ["eventyr"], year: 1943, language: "eng"),
        Row(id: "D16", title: "Babettes gæstebud", authors: ["Axel, Gabriel", "Blixen, Karen"], subjects: ["spillefilm"],
            year: 1987, type: "film"),
        Row(id: "D17", title: "Karen Blixen i Danmark", authors: ["Thurman, Judith"], subjects: ["Blixen, Karen"],
            year: 1982, isbn: ["978-87-456-7890-6"]),
        Row(id: "D18", title: "Ålborg i billeder", authors: ["Østergaard, Åse"], subjects: ["Ålborg"], year: 2010),
        Row(id: "D19", title: "Æbler og pærer", authors: ["Ørum, Poul"], subjects: ["havebrug"], year: 2015),
        Row(id: "D20", title: "Sommerhus på Fanø", authors: ["Ærø, Anne"], subjects: ["sommerhuse"], year: 2020),
    ]

    static let documents: [IndexDocument] = rows.map(document)
    static let index = IndexSnapshot.build(documents, analyzer: analyzer)
}

extension IndexSnapshot {
    /// Hit ids (all hits, in result order).
    func ids(_ cql: String, sort: SortKey? = nil, descending: Bool = false) throws -> [String] {
        try search(cql, options: SearchOptions(limit: 1000, sort: sort, descending: descending)).hits.map(\.id)
    }

    /// Hit ids as a set.
    func idSet(_ cql: String) throws -> Set<String> { Set(try ids(cql)) }
}
