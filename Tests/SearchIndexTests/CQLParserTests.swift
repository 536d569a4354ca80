import SearchIndex
import Testing

@Suite("CQL parser")
struct CQLParserTests {
    static let valid: [(String, String)] = [
        ("kierkegaard", #""kierkegaard""#),
        ("ti=kierkegaard", #"title = "kierkegaard""#),
        ("a or b and c", #"(("a" or "b") and "c")"#),
        ("a and (b or c)", #"("a" and ("b" or "c"))"#),
        ("a not b or c", #"(("a" not "b") or "c")"#),
        (#"dc.title any "fish frog""#, #"title any "fish frog""#),
        ("title =/relevant/string fish", #"title =/relevant/string "fish""#),
        ("a prox/distance<=3/unit=word b", #"("a" prox/distance<=3/unit=word "b")"#),
        (#"år within "1990 2000""#, #"year within "1990 2000""#),
        (#"aar >= 2000"#, #"year >= "2000""#),
        (#"lti="den lille prins""#, #"phrase.title = "den lille prins""#),
        ("lfo = blixen", #"phrase.author = "blixen""#),
        ("lem=krimi", #"phrase.subject = "krimi""#),
        (#"> dc = "info:srw/cql-context-set/1/dc-v1.1" dc.title = fish"#, #"title = "fish""#),
        (#""a \"quoted\" word""#, #""a \"quoted\" word""#),
        ("TI=X AND FO=Y", #"(title = "X" and author = "Y")"#),
        ("ib = 87-02-01234-5", #"isbn = "87-02-01234-5""#),
        ("is=9788702012347 or in=0105-0133", #"(isbn = "9788702012347" or issn = "0105-0133")"#),
        ("cql.allRecords = 1 not ma=bog", #"(cql.allRecords = "1" not type = "bog")"#),
        (#"fo adj "karen blixen""#, #"author adj "karen blixen""#),
        ("ti <> prins", #"title <> "prins""#),
        (#"title exact "x""#, #"title == "x""#),
        ("ti == x", #"title == "x""#),
        ("em all krimi", #"subject all "krimi""#),
        ("fl=gyldendal and sp=dan and ln=870970 and id=D01 and faust=1", #"((((publisher = "gyldendal" and language = "dan") and agency = "870970") and id = "D01") and id = "1")"#),
        ("kier* or k?erkegaard or *gaard", #"(("kier*" or "k?erkegaard") or "*gaard")"#),
        (#"ti=fald\*"#, #"title = "fald\*""#),
        ("((((a))))", #""a""#),
        ("term.title=x and dkcclterm.fo=y", #"(title = "x" and author = "y")"#),
        ("cql.serverChoice = x", #""x""#),
        ("year < 1900 or år > 2000 or år <= 1 or år >= 2", #"(((year < "1900" or year > "2000") or year <= "1") or year >= "2")"#),
        ("kierkegaard sortBy title/sort.descending år", #""kierkegaard" sortBy title/sort.descending year"#),
        ("x sortby fo", #""x" sortBy author"#),
    ]

    @Test("valid queries parse to the expected tree", arguments: valid)
    func parses(_ pair: (String, String)) throws {
        let q = try CQLParser().parse(pair.0)
        #expect(q.description == pair.1)
    }

    @Test func equalPrecedenceLeftToRight() throws {
        let q = try CQLParser().parse("a or b and c")
        guard case .boolean(let op, let left, let right) = q.root else {
            Issue.record("not a boolean")
            return
        }
        #expect(op.op == .and)
        #expect(right == .search(CQLSearchClause(index: "", term: "c", position: 12)))
        guard case .boolean(let inner, _, _) = left else {
            Issue.record("left is not a boolean")
            return
        }
        #expect(inner.op == .or)
    }

    @Test func sortKeysAndModifiers() throws {
        let q = try CQLParser().parse("ti=kier* sortBy title/sort.descending år")
        #expect(q.sortKeys.map(\.key) == [.title, .year])
        #expect(q.sortKeys.map(\.descending) == [true, false])
        let r = try CQLParser().parse("ti =/relevant x")
        guard case .search(let c) = r.root else {
            Issue.record("not a clause")
            return
        }
        #expect(c.modifiers == [CQLModifier(name: "relevant")])
        #expect(c.relation == .equal)
        #expect(c.index == "title")
    }

    @Test func quotedTermIsMarkedQuoted() throws {
        let q = try CQLParser().parse(#"ti="den lille prins""#)
        guard case .search(let c) = q.root else {
            Issue.record("not a clause")
            return
        }
        #expect(c.quoted)
        #expect(c.term == "den lille prins")
        #expect(c.position == 1)
    }

    static let deep = String(repeating: "(", count: 129) + "a" + String(repeating: ")", count: 129)
    static let many = Array(repeating: "a", count: 1025).joined(separator: " or ")

    /// (query, error position, a fragment of the message)
    static let errors: [(String, Int, String)] = [
        ("", 1, "empty"),
        ("   ", 4, "empty"),
        ("(", 2, "expected a search term at position 2"),
        ("(kierkegaard", 13, "expected ')' at position 13"),
        ("kierkegaard)", 12, "unexpected ')' at position 12"),
        ("ti=", 4, "expected a search term after '=' at position 4"),
        (#"ti = "den lille"#, 6, "quote opened at position 6 is never closed"),
        ("and kierkegaard", 1, "found the boolean 'and'"),
        ("kierkegaard and", 16, "expected a search term at position 16"),
        ("kierkegaard blixen", 13, "expected a boolean (and, or, not, prox) at position 13"),
        ("foo=bar", 1, "unknown index 'foo' at position 1"),
        ("ti=/=x", 5, "expected a modifier name after '/'"),
        ("a prox/distance<=) b", 18, "expected a value for modifier 'distance'"),
        ("år within 1990", 11, "'within' needs two years at position 11"),
        (#"ti within "1990 2000""#, 4, "works on year only"),
        ("år > nineteen", 6, "expected a year at position 6"),
        ("kierkegaard sortBy", 19, "expected an index to sort by"),
        ("kierkegaard sortBy isbn", 20, "cannot sort by 'isbn' at position 20"),
        ("()", 1, "empty parentheses at position 1"),
        (#""ti"=x"#, 1, "index name cannot be quoted"),
        (#"ti="x\"#, 6, "escapes nothing"),
        (#"x\"#, 2, "escapes nothing"),
        (deep, 129, "deeper than 128 levels at position 129"),
        ("= x", 1, "found '='"),
        ("kierkegaard or (blixen and)", 27, "expected a search term at position 27"),
        ("ti=x sortBy title/", 19, "expected a modifier name after '/'"),
        ("(a or b))", 9, "unexpected ')' at position 9"),
        ("a and (b or c", 14, "expected ')' at position 14 to close the '(' at position 7"),
        ("ti==", 5, "expected a search term after '==' at position 5"),
        ("a or or b", 6, "found the boolean 'or'"),
        ("> dc =", 7, "expected a context-set URI"),
        ("a sortBy title b=c", 16, "cannot sort by 'b'"),
        (many, 5121, "more than 1024 search clauses"),
        ("ti <> ", 7, "expected a search term after '<>' at position 7"),
        ("a / b", 3, "found '/'"),
        ("ti=x)", 5, "unexpected ')' at position 5"),
        ("sortBy title", 1, "found 'sortBy'"),
        ("a (b)", 3, "expected a boolean"),
    ]

    /// Text whose scalars are all below U+0300 is tokenized on bytes; other text character by character. A leading
    /// EM SPACE (U+2003) sends the same query down the character path: same tree, every position one further.
    @Test("the byte and character tokenizers agree", arguments: valid.map(\.0) + errors.map(\.0) + [
        "ti=æble\u{A0}and fo=ø", "ti = \"grå  spurv\" or é", "\u{85}kierkegaard", "ti=x\u{A0}\u{A0}", "å\\", "ti=\"ø\\\"\"",
    ])
    func byteTokenizerAgrees(_ query: String) {
        let shifted = "\u{2003}" + query
        switch (Result { () throws(CQLError) in try CQLParser().parse(query) },
                Result { () throws(CQLError) in try CQLParser().parse(shifted) }) {
        case (.success(let a), .success(let b)):
            #expect(a.description == b.description)
            #expect(a.root.clausePositions.map { $0 + 1 } == b.root.clausePositions)
        case (.failure(let a), .failure(let b)):
            #expect(a.position + 1 == b.position, "\(query.prefix(40))")
        default:
            Issue.record("the two tokenizers disagree on \(query.prefix(40))")
        }
    }

    @Test("syntax errors name their position", arguments: errors)
    func rejects(_ e: (String, Int, String)) {
        do {
            let q = try CQLParser().parse(e.0)
            Issue.record("parsed \(e.0.prefix(40)) as \(q)")
        } catch {
            #expect(error.position == e.1, "\(e.0.prefix(40)): \(error.message)")
            #expect(error.message.contains(e.2), "\(e.0.prefix(40)): \(error.message)")
        }
    }

    @Test func errorCountIsLarge() {
        #expect(Self.errors.count >= 25)
    }
}

extension CQLNode {
    /// Positions of the search clauses, left to right.
    var clausePositions: [Int] {
        switch self {
        case .search(let c): return [c.position]
        case .boolean(_, let l, let r): return l.clausePositions + r.clausePositions
        }
    }
}
