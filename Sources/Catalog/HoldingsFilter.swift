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
