import MARC

/// Finds the existing titles an incoming record (from a supplier, an order) may duplicate: first by ISBN/ISSN
/// (ISBN-10 ⇄ 13), then by a normalised title + author + year key, ranked by score, each with its reasons.
///
/// Building the matcher makes hash maps over the catalogue's keys (O(n)); each lookup costs O(candidates).
/// Title keys use Danish-aware folding (aa→å, ä→æ, ö→ø, é→e) and a spelling-tolerant author skeleton, so a changed
/// subtitle or Kierkegaard/Kierkegård still matches.
/// ```swift
/// let matcher = AcquisitionsMatcher(catalogue: existing)
/// for match in matcher.matches(for: incoming) { print(match.record, match.score, match.explanation) }
/// ```
public struct AcquisitionsMatcher: Sendable {
    private let features: [MatchFeatures]
    private let keys: [RecordKey?]
    private let byISBN: [String: [Int]]
    private let byISSN: [String: [Int]]
    private let byTitle: [String: [Int]]
    private let normalize: @Sendable (String) -> String

    /// Builds the matcher over `catalogue`. MARC21 records without `003` get `defaultAgency` in their key.
    /// `normalize` folds titles and names (Kartotek's Danish folding unless another is given, e.g. TextAnalysis's
    /// analyzer); it must map equal-looking text to equal strings.
    public init(
        catalogue: [MARCRecord], defaultAgency: String = Agency.common,
        normalize: (@Sendable (String) -> String)? = nil
    ) {
        let fold = normalize ?? { MatchFolding.fold($0) }
        self.normalize = fold
        var features: [MatchFeatures] = []
        var keys: [RecordKey?] = []
        var byISBN: [String: [Int]] = [:]
        var byISSN: [String: [Int]] = [:]
        var byTitle: [String: [Int]] = [:]
        features.reserveCapacity(catalogue.count)
        for (i, record) in catalogue.enumerated() {
            let f = MatchFeatures(record, normalize: fold)
            for isbn in f.isbns { byISBN[isbn, default: []].append(i) }
            for issn in f.issns { byISSN[issn, default: []].append(i) }
            if let key = f.titleKey { byTitle[key, default: []].append(i) }
            features.append(f)
            keys.append(RecordKey(of: record, defaultAgency: defaultAgency))
        }
        self.features = features
        self.keys = keys
        self.byISBN = byISBN
        self.byISSN = byISSN
        self.byTitle = byTitle
    }

    /// The number of catalogue records.
    public var count: Int { features.count }

    /// The existing records that may be `incoming`, best first (ties by position), at most `limit`, each scoring at
    /// least `minimumScore`.
    public func matches(for incoming: MARCRecord, limit: Int = 10, minimumScore: Double = 0.5) -> [AcquisitionMatch] {
        let wanted = MatchFeatures(incoming, normalize: normalize)
        var candidates = Set<Int>()
        for isbn in wanted.isbns { candidates.formUnion(byISBN[isbn] ?? []) }
        for issn in wanted.issns { candidates.formUnion(byISSN[issn] ?? []) }
        if let key = wanted.titleKey { candidates.formUnion(byTitle[key] ?? []) }

        var out: [AcquisitionMatch] = []
        for i in candidates {
            let (score, reasons) = Self.compare(existing: features[i], incoming: wanted)
            if score >= minimumScore {
                out.append(AcquisitionMatch(index: i, record: keys[i], score: score, reasons: reasons))
            }
        }
        out.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        return Array(out.prefix(max(0, limit)))
    }

    /// Groups of catalogue records that share an ISBN, or the same title, subtitle, author and year.
    public func duplicates() -> [CatalogueDuplicate] {
        var groups: [[Int]: [MatchReason]] = [:]
        for (isbn, indices) in byISBN where Set(indices).count > 1 {
            groups[Array(Set(indices)).sorted(), default: []].append(.isbn(isbn))
        }
        var byDuplicateKey: [String: [Int]] = [:]
        for (i, f) in features.enumerated() {
            if let key = f.duplicateKey { byDuplicateKey[key, default: []].append(i) }
        }
        for (_, indices) in byDuplicateKey where indices.count > 1 {
            let year = features[indices[0]].year
            groups[indices, default: []].append(contentsOf: [.title, .subtitle, .author] + (year.isEmpty ? [] : [.year(year)]))
        }
        return groups.map { indices, reasons in
            CatalogueDuplicate(
                indices: indices, records: indices.compactMap { keys[$0] },
                reasons: reasons.sorted { $0.description < $1.description })
        }.sorted { $0.indices.lexicographicallyPrecedes($1.indices) }
    }

    static func compare(existing e: MatchFeatures, incoming w: MatchFeatures) -> (Double, [MatchReason]) {
        var reasons: [MatchReason] = []
        var identifierScore = 0.0
        if let isbn = w.isbns.first(where: e.isbns.contains) {
            reasons.append(.isbn(isbn))
            identifierScore = 1.0
        }
        if let issn = w.issns.first(where: e.issns.contains) {
            reasons.append(.issn(issn))
            identifierScore = max(identifierScore, 0.9)
        }
        var titleScore = 0.0
        if !w.title.isEmpty && e.title == w.title && e.authorSkeleton == w.authorSkeleton {
            titleScore = 0.45
            reasons.append(.title)
            if e.author == w.author {
                titleScore += 0.3
                reasons.append(.author)
            } else {
                titleScore += 0.2
                reasons.append(.authorSpelling(existing: e.author, incoming: w.author))
            }
            if !e.year.isEmpty && e.year == w.year {
                titleScore += 0.15
                reasons.append(.year(e.year))
            } else {
                reasons.append(.yearDiffers(existing: e.year, incoming: w.year))
            }
            if e.subtitle == w.subtitle {
                titleScore += 0.05
                if !e.subtitle.isEmpty { reasons.append(.subtitle) }
            } else {
                reasons.append(.subtitleDiffers)
            }
        }
        let score = (max(identifierScore, titleScore) * 1000).rounded() / 1000
        return (score, reasons)
    }
}
