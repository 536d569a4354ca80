import MARC

/// Merges a library's enrichment record (påhængspost) onto a common record, following DBC's rawrepo
/// `MarcXMerger`: tag-level rules, never subfield-level.
///
/// 1. The leader comes from the common record.
/// 2. Both layers' fields are stably sorted by tag.
/// 3. Each enrichment field is dropped if its tag is immutable or invalid; otherwise it is kept, and if its tag
///    belongs to an overwrite group, every tag of that group is marked for removal from the common record.
/// 4. Common fields are dropped if their tag is invalid (letter tags always count as invalid in the common layer)
///    or marked for removal.
/// 5. The two sorted lists are merged by tag; on equal tags the common fields come first.
/// 6. If the result and both layers have `001 *c`, the result takes the later (numerically larger) time stamp.
///
/// ```swift
/// let merged = EnrichmentMerger().merge(common: common, enrichment: enrichment, requester: "710100")
/// ```
public struct EnrichmentMerger: Sendable {
    /// The rules applied.
    public let rules: MergeRules
    private let groups: [Tag: [Tag]]

    /// Creates a merger with `rules` (DBC's defaults unless told otherwise).
    public init(rules: MergeRules = .danMARC2) {
        self.rules = rules
        groups = rules.groupsByTag()
    }

    /// Merges `enrichment` onto `common` as seen by `requester`: letter-tag fields survive only when the
    /// enrichment is the requester's own layer (its `001 *b` equals `requester`).
    public func merge(common: MARCRecord, enrichment: MARCRecord, requester: String?) -> MARCRecord {
        let own = requester.map { r in enrichment.agency.map { $0 == r } ?? false } ?? false
        return merge(common: common, enrichment: enrichment, includeAllFields: own)
    }

    /// Merges `enrichment` onto `common`. `includeAllFields` keeps the enrichment's fields whatever their tag
    /// (rawrepo's flag for the requester's own layer); the common layer's letter tags are always dropped.
    public func merge(common: MARCRecord, enrichment: MARCRecord, includeAllFields: Bool) -> MARCRecord {
        var remove = Set<Tag>()
        var local: [Field] = []
        for field in Self.sortedByTag(enrichment.fields) {
            if rules.immutable.contains(field.tag) || rules.isInvalid(field.tag, includeAllFields: includeAllFields) {
                continue
            }
            local.append(field)
            if let group = groups[field.tag] { remove.formUnion(group) }
        }
        let base = Self.sortedByTag(common.fields).filter {
            !rules.isInvalid($0.tag, includeAllFields: false) && !remove.contains($0.tag)
        }

        var merged: [Field] = []
        merged.reserveCapacity(base.count + local.count)
        var i = 0
        var j = 0
        while i < base.count && j < local.count {
            if base[i].tag <= local[j].tag {
                merged.append(base[i])
                i += 1
            } else {
                merged.append(local[j])
                j += 1
            }
        }
        merged.append(contentsOf: base[i...])
        merged.append(contentsOf: local[j...])

        if rules.takesLaterUpdateTime, common.isDanMARC2 {
            Self.takeLaterUpdateTime(in: &merged, common: common, enrichment: enrichment)
        }
        return MARCRecord(leader: common.leader, fields: merged, sourceEncoding: common.sourceEncoding)
    }

    /// Merges a chain of layers left to right (common record first, then e.g. DBC's 191919 layer, then the
    /// library's enrichment), as rawrepo does along sibling relations. Only the layer whose agency is
    /// `requester` keeps its letter-tag fields. `nil` for an empty chain.
    public func merge(layers: [MARCRecord], requester: String?) -> MARCRecord? {
        guard var result = layers.first else { return nil }
        for layer in layers.dropFirst() {
            result = merge(common: result, enrichment: layer, requester: requester)
        }
        return result
    }

    /// A stable sort by tag (byte-wise, as Java's `String.compareTo` on ASCII tags).
    static func sortedByTag(_ fields: [Field]) -> [Field] {
        fields.enumerated().sorted { a, b in
            a.element.tag != b.element.tag ? a.element.tag < b.element.tag : a.offset < b.offset
        }.map(\.element)
    }

    /// rawrepo's danMARC2 fix-up: when the result, the common record and the enrichment all have `001 *c`,
    /// the result's first `001 *c` becomes the numerically larger of the two layers' values. Values that are
    /// not numbers leave the result unchanged.
    static func takeLaterUpdateTime(in fields: inout [Field], common: MARCRecord, enrichment: MARCRecord) {
        guard let commonTime = common["001"]?["c"], let enrichmentTime = enrichment["001"]?["c"],
            let fieldIndex = fields.firstIndex(where: { $0.tag == "001" }),
            let subIndex = fields[fieldIndex].subfields.firstIndex(where: { $0.code == "c" }),
            let c = UInt64(commonTime.filter { $0 != " " }), let e = UInt64(enrichmentTime.filter { $0 != " " })
        else { return }
        var subfields = fields[fieldIndex].subfields
        subfields[subIndex].value = c > e ? commonTime : enrichmentTime
        fields[fieldIndex].subfields = subfields
    }
}
