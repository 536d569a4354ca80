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

/// Which items a holdings query looks at: some agencies (a school-library cooperation), some branches, and
/// whether only items on the shelf count.
public struct HoldingsFilter: Hashable, Sendable {
    /// Only these agencies; `nil` for all.
    public var agencies: Set<String>?
    /// Only these branches (matched against ``HoldingsItem/branch``); `nil` for all.
    public var branches: Set<String>?
    /// Only items on the shelf.
    public var availableOnly: Bool

    /// Creates a filter; the defaults admit every item.
    public init(agencies: Set<String>? = nil, branches: Set<String>? = nil, availableOnly: Bool = false) {
        self.agencies = agencies
        self.branches = branches
        self.availableOnly = availableOnly
    }

    /// Every item.
    public static let all = HoldingsFilter()

    /// True when `item` passes the filter.
    public func admits(_ item: HoldingsItem) -> Bool {
        if let agencies, !agencies.contains(item.agency) { return false }
        if let branches, !branches.contains(item.branch) { return false }
        if availableOnly, !item.isAvailable { return false }
        return true
    }
}

/// A number of items and how many of them are on the shelf.
public struct HoldingsCount: Hashable, Sendable {
    /// All items counted.
    public var total: Int
    /// Items on the shelf.
    public var available: Int

    /// Creates a count.
    public init(total: Int = 0, available: Int = 0) {
        self.total = total
        self.available = available
    }

    mutating func add(_ item: HoldingsItem) {
        total += 1
        if item.isAvailable { available += 1 }
    }
}

/// The holdings of one record under a filter: overall, per agency, and per branch within each agency.
public struct HoldingsSummary: Hashable, Sendable {
    /// All admitted items.
    public var overall: HoldingsCount
    /// Per agency.
    public var byAgency: [String: HoldingsCount]
    /// Per agency, then per branch.
    public var byBranch: [String: [String: HoldingsCount]]

    /// Creates an empty summary.
    public init() {
        overall = HoldingsCount()
        byAgency = [:]
        byBranch = [:]
    }

    mutating func add(_ item: HoldingsItem) {
        overall.add(item)
        byAgency[item.agency, default: HoldingsCount()].add(item)
        byBranch[item.agency, default: [:]][item.branch, default: HoldingsCount()].add(item)
    }
}
