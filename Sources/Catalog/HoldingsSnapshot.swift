/// An immutable view of all holdings at one moment: safe to share across threads and to keep while the
/// ``HoldingsStore`` changes (later changes do not show in it).
///
/// ```swift
/// let holdings = store.snapshot()
/// let cooperation: Set<String> = ["330101", "330102"]
/// holdings.summary(forRecord: "29526249", filter: HoldingsFilter(agencies: cooperation)).overall   // total, available
/// holdings.isAvailable(recordId: "29526249", agencies: cooperation)
/// ```
public struct HoldingsSnapshot: Sendable {
    struct ItemKey: Hashable, Sendable {
        var agency: String
        var itemId: String
    }

    private var items = ShardedDictionary<ItemKey, HoldingsItem>()
    private var byRecord = ShardedDictionary<String, Set<ItemKey>>()
    private var byAgency: [String: ShardedDictionary<ItemKey, Bool>] = [:]
    /// Increases with every change made through the store; equal versions hold equal contents.
    public private(set) var version: UInt64 = 0

    /// An empty snapshot.
    public init() {}

    /// The number of items.
    public var itemCount: Int { items.count }

    /// The agencies that hold at least one item.
    public var agencies: Set<String> { Set(byAgency.keys) }

    /// The item with this key, or `nil`.
    public func item(agency: String, itemId: String) -> HoldingsItem? {
        items[ItemKey(agency: agency, itemId: itemId)]
    }

    /// The record's items that pass `filter`, ordered by agency, branch, department, location, sublocation, item id.
    public func items(forRecord recordId: String, filter: HoldingsFilter = .all) -> [HoldingsItem] {
        guard let keys = byRecord[RecordKey.normalizedID(recordId)] else { return [] }
        return keys.compactMap { items[$0] }.filter(filter.admits).sorted {
            ($0.agency, $0.branch, $0.department, $0.location, $0.sublocation, $0.itemId)
                < ($1.agency, $1.branch, $1.department, $1.location, $1.sublocation, $1.itemId)
        }
    }

    /// Counts of the record's items that pass `filter`: overall, per agency and per branch.
    public func summary(forRecord recordId: String, filter: HoldingsFilter = .all) -> HoldingsSummary {
        var summary = HoldingsSummary()
        for key in byRecord[RecordKey.normalizedID(recordId)] ?? [] {
            if let item = items[key], filter.admits(item) { summary.add(item) }
        }
        return summary
    }

    /// True when one of `agencies` (all agencies when `nil`) has a copy of the record on the shelf.
    public func isAvailable(recordId: String, agencies: Set<String>? = nil) -> Bool {
        let filter = HoldingsFilter(agencies: agencies, availableOnly: true)
        return (byRecord[RecordKey.normalizedID(recordId)] ?? []).contains { key in
            items[key].map(filter.admits) ?? false
        }
    }

    /// The agencies holding at least one item of the record.
    public func agencies(holding recordId: String) -> Set<String> {
        var out = Set<String>()
        for key in byRecord[RecordKey.normalizedID(recordId)] ?? [] { out.insert(key.agency) }
        return out
    }

    /// Every item, ordered by agency, record and item id (for saving).
    public var allItems: [HoldingsItem] {
        var out: [HoldingsItem] = []
        out.reserveCapacity(items.count)
        items.forEach { _, item in out.append(item) }
        return out.sorted { ($0.agency, $0.recordId, $0.itemId) < ($1.agency, $1.recordId, $1.itemId) }
    }

    /// The ids of the records with at least one item passing `filter`: what a holdings-restricted search
    /// intersects its hits with. Costs one pass over the items of the filter's agencies.
    public func recordIds(matching filter: HoldingsFilter) -> Set<String> {
        var out = Set<String>()
        if let agencies = filter.agencies {
            for agency in agencies {
                byAgency[agency]?.forEach { key, _ in
                    if let item = items[key], filter.admits(item) { out.insert(item.recordId) }
                }
            }
        } else {
            items.forEach { _, item in
                if filter.admits(item) { out.insert(item.recordId) }
            }
        }
        return out
    }

    // MARK: Changes (used by HoldingsStore)

    /// Adds or replaces an item; returns the item it replaced.
    @discardableResult
    mutating func upsert(_ item: HoldingsItem) -> HoldingsItem? {
        let key = ItemKey(agency: item.agency, itemId: item.itemId)
        let old = items[key]
        items[key] = item
        if let old, old.recordId != item.recordId { unindex(key, recordId: old.recordId) }
        if old?.recordId != item.recordId {
            var keys = byRecord[item.recordId] ?? []
            byRecord[item.recordId] = nil  // leave the set uniquely owned while it grows
            keys.insert(key)
            byRecord[item.recordId] = keys
        }
        if old == nil { byAgency[item.agency, default: ShardedDictionary(shardCount: 16)][key] = true }
        version &+= 1
        return old
    }

    /// Removes an item; returns it, or `nil` when there was none.
    @discardableResult
    mutating func remove(agency: String, itemId: String) -> HoldingsItem? {
        let key = ItemKey(agency: agency, itemId: itemId)
        guard let old = items[key] else { return nil }
        items[key] = nil
        unindex(key, recordId: old.recordId)
        byAgency[agency]?[key] = nil
        if byAgency[agency]?.isEmpty == true { byAgency[agency] = nil }
        version &+= 1
        return old
    }

    private mutating func unindex(_ key: ItemKey, recordId: String) {
        guard var keys = byRecord[recordId] else { return }
        byRecord[recordId] = nil
        keys.remove(key)
        if !keys.isEmpty { byRecord[recordId] = keys }
    }
}
