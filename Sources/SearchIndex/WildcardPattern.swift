/// A CQL term word split into literal text and the masking characters `*` and `?`.
struct WildcardPattern: Sendable, Hashable {
    enum Piece: Sendable, Hashable {
        case literal(String)
        /// `*`: zero or more characters.
        case any
        /// `?`: exactly one character.
        case one
    }

    var pieces: [Piece]

    /// Whether raw CQL term text has a masking character or an escape (`*`, `?`, `\`); without one it is a
    /// single literal.
    static func hasSpecialCharacters(_ raw: String) -> Bool {
        raw.utf8.contains(where: { $0 == 0x5C || $0 == 0x2A || $0 == 0x3F })
    }

    /// Splits raw CQL term text; `\x` is a literal `x`.
    init(raw: String) {
        if !Self.hasSpecialCharacters(raw) {
            pieces = raw.isEmpty ? [] : [.literal(raw)]
            return
        }
        var pieces: [Piece] = []
        var lit = ""
        var escaped = false
        for c in raw {
            if escaped {
                lit.append(c)
                escaped = false
                continue
            }
            switch c {
            case "\\": escaped = true
            case "*":
                if !lit.isEmpty { pieces.append(.literal(lit)); lit = "" }
                if pieces.last != .any { pieces.append(.any) }
            case "?":
                if !lit.isEmpty { pieces.append(.literal(lit)); lit = "" }
                pieces.append(.one)
            default: lit.append(c)
            }
        }
        if !lit.isEmpty { pieces.append(.literal(lit)) }
        self.pieces = pieces
    }

    init(pieces: [Piece]) { self.pieces = pieces }

    var hasWildcards: Bool { pieces.contains { $0 != .any && !$0.isLiteral } || pieces.contains(.any) }

    /// The text with escapes resolved and without masking characters.
    var literalText: String {
        pieces.reduce(into: "") { s, p in if case .literal(let l) = p { s += l } }
    }

    /// Replaces every literal piece through `transform` (the analyzer), dropping empty ones.
    func mapLiterals(_ transform: (String) -> String) -> WildcardPattern {
        var out: [Piece] = []
        for p in pieces {
            if case .literal(let l) = p {
                let t = transform(l)
                if !t.isEmpty { out.append(.literal(t)) }
            } else {
                out.append(p)
            }
        }
        return WildcardPattern(pieces: out)
    }

    /// The literal bytes before the first masking character.
    var leadingLiteral: [UInt8] {
        if case .literal(let l)? = pieces.first { return Array(l.utf8) }
        return []
    }

    /// Only a trailing `*` after a literal: a plain prefix range, no per-term check needed.
    var isPlainPrefix: Bool {
        pieces.count == 2 && pieces[0].isLiteral && pieces[1] == .any
    }

    /// Compiled byte program for matching dictionary terms.
    func compiled() -> CompiledPattern { CompiledPattern(self) }
}

extension WildcardPattern.Piece {
    var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }
}

/// Glob matcher over UTF-8 bytes; `?` consumes one whole UTF-8 sequence.
struct CompiledPattern {
    enum Op { case byte(UInt8), one, any }
    let ops: [Op]

    init(_ p: WildcardPattern) {
        var ops: [Op] = []
        for piece in p.pieces {
            switch piece {
            case .literal(let l): ops.append(contentsOf: l.utf8.map { Op.byte($0) })
            case .any: ops.append(.any)
            case .one: ops.append(.one)
            }
        }
        self.ops = ops
    }

    func matches(_ s: UnsafeRawBufferPointer) -> Bool {
        var p = 0
        var i = 0
        var starP = -1
        var starI = 0
        let n = s.count
        @inline(__always) func scalarEnd(_ at: Int) -> Int {
            var j = at + 1
            while j < n && (s[j] & 0xC0) == 0x80 { j += 1 }
            return j
        }
        while i < n {
            if p < ops.count {
                switch ops[p] {
                case .byte(let b) where s[i] == b:
                    p += 1
                    i += 1
                    continue
                case .one:
                    p += 1
                    i = scalarEnd(i)
                    continue
                case .any:
                    starP = p
                    starI = i
                    p += 1
                    continue
                default: break
                }
            }
            if starP >= 0 {
                p = starP + 1
                starI = scalarEnd(starI)
                i = starI
                continue
            }
            return false
        }
        while p < ops.count, case .any = ops[p] { p += 1 }
        return p == ops.count
    }
}
