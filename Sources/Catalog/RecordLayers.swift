import MARC

/// The records of the catalogue by (id, agency) — common records (870970), enrichments and local records —
/// and the view each agency sees: ``mergedRecord(id:for:)``.
///
/// Which layer an agency sees follows rawrepo (`RelationHintsVipCore`): its own record first; for a school library
/// (300001–399999) then the school libraries' shared layer 300000; then the common record. When the layer found is
/// an enrichment of a common record (a common record with the same id exists), it is merged onto it with
/// ``EnrichmentMerger`` as seen by the agency (so the agency's letter-tag fields survive). A record with no common
/// record beneath it is a local record and is returned as it is.
///
/// A value type: copies are independent snapshots, safe to share across threads.
public struct RecordLayers: Sendable {
    private var records: [RecordKey: MARCRecord] = [:]
    /// The merger used for views.
    public var merger: EnrichmentMerger

    /// Creates the layers from records keyed by their `001 *a`/`*b`; records without a key are left out.
    public init(records: [MARCRecord] = [], merger: EnrichmentMerger = EnrichmentMerger()) {
        self.merger = merger
        for record in records { insert(record) }
    }

    /// The number of records (all layers).
    public var count: Int { records.count }

    /// The keys of every record (all layers), in no particular order.
    public var keys: [RecordKey] { Array(records.keys) }

    /// Adds or replaces a record; returns its key, or `nil` when it has no `001 *a`/`*b` (MARC21: `001`/`003`) and
    /// no `defaultAgency` applies.
    @discardableResult
    public mutating func insert(_ record: MARCRecord, defaultAgency: String? = nil) -> RecordKey? {
        guard let key = RecordKey(of: record, defaultAgency: defaultAgency) else { return nil }
        records[key] = record
        return key
    }

    /// Removes a record and returns it.
    @discardableResult
    public mutating func remove(_ key: RecordKey) -> MARCRecord? {
        records.removeValue(forKey: key)
    }

    /// The record stored under `key` (one layer, unmerged).
    public func record(_ key: RecordKey) -> MARCRecord? { records[key] }

    /// The agencies whose records `agency` sees for `id`, in merge order (common record first), e.g.
    /// `["870970", "710100"]`; empty when there is no such record. With `agency` `nil`, the common record alone.
    public func enrichmentTrail(id: String, for agency: String?) -> [String] {
        let commonKey = RecordKey(id: id, agency: Agency.common)
        let hasCommon = records[commonKey] != nil
        for candidate in Self.priority(for: agency) {
            guard records[RecordKey(id: id, agency: candidate)] != nil else { continue }
            if candidate == Agency.common || !hasCommon { return [candidate] }
            return [Agency.common, candidate]
        }
        return []
    }

    /// The record `id` as `agency` sees it: its own enrichment merged onto the common record, its local record, or
    /// the common record. `nil` when the agency sees no record with that id.
    public func mergedRecord(id: String, for agency: String?) -> MARCRecord? {
        let trail = enrichmentTrail(id: id, for: agency)
        let layers = trail.compactMap { records[RecordKey(id: id, agency: $0)] }
        guard layers.count == trail.count else { return nil }
        return merger.merge(layers: layers, requester: agency)
    }

    /// The agencies an agency looks in, in order.
    static func priority(for agency: String?) -> [String] {
        guard let agency, agency != Agency.common else { return [Agency.common] }
        if let n = Int(agency), (300_001...399_999).contains(n) {
            return [agency, Agency.schoolCommon, Agency.common]
        }
        return [agency, Agency.common]
    }
}
