/// Why an existing record matches an incoming one.
public enum MatchReason: Hashable, Sendable, CustomStringConvertible {
    /// The same ISBN (ISBN-10 and ISBN-13 compared in their 13-digit form, given here).
    case isbn(String)
    /// The same ISSN.
    case issn(String)
    /// The same main title (after Danish folding; non-filing words and subtitle left out).
    case title
    /// The same subtitle as well.
    case subtitle
    /// The main titles agree but the subtitles differ (or one is missing).
    case subtitleDiffers
    /// The same main-entry author (surname or corporate name after folding), or no author on either side.
    case author
    /// The authors agree only in spelling-tolerant form (Kierkegaard / Kirkegaard).
    case authorSpelling(existing: String, incoming: String)
    /// The same year of publication.
    case year(String)
    /// Different years (another edition or printing), or one is unknown.
    case yearDiffers(existing: String, incoming: String)

    /// A short English phrase.
    public var description: String {
        switch self {
        case .isbn(let v): "same ISBN \(v)"
        case .issn(let v): "same ISSN \(v)"
        case .title: "same title"
        case .subtitle: "same subtitle"
        case .subtitleDiffers: "subtitle differs"
        case .author: "same author"
        case .authorSpelling(let e, let i): "author spelt differently (\(e) / \(i))"
        case .year(let y): "same year \(y)"
        case .yearDiffers(let e, let i): "year differs (\(e.isEmpty ? "unknown" : e) / \(i.isEmpty ? "unknown" : i))"
        }
    }
}

/// One existing record that may be the incoming title: where it is, how sure the match is, and why.
public struct AcquisitionMatch: Hashable, Sendable {
    /// The existing record's position in the catalogue the matcher was built from.
    public var index: Int
    /// The existing record's key, when it has an id and agency.
    public var record: RecordKey?
    /// 0…1: 1.0 for the same ISBN, 0.9 for the same ISSN; by title: 0.45 title + 0.3 author (0.2 when only the
    /// spelling-tolerant form agrees) + 0.15 year + 0.05 subtitle.
    public var score: Double
    /// Why, strongest first.
    public var reasons: [MatchReason]

    /// The reasons as one phrase: `same ISBN 9788702284791; same title; same author`.
    public var explanation: String { reasons.map(\.description).joined(separator: "; ") }
}

/// Records in the catalogue that look like the same title.
public struct CatalogueDuplicate: Hashable, Sendable {
    /// Their positions in the catalogue, ascending.
    public var indices: [Int]
    /// Their keys (those that have one), in the same order.
    public var records: [RecordKey]
    /// What they share: ISBNs, or title + author + year.
    public var reasons: [MatchReason]
}
