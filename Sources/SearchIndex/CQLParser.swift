/// Parses CQL (SRU Contextual Query Language) as DESIGN.md specifies it.
///
/// ```swift
/// let q = try CQLParser().parse(#"ti = "den lille prins" and år within "1990 2000" sortBy title"#)
/// ```
/// Booleans `and or not prox` have equal precedence and group left to right; parentheses nest up
/// to ``maxDepth`` levels. Errors are ``CQLError`` values carrying the character position.
public struct CQLParser: Sendable {
    /// Deepest parenthesis nesting accepted.
    public var maxDepth: Int
    /// Most search clauses accepted in one query.
    public var maxClauses: Int

    /// Creates a parser.
    public init(maxDepth: Int = 128, maxClauses: Int = 1024) {
        self.maxDepth = maxDepth
        self.maxClauses = maxClauses
    }

    /// Parses a query.
    public func parse(_ text: String) throws(CQLError) -> CQLQuery {
        if let tokens = try ByteTokenizer.tokens(text) {
            var state = ParseState(chars: [], maxDepth: maxDepth, maxClauses: maxClauses)
            state.tokens = tokens
            return try state.parseTop()
        }
        var state = ParseState(chars: Array(text), maxDepth: maxDepth, maxClauses: maxClauses)
        try state.tokenize()
        return try state.parseTop()
    }
}

private enum TokenKind: Equatable {
    case lparen, rparen, slash
    case comparator(String)
    case word(String)
    case quoted(String)
    case end
}

private struct Token {
    var kind: TokenKind
    var position: Int  // 1-based
}

private let booleanWords: Set<String> = ["and", "or", "not", "prox"]
private let namedRelations: [String: CQLRelation] = [
    "any": .any, "all": .all, "adj": .adj, "within": .within, "exact": .exact,
]

/// Whitespace between tokens (ASCII answered without Unicode property lookups).
@inline(__always)
private func isSpace(_ c: Character) -> Bool {
    if let a = c.asciiValue { return a == 0x20 || (a >= 0x09 && a <= 0x0D) }
    return c.isWhitespace
}

/// Characters that end an unquoted word.
@inline(__always)
private func isDelimiter(_ c: Character) -> Bool {
    c.asciiValue.map(isDelimiter) ?? false
}

/// The bytes that end an unquoted word: ( ) / = < > ".
@inline(__always)
private func isDelimiter(_ b: UInt8) -> Bool {
    switch b {
    case 0x28, 0x29, 0x2F, 0x3D, 0x3C, 0x3E, 0x22: return true
    default: return false
    }
}

/// The error for a `\` that ends the query (1-based `position` of the backslash); both tokenizers raise it.
private func danglingEscape(at position: Int) -> CQLError {
    CQLError(position: position, message: "the '\\' at position \(position) escapes nothing (the query ends)")
}

/// The tokenizer on UTF-8 bytes, for text whose every scalar is below U+0300 (ASCII, Latin-1, Latin Extended:
/// each scalar is one character there, so byte runs map to character positions by counting lead bytes) and that
/// holds no CR LF pair (one character of two scalars). Gives exactly the tokens, positions and errors of
/// `ParseState.tokenize`; nil sends other text to it.
private enum ByteTokenizer {
    static func tokens(_ text: String) throws(CQLError) -> [Token]? {
        var copy = text
        var failure: CQLError?
        let tokens = copy.withUTF8 { (b: UnsafeBufferPointer<UInt8>) -> [Token]? in
            // Eligibility: lead bytes C0–CB only (scalars up to U+02FF), no CR LF.
            var prev: UInt8 = 0
            for x in b {
                if x >= 0xCC && x & 0xC0 != 0x80 { return nil }
                if prev == 0x0D && x == 0x0A { return nil }
                prev = x
            }
            switch Result(catching: { () throws(CQLError) -> [Token] in try run(b) }) {
            case .success(let t): return t
            case .failure(let e):
                failure = e
                return []
            }
        }
        if let failure { throw failure }
        return tokens
    }

    /// Length of the character starting at byte i.
    @inline(__always)
    static func width(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        b[i] < 0x80 ? 1 : (i + 1 < b.count ? 2 : 1)
    }

    /// Whitespace as `Character.isWhitespace` says for these scalars: 09–0D, 20, U+0085, U+00A0.
    @inline(__always)
    static func space(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let x = b[i]
        if x == 0x20 || (x >= 0x09 && x <= 0x0D) { return true }
        return x == 0xC2 && i + 1 < b.count && (b[i + 1] == 0x85 || b[i + 1] == 0xA0)
    }

    static func run(_ b: UnsafeBufferPointer<UInt8>) throws(CQLError) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        var pos = 0  // characters before byte i
        let n = b.count
        func string(_ lo: Int, _ hi: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
        }
        while i < n {
            if space(b, i) {
                i += width(b, i)
                pos += 1
                continue
            }
            let start = pos + 1
            switch b[i] {
            case 0x28: tokens.append(Token(kind: .lparen, position: start)); i += 1; pos += 1
            case 0x29: tokens.append(Token(kind: .rparen, position: start)); i += 1; pos += 1
            case 0x2F: tokens.append(Token(kind: .slash, position: start)); i += 1; pos += 1
            case 0x3D, 0x3C, 0x3E:
                let c = b[i]
                let next: UInt8 = i + 1 < n ? b[i + 1] : 0
                let op: String
                switch (c, next) {
                case (0x3D, 0x3D): op = "=="
                case (0x3C, 0x3D): op = "<="
                case (0x3C, 0x3E): op = "<>"
                case (0x3E, 0x3D): op = ">="
                case (0x3D, _): op = "="
                case (0x3C, _): op = "<"
                default: op = ">"
                }
                tokens.append(Token(kind: .comparator(op), position: start))
                i += op.utf8.count
                pos += op.utf8.count
            case 0x22:
                var j = i + 1
                var chars = pos + 1
                var closed = false
                while j < n {
                    if b[j] == 0x5C {
                        guard j + 1 < n else {
                            throw danglingEscape(at: chars + 1)
                        }
                        j += 1 + width(b, j + 1)
                        chars += 2
                        continue
                    }
                    if b[j] == 0x22 { closed = true; break }
                    j += width(b, j)
                    chars += 1
                }
                guard closed else {
                    throw CQLError(position: start, message: "the quote opened at position \(start) is never closed")
                }
                tokens.append(Token(kind: .quoted(string(i + 1, j)), position: start))
                i = j + 1
                pos = chars + 1
            default:
                var j = i
                var chars = pos
                while j < n && !space(b, j) && !isDelimiter(b[j]) {
                    if b[j] == 0x5C {
                        guard j + 1 < n else {
                            throw danglingEscape(at: chars + 1)
                        }
                        j += 1 + width(b, j + 1)
                        chars += 2
                    } else {
                        j += width(b, j)
                        chars += 1
                    }
                }
                tokens.append(Token(kind: .word(string(i, j)), position: start))
                i = j
                pos = chars
            }
        }
        tokens.append(Token(kind: .end, position: pos + 1))
        return tokens
    }
}

private struct ParseState {
    let chars: [Character]
    let maxDepth: Int
    let maxClauses: Int
    var tokens: [Token] = []
    var index = 0
    var clauses = 0

    init(chars: [Character], maxDepth: Int, maxClauses: Int) {
        self.chars = chars
        self.maxDepth = maxDepth
        self.maxClauses = maxClauses
    }

    // MARK: Lexing

    mutating func tokenize() throws(CQLError) {
        var i = 0
        let n = chars.count
        while i < n {
            let c = chars[i]
            if isSpace(c) { i += 1; continue }
            let pos = i + 1
            switch c {
            case "(": tokens.append(Token(kind: .lparen, position: pos)); i += 1
            case ")": tokens.append(Token(kind: .rparen, position: pos)); i += 1
            case "/": tokens.append(Token(kind: .slash, position: pos)); i += 1
            case "=":
                if i + 1 < n, chars[i + 1] == "=" {
                    tokens.append(Token(kind: .comparator("=="), position: pos)); i += 2
                } else {
                    tokens.append(Token(kind: .comparator("="), position: pos)); i += 1
                }
            case "<":
                if i + 1 < n, chars[i + 1] == "=" {
                    tokens.append(Token(kind: .comparator("<="), position: pos)); i += 2
                } else if i + 1 < n, chars[i + 1] == ">" {
                    tokens.append(Token(kind: .comparator("<>"), position: pos)); i += 2
                } else {
                    tokens.append(Token(kind: .comparator("<"), position: pos)); i += 1
                }
            case ">":
                if i + 1 < n, chars[i + 1] == "=" {
                    tokens.append(Token(kind: .comparator(">="), position: pos)); i += 2
                } else {
                    tokens.append(Token(kind: .comparator(">"), position: pos)); i += 1
                }
            case "\"":
                var j = i + 1
                var raw = ""
                var closed = false
                while j < n {
                    let d = chars[j]
                    if d == "\\" {
                        guard j + 1 < n else {
                            throw danglingEscape(at: j + 1)
                        }
                        raw.append(d)
                        raw.append(chars[j + 1])
                        j += 2
                        continue
                    }
                    if d == "\"" { closed = true; break }
                    raw.append(d)
                    j += 1
                }
                guard closed else {
                    throw CQLError(
                        position: pos, message: "the quote opened at position \(pos) is never closed")
                }
                tokens.append(Token(kind: .quoted(raw), position: pos))
                i = j + 1
            default:
                var j = i
                var raw = ""
                while j < n {
                    let d = chars[j]
                    if isSpace(d) || isDelimiter(d) { break }
                    if d == "\\" {
                        guard j + 1 < n else {
                            throw danglingEscape(at: j + 1)
                        }
                        raw.append(d)
                        raw.append(chars[j + 1])
                        j += 2
                        continue
                    }
                    raw.append(d)
                    j += 1
                }
                tokens.append(Token(kind: .word(raw), position: pos))
                i = j
            }
        }
        tokens.append(Token(kind: .end, position: n + 1))
    }

    // MARK: Parsing

    var peek: Token { tokens[min(index, tokens.count - 1)] }
    func peek(_ k: Int) -> Token { tokens[min(index + k, tokens.count - 1)] }
    mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .lparen: return "'('"
        case .rparen: return "')'"
        case .slash: return "'/'"
        case .comparator(let s): return "'\(s)'"
        case .word(let w): return "'\(w)'"
        case .quoted(let w): return "\"\(w)\""
        case .end: return "the end of the query"
        }
    }

    func isWord(_ t: Token, _ lowered: Set<String>) -> Bool {
        if case .word(let w) = t.kind { return lowered.contains(asciiLowercased(w)) }
        return false
    }

    mutating func parseTop() throws(CQLError) -> CQLQuery {
        try skipPrefixAssignments()
        if case .end = peek.kind {
            throw CQLError(position: peek.position, message: "the query is empty")
        }
        let root = try parseScoped(depth: 0)
        var sortKeys: [CQLSortKey] = []
        if isWord(peek, ["sortby"]) {
            let sortPos = peek.position
            advance()
            while case .word(let w) = peek.kind {
                let pos = peek.position
                guard let key = Self.sortKey(w) else {
                    throw CQLError(
                        position: pos,
                        message: "cannot sort by '\(w)' at position \(pos); use title, author, year or relevance")
                }
                advance()
                let mods = try parseModifiers()
                let desc = mods.contains { ["sort.descending", "descending"].contains(lowercasedIfNeeded($0.name)) }
                sortKeys.append(CQLSortKey(key: key, descending: desc, modifiers: mods))
            }
            if sortKeys.isEmpty {
                throw CQLError(
                    position: peek.position,
                    message: "expected an index to sort by after 'sortBy' (position \(sortPos)) at position \(peek.position)")
            }
        }
        switch peek.kind {
        case .end: break
        case .rparen:
            throw CQLError(
                position: peek.position, message: "unexpected ')' at position \(peek.position): no '(' is open")
        default:
            throw CQLError(
                position: peek.position,
                message: "expected a boolean (and, or, not, prox) at position \(peek.position), found \(describe(peek))")
        }
        return CQLQuery(root: root, sortKeys: sortKeys)
    }

    static func sortKey(_ w: String) -> SortKey? {
        switch lowercasedIfNeeded(w) {
        case "relevance", "score", "rank", "cql.relevance": return .relevance
        default: break
        }
        switch IndexSchema.canonicalIndex(w) {
        case "title", "phrase.title": return .title
        case "author", "phrase.author": return .author
        case "year": return .year
        default: return nil
        }
    }

    /// `> prefix = "uri"` or `> "uri"`: accepted and ignored (only built-in context sets exist).
    mutating func skipPrefixAssignments() throws(CQLError) {
        while case .comparator(">") = peek.kind {
            let pos = peek.position
            advance()
            switch (peek.kind, peek(1).kind) {
            case (.word, .comparator("=")):
                advance(); advance()
            default: break
            }
            switch peek.kind {
            case .word, .quoted: advance()
            default:
                throw CQLError(
                    position: peek.position,
                    message: "expected a context-set URI after '>' (position \(pos)) at position \(peek.position)")
            }
        }
    }

    mutating func parseScoped(depth: Int) throws(CQLError) -> CQLNode {
        var left = try parseClause(depth: depth)
        while case .word(let w) = peek.kind, let op = CQLBoolean.Operator(rawValue: asciiLowercased(w)) {
            advance()
            let mods = try parseModifiers()
            let right = try parseClause(depth: depth)
            left = .boolean(CQLBoolean(op, modifiers: mods), left, right)
        }
        return left
    }

    mutating func parseClause(depth: Int) throws(CQLError) -> CQLNode {
        let t = peek
        switch t.kind {
        case .lparen:
            guard depth + 1 <= maxDepth else {
                throw CQLError(
                    position: t.position,
                    message: "the query nests parentheses deeper than \(maxDepth) levels at position \(t.position)")
            }
            advance()
            try skipPrefixAssignments()
            if case .rparen = peek.kind {
                throw CQLError(position: t.position, message: "empty parentheses at position \(t.position)")
            }
            let inner = try parseScoped(depth: depth + 1)
            guard case .rparen = peek.kind else {
                if case .end = peek.kind {
                    throw CQLError(
                        position: peek.position,
                        message: "expected ')' at position \(peek.position) to close the '(' at position \(t.position)")
                }
                throw CQLError(
                    position: peek.position,
                    message: "expected ')' or a boolean at position \(peek.position), found \(describe(peek))")
            }
            advance()
            return inner
        case .rparen:
            throw CQLError(
                position: t.position, message: "expected a search term at position \(t.position), found ')'")
        case .end:
            throw CQLError(
                position: t.position, message: "expected a search term at position \(t.position): the query ended")
        case .slash, .comparator:
            throw CQLError(
                position: t.position,
                message: "expected a search term or an index at position \(t.position), found \(describe(t))")
        case .word(let w):
            if booleanWords.contains(asciiLowercased(w)) {
                throw CQLError(
                    position: t.position,
                    message: "expected a search term at position \(t.position), found the boolean '\(w)' (quote it to search for it)")
            }
            if asciiLowercased(w) == "sortby" {
                throw CQLError(
                    position: t.position,
                    message: "expected a search term at position \(t.position), found 'sortBy'")
            }
            // index relation term?
            let next = peek(1)
            var relation: CQLRelation?
            switch next.kind {
            case .comparator(let c): relation = CQLRelation(rawValue: c)
            case .word(let r):
                if let named = namedRelations[asciiLowercased(r)] {
                    switch peek(2).kind {
                    case .word, .quoted, .slash: relation = named
                    default: break
                    }
                }
            default: break
            }
            if let relation {
                return try parseIndexClause(indexName: w, indexToken: t, relation: relation)
            }
            advance()
            return try bareTerm(w, quoted: false, position: t.position)
        case .quoted(let q):
            if case .comparator = peek(1).kind {
                throw CQLError(
                    position: t.position,
                    message: "an index name cannot be quoted (position \(t.position))")
            }
            advance()
            return try bareTerm(q, quoted: true, position: t.position)
        }
    }

    mutating func countClause(_ position: Int) throws(CQLError) {
        clauses += 1
        if clauses > maxClauses {
            throw CQLError(
                position: position,
                message: "the query has more than \(maxClauses) search clauses (at position \(position))")
        }
    }

    mutating func bareTerm(_ term: String, quoted: Bool, position: Int) throws(CQLError) -> CQLNode {
        try countClause(position)
        return .search(CQLSearchClause(index: "", relation: .equal, term: term, quoted: quoted, position: position))
    }

    mutating func parseIndexClause(indexName: String, indexToken: Token, relation: CQLRelation) throws(CQLError)
        -> CQLNode
    {
        guard let index = IndexSchema.canonicalIndex(indexName) else {
            throw CQLError(
                position: indexToken.position,
                message: "unknown index '\(indexName)' at position \(indexToken.position)")
        }
        advance()  // index
        let relToken = peek
        advance()  // relation
        let mods = try parseModifiers()
        let termToken = peek
        let term: String
        let quoted: Bool
        switch termToken.kind {
        case .word(let w): term = w; quoted = false
        case .quoted(let q): term = q; quoted = true
        default:
            throw CQLError(
                position: termToken.position,
                message: "expected a search term after \(describe(relToken)) at position \(termToken.position), found \(describe(termToken))")
        }
        advance()
        try countClause(indexToken.position)
        if relation == .within {
            let parts = term.split(separator: " ")
            guard index == "year" else {
                throw CQLError(
                    position: relToken.position,
                    message: "'within' at position \(relToken.position) works on year only, e.g. year within \"1990 2000\"")
            }
            guard parts.count == 2, Int(parts[0]) != nil, Int(parts[1]) != nil else {
                throw CQLError(
                    position: termToken.position,
                    message: "'within' needs two years at position \(termToken.position), e.g. year within \"1990 2000\"")
            }
        }
        if index == "year", [.less, .greater, .lessOrEqual, .greaterOrEqual].contains(relation),
            Int(term.trimmingSpaces) == nil
        {
            throw CQLError(
                position: termToken.position,
                message: "expected a year at position \(termToken.position), found \(describe(termToken))")
        }
        return .search(
            CQLSearchClause(
                index: index, relation: relation, modifiers: mods, term: term, quoted: quoted,
                position: indexToken.position))
    }

    mutating func parseModifiers() throws(CQLError) -> [CQLModifier] {
        var mods: [CQLModifier] = []
        while case .slash = peek.kind {
            let slashPos = peek.position
            advance()
            guard case .word(let name) = peek.kind else {
                throw CQLError(
                    position: peek.position,
                    message: "expected a modifier name after '/' (position \(slashPos)) at position \(peek.position)")
            }
            advance()
            var mod = CQLModifier(name: name)
            if case .comparator(let c) = peek.kind {
                let cpos = peek.position
                advance()
                switch peek.kind {
                case .word(let v), .quoted(let v):
                    mod.comparison = c
                    mod.value = v
                    advance()
                default:
                    throw CQLError(
                        position: peek.position,
                        message: "expected a value for modifier '\(name)' after '\(c)' (position \(cpos)) at position \(peek.position)")
                }
            }
            mods.append(mod)
        }
        return mods
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// `s.lowercased()`, without making a new string when `s` is already lower-case ASCII (the common case of
/// query words and index names).
@inline(__always)
func lowercasedIfNeeded(_ s: String) -> String {
    for b in s.utf8 where b >= 0x80 || (b >= 0x41 && b <= 0x5A) { return s.lowercased() }
    return s
}

/// `s` with ASCII letters lower-cased and every other character kept: enough to compare a word with the
/// ASCII keywords of CQL (booleans, `sortBy`, named relations) without Unicode case mapping.
@inline(__always)
func asciiLowercased(_ s: String) -> String {
    var upper = false
    for b in s.utf8 where b >= 0x41 && b <= 0x5A { upper = true; break }
    guard upper else { return s }
    return String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
}
