import Synchronization

/// The writer side of holdings: loads items and applies changes item by item, and hands out immutable
/// ``HoldingsSnapshot``s that searches read while updates go on.
///
/// ```swift
/// let store = HoldingsStore(items: try HoldingsItem.parseJSONLines(bytes).items)
/// try store.setStatus(.onLoan, agency: "710100", itemId: "5010234567")
/// let holdings = store.snapshot()   // unaffected by later changes
/// ```
/// Thread-safe. Taking a snapshot is O(1); a change made while snapshots are held copies only the table shards it
/// touches (each about 1/64 of the items), so item-by-item updates stay cheap while searches read.
public final class HoldingsStore: Sendable {
    private let state: Mutex<HoldingsSnapshot>

    /// Creates a store holding `items` (a later item with the same agency and item id replaces an earlier one).
    public init(items: [HoldingsItem] = []) {
        var snapshot = HoldingsSnapshot()
        for item in items { snapshot.upsert(item) }
        state = Mutex(snapshot)
    }

    /// The holdings as they are now.
    public func snapshot() -> HoldingsSnapshot {
        state.withLock { $0 }
    }

    /// Adds or replaces many items in one change.
    public func load(_ items: [HoldingsItem]) {
        state.withLock { snapshot in
            for item in items { snapshot.upsert(item) }
        }
    }

    /// Adds a new item. Throws ``CatalogError/Kind/duplicate`` when the agency already has an item with that id.
    public func add(_ item: HoldingsItem) throws(CatalogError) {
        try state.withLock { (snapshot) throws(CatalogError) in
            guard snapshot.item(agency: item.agency, itemId: item.itemId) == nil else {
                throw CatalogError(.duplicate, "agency \(item.agency) already has an item \(item.itemId)")
            }
            snapshot.upsert(item)
        }
    }

    /// Replaces an existing item (same agency and item id): a move, a new loan restriction. Throws
    /// ``CatalogError/Kind/notFound``.
    public func update(_ item: HoldingsItem) throws(CatalogError) {
        try state.withLock { (snapshot) throws(CatalogError) in
            guard snapshot.item(agency: item.agency, itemId: item.itemId) != nil else {
                throw CatalogError(.notFound, "agency \(item.agency) has no item \(item.itemId)")
            }
            snapshot.upsert(item)
        }
    }

    /// Changes an item's status (a loan, a return, a loss). Throws ``CatalogError/Kind/notFound``.
    public func setStatus(_ status: HoldingsItem.Status, agency: String, itemId: String) throws(CatalogError) {
        try state.withLock { (snapshot) throws(CatalogError) in
            guard var item = snapshot.item(agency: agency, itemId: itemId) else {
                throw CatalogError(.notFound, "agency \(agency) has no item \(itemId)")
            }
            item.status = status
            snapshot.upsert(item)
        }
    }

    /// Removes an item and returns it. Throws ``CatalogError/Kind/notFound``.
    @discardableResult
    public func remove(agency: String, itemId: String) throws(CatalogError) -> HoldingsItem {
        try state.withLock { (snapshot) throws(CatalogError) -> HoldingsItem in
            guard let old = snapshot.remove(agency: agency, itemId: itemId) else {
                throw CatalogError(.notFound, "agency \(agency) has no item \(itemId)")
            }
            return old
        }
    }
}
