/// One physical copy a library holds of a record: where it is (agency → branch → department → location →
/// sublocation), its id or barcode, its status and its loan restriction.
///
/// Items are keyed by (``agency``, ``itemId``). The record id is kept without blanks.
/// ```swift
/// HoldingsItem(agency: "710100", recordId: "29526249", branch: "Hovedbiblioteket", department: "Voksen",
///              location: "Skønlitteratur", itemId: "5010234567", status: .onShelf)
/// ```
public struct HoldingsItem: Hashable, Sendable {
    /// An item's circulation status (DBC holdings-items' status values, in Kartotek's spelling).
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// On the shelf: available.
        case onShelf
        /// Lent out.
        case onLoan
        /// Ordered by the library (acquisition placed, not yet received).
        case ordered
        /// On order from the supplier and expected (holdings-items `OnOrder`, danMARC2 096 *r e).
        case onOrder
        /// Lost or missing.
        case lost
        /// Withdrawn from the collection.
        case discarded

        /// Parses a status leniently: Kartotek's names in any case (`onShelf`, `OnShelf`, `on_shelf`), DBC
        /// holdings-items names (`NotForLoan` and `Online` count as on the shelf, `Decommissioned` as discarded),
        /// and common English and Danish words. `nil` when unknown.
        public init?(parsing text: String) {
            let key = String(text.lowercased().filter { $0.isLetter })
            switch key {
            case "onshelf", "available", "notforloan", "online", "hjemme", "påhylden", "tilstede": self = .onShelf
            case "onloan", "loaned", "checkedout", "udlånt", "udlaant": self = .onLoan
            case "ordered", "bestilt": self = .ordered
            case "onorder", "iordre", "ibestilling", "forventet": self = .onOrder
            case "lost", "missing", "bortkommet", "mistet", "savnet": self = .lost
            case "discarded", "decommissioned", "withdrawn", "kasseret", "udgået": self = .discarded
            default: return nil
            }
        }
    }

    /// The holding agency (six-digit library number or ISIL).
    public var agency: String
    /// The bibliographic record's id (faust), blanks removed.
    public var recordId: String
    /// The branch (a name such as "Hovedbiblioteket", or a branch id such as `710104` or `DK-761501`).
    public var branch: String
    /// The department within the branch ("Voksen", "Børn").
    public var department: String
    /// The location within the department ("Lydbøger", a shelf mark).
    public var location: String
    /// The sublocation ("CD", a shelf-mark addition).
    public var sublocation: String
    /// The item id or barcode, unique within the agency.
    public var itemId: String
    /// The circulation status.
    public var status: Status
    /// The danMARC2 096 *r loan restriction code(s), `a`–`g`, or empty for none.
    public var loanRestriction: String

    /// Creates an item.
    public init(
        agency: String, recordId: String, branch: String = "", department: String = "", location: String = "",
        sublocation: String = "", itemId: String, status: Status = .onShelf, loanRestriction: String = ""
    ) {
        self.agency = agency
        self.recordId = RecordKey.normalizedID(recordId)
        self.branch = branch
        self.department = department
        self.location = location
        self.sublocation = sublocation
        self.itemId = itemId
        self.status = status
        self.loanRestriction = loanRestriction
    }

    /// True when the item is on the shelf (whatever its loan restriction: it can be found and used there).
    public var isAvailable: Bool { status == .onShelf }
}
