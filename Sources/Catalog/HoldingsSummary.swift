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
