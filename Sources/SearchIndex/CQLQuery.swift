/// A parsed CQL query: a tree of search clauses joined by booleans, and an optional `sortBy`.
///
/// Produced by ``CQLParser/parse(_:)``; ``description`` prints it back in a canonical,
/// fully parenthesised form, e.g. `((title = "kierkegaard" or author = "blixen") and year >= "1900")`.
public struct CQLQuery: Sendable, Hashable, CustomStringConvertible {
    /// The query tree.
    public var root: CQLNode
    /// The `sortBy` keys, in order; empty means by relevance.
    public var sortKeys: [CQLSortKey]

    /// Creates a query.
    public init(root: CQLNode, sortKeys: [CQLSortKey] = []) {
        self.root = root
        self.sortKeys = sortKeys
    }

    /// The canonical text of the query.
    public var description: String {
        if sortKeys.isEmpty { return root.description }
        return root.description + " sortBy " + sortKeys.map(\.description).joined(separator: " ")
    }
}

/// A node of a CQL query tree.
public indirect enum CQLNode: Sendable, Hashable, CustomStringConvertible {
    /// `index relation term`, or a bare term.
    case search(CQLSearchClause)
    /// `left op right`; booleans have equal precedence and group left to right.
    case boolean(CQLBoolean, CQLNode, CQLNode)

    /// The canonical text of the node.
    public var description: String {
        switch self {
        case .search(let clause): return clause.description
        case .boolean(let op, let l, let r): return "(\(l) \(op) \(r))"
        }
    }
}

/// A boolean operator with its modifiers (e.g. `prox/distance<=3/ordered`).
public struct CQLBoolean: Sendable, Hashable, CustomStringConvertible {
    /// The four CQL booleans.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        /// Both sides match.
        case and
        /// Either side matches.
        case or
        /// The left side matches and the right does not.
        case not
        /// Both sides match within a distance of each other (`/distance<=N`, `/ordered`).
        case prox
    }

    /// The operator.
    public var op: Operator
    /// Modifiers in the order written.
    public var modifiers: [CQLModifier]

    /// Creates a boolean.
    public init(_ op: Operator, modifiers: [CQLModifier] = []) {
        self.op = op
        self.modifiers = modifiers
    }

    /// The canonical text, e.g. `prox/distance<=2`.
    public var description: String { op.rawValue + modifiers.map(\.description).joined() }
}

/// CQL relations.
public enum CQLRelation: String, Sendable, Hashable, CaseIterable {
    /// Server's choice: all words; a quoted multi-word term on a word index is an adjacency phrase.
    case equal = "="
    /// Exact: the whole field value (the phrase index where there is one).
    case exact = "=="
    /// Not equal: every record the `=` clause does not match.
    case notEqual = "<>"
    /// Terms (years, for `year`) below the value.
    case less = "<"
    /// Terms (years) above the value.
    case greater = ">"
    /// Terms (years) at or below the value.
    case lessOrEqual = "<="
    /// Terms (years) at or above the value.
    case greaterOrEqual = ">="
    /// Any of the words.
    case any
    /// All of the words, in any order.
    case all
    /// The words next to each other, in order.
    case adj
    /// Years in an inclusive range: `year within "1990 2000"`.
    case within
}

/// A relation or boolean modifier: `/name`, or `/name<comparison><value>`.
public struct CQLModifier: Sendable, Hashable, CustomStringConvertible {
    /// The modifier name, as written (e.g. `relevant`, `distance`, `sort.descending`).
    public var name: String
    /// The comparison symbol, if any (`=`, `<=`, …).
    public var comparison: String?
    /// The value, if any.
    public var value: String?

    /// Creates a modifier.
    public init(name: String, comparison: String? = nil, value: String? = nil) {
        self.name = name
        self.comparison = comparison
        self.value = value
    }

    /// The canonical text, e.g. `/distance<=3`.
    public var description: String {
        "/" + name + (comparison ?? "") + (value ?? "")
    }
}

/// `index relation term`.
public struct CQLSearchClause: Sendable, Hashable, CustomStringConvertible {
    /// Canonical index name (``IndexSchema/indexNames``); "" for a bare term (all word indexes);
    /// `cql.allRecords` for every record.
    public var index: String
    /// The relation.
    public var relation: CQLRelation
    /// Relation modifiers in the order written (kept; `relevant` and the like change nothing).
    public var modifiers: [CQLModifier]
    /// The term as written, without the quotes: `\` escapes are kept, and `*` / `?` not preceded
    /// by `\` are truncation and masking.
    public var term: String
    /// Whether the term was quoted.
    public var quoted: Bool
    /// 1-based character position of the clause in the query.
    public var position: Int

    /// Creates a clause.
    public init(
        index: String, relation: CQLRelation = .equal, modifiers: [CQLModifier] = [], term: String,
        quoted: Bool = false, position: Int = 1
    ) {
        self.index = index
        self.relation = relation
        self.modifiers = modifiers
        self.term = term
        self.quoted = quoted
        self.position = position
    }

    /// The canonical text, e.g. `title =/relevant "den lille prins"`.
    public var description: String {
        let t = "\"" + term + "\""
        if index.isEmpty && relation == .equal && modifiers.isEmpty { return t }
        let idx = index.isEmpty ? "cql.serverChoice" : index
        return idx + " " + relation.rawValue + modifiers.map(\.description).joined() + " " + t
    }
}

/// One `sortBy` key.
public struct CQLSortKey: Sendable, Hashable, CustomStringConvertible {
    /// What to sort by.
    public var key: SortKey
    /// `/sort.descending` was given.
    public var descending: Bool
    /// All modifiers as written.
    public var modifiers: [CQLModifier]

    /// Creates a sort key.
    public init(key: SortKey, descending: Bool = false, modifiers: [CQLModifier] = []) {
        self.key = key
        self.descending = descending
        self.modifiers = modifiers
    }

    /// The canonical text, e.g. `title/sort.descending`.
    public var description: String { key.rawValue + modifiers.map(\.description).joined() }
}

/// What hits can be sorted by.
public enum SortKey: String, Sendable, Hashable, CaseIterable {
    /// BM25 score, best first (ties in document order).
    case relevance
    /// The title's Danish filing key.
    case title
    /// The main author's Danish filing key.
    case author
    /// The year (records without one last).
    case year
}
