import MARC

/// The field rules of an enrichment merge: which enrichment fields replace which common fields, which common
/// fields an enrichment may not touch, and which tags are dropped.
///
/// The defaults are DBC's rawrepo `FieldRules` (research/danmarc.md §3.2); every rule lives in the table of
/// ``danMARC2``. Tags are compared as three-character strings, so `d08` sorts after `999`.
public struct MergeRules: Sendable, Hashable {
    /// Which tags are valid in a layer that is not the requester's own.
    public enum TagValidity: Sendable, Hashable {
        /// Only three digits (`\d{3}`): letter-tag fields such as `n55`, `d08`, `s10` are dropped.
        case numeric
        /// Every tag (rawrepo's `.*`).
        case any
    }

    /// Overwrite groups: when an enrichment carries any tag of a group, every common field with a tag of that
    /// group is removed (the enrichment's fields take their place). A tag may belong to one group only.
    public var overwriteGroups: [[Tag]]
    /// Tags an enrichment may not replace or add to: the enrichment's fields with these tags are dropped.
    public var immutable: Set<Tag>
    /// Tags dropped from both layers.
    public var invalid: Set<Tag>
    /// Which tags survive outside the requester's own layer.
    public var validTags: TagValidity
    /// When both layers carry `001 *c` (time of the latest change), the result's `001 *c` is the later of the two.
    public var takesLaterUpdateTime: Bool

    /// Creates a rule set.
    public init(
        overwriteGroups: [[Tag]], immutable: Set<Tag>, invalid: Set<Tag> = [], validTags: TagValidity = .numeric,
        takesLaterUpdateTime: Bool = true
    ) {
        self.overwriteGroups = overwriteGroups
        self.immutable = immutable
        self.invalid = invalid
        self.validTags = validTags
        self.takesLaterUpdateTime = takesLaterUpdateTime
    }

    /// DBC's default rules (rawrepo `FieldRules()`), the rules of the Danish shared catalogue:
    ///
    /// | rule | tags | effect of an enrichment field with that tag |
    /// |---|---|---|
    /// | overwrite, alone | 001 004 005 006 013 014 017 035 036 240 243 247 300 | replaces every common field with the same tag |
    /// | overwrite, classification group | 008 009 038 039 100 110 239 245 652 654 | replaces *all ten* tags of the common record |
    /// | immutable | 010 020 990 991 996 | is dropped; the common fields stay |
    /// | invalid | (none) | — |
    /// | valid tags | three digits | letter tags only from the requester's own layer |
    /// | anything else | | is appended after the common fields with the same tag |
    public static let danMARC2 = MergeRules(
        overwriteGroups: [
            // 001 record id, 004 record type/status, 005–006 music/sound codes and embargo dates, 013/014/017
            // hierarchy links, 035/036 other system numbers, 240/243/247 uniform and earlier titles, 300 extent.
            ["001"], ["004"], ["005"], ["006"], ["013"], ["014"], ["017"], ["035"], ["036"],
            ["240"], ["243"], ["247"], ["300"],
            // "Opstillingsdata": the fields that decide where a library shelves the item and how it is classified:
            // 008 coded data, 009 material type, 038/039 children's/music shelving codes, 100/110 main entry,
            // 239 DBC standard title, 245 title, 652/654 DK5 classification.
            ["008", "009", "038", "039", "100", "110", "239", "245", "652", "654"],
        ],
        // 010 and 020: links DBC owns; 990/991 DBC notes; 996 the record's owner.
        immutable: ["010", "020", "990", "991", "996"],
        invalid: [],
        validTags: .numeric,
        takesLaterUpdateTime: true)

    /// rawrepo-record-service's "USE_PARENT_AGENCY" variant: `001` is immutable too, so the merged record keeps
    /// the common record's `001` (agency 870970) instead of the enrichment's.
    public static let useParentAgency: MergeRules = {
        var rules = MergeRules.danMARC2
        rules.overwriteGroups.removeAll { $0 == ["001"] }
        rules.immutable.insert("001")
        return rules
    }()

    /// For each tag in an overwrite group, the whole group.
    func groupsByTag() -> [Tag: [Tag]] {
        var map: [Tag: [Tag]] = [:]
        for group in overwriteGroups {
            for tag in group { map[tag] = group }
        }
        return map
    }

    /// rawrepo's `invalidField(tag, includeAllFields)`: not valid by pattern (unless all fields are included), or
    /// explicitly invalid.
    func isInvalid(_ tag: Tag, includeAllFields: Bool) -> Bool {
        if invalid.contains(tag) { return true }
        if includeAllFields { return false }
        switch validTags {
        case .any: return false
        case .numeric: return !tag.isNumeric
        }
    }
}
