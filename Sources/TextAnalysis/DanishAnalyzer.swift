/// Danish-aware text analysis, used identically at index and at query time.
///
/// The chain (see Docs/ANALYSIS.md): NFKC + case folding, æ ø å kept as letters, ä→æ, ö→ø, ü→y, ð→d,
/// þ→th, œ→oe, ꜳ→å, every other diacritic removed (é→e, ñ→n), then aa→å. With ``Options/foldAEOE`` also
/// ae→æ and oe→ø (a query-time option: it turns Rafael into "rafæl").
///
/// ```swift
/// let analyzer = DanishAnalyzer()
/// analyzer.tokens("Søren Kierkegaard: Enten-Eller (1843)")  // ["søren", "kierkegård", "enten", "eller", "1843"]
/// analyzer.normalize("Ålborg") == analyzer.normalize("Aalborg")  // true
/// ```
public struct DanishAnalyzer: Sendable {
    /// Options for the analysis chain.
    public struct Options: Sendable, Hashable {
        /// Query-time option: also fold `ae`→`æ` and `oe`→`ø` (off by default: it breaks Rafael, poesi).
        /// Never applied to sort keys.
        public var foldAEOE: Bool
        /// Fold `aa`→`å` (on by default, DS 377 and CLDR: Aalborg = Ålborg). Off, only `ꜳ` (danMARC2 `@å`)
        /// becomes å, which is the library filing rule when the data records it.
        public var foldAA: Bool
        /// Creates options.
        public init(foldAEOE: Bool = false, foldAA: Bool = true) {
            self.foldAEOE = foldAEOE
            self.foldAA = foldAA
        }
    }

    /// A token with its position and where it came from.
    public struct Token: Sendable, Hashable {
        /// The normalised token text.
        public var text: String
        /// The token's position (0, 1, 2, …), for phrase and proximity matching.
        public var position: Int
        /// Byte offsets of the source text in the input's UTF-8 (`input.utf8`), for highlighting.
        public var utf8Range: Range<Int>
        /// Creates a token.
        public init(text: String, position: Int, utf8Range: Range<Int>) {
            self.text = text
            self.position = position
            self.utf8Range = utf8Range
        }
    }

    /// The options in force.
    public var options: Options

    /// Creates an analyzer.
    public init(options: Options = Options()) { self.options = options }

    /// Normalises a whole string without tokenising: folding and pair rules as for tokens; `¤ [ ] \` removed;
    /// separators (blanks, punctuation) kept as they fold.
    ///
    /// `normalize("Märchen") == "mærchen"`, `normalize("Aalborg") == "ålborg"`.
    public func normalize(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { input in
            var writer = PairFoldingWriter(foldAA: options.foldAA, foldAEOE: options.foldAEOE, capacity: input.count + 8)
            DanishAnalyzer.normalize(input, into: &writer)
            return String(decoding: writer.output.bytes, as: UTF8.self)
        }
    }

    /// Normalised tokens in order; a token's index in the array is its position.
    ///
    /// Tokens are runs of letters and digits; `C++`, `C#`, `F#` and `.NET` are kept whole (`c++`, `c#`, `f#`,
    /// `.net`); hyphens and apostrophes separate (`Hans-Christian` → `hans`, `christian`).
    public func tokens(_ text: String) -> [String] {
        var result: [String] = []
        result.reserveCapacity(text.utf8.count / 6 + 1)
        forEachToken(in: text) { bytes, _, _ in
            result.append(String(decoding: bytes, as: UTF8.self))
        }
        return result
    }

    /// Tokens with positions and UTF-8 byte ranges into `text`.
    public func analyze(_ text: String) -> [Token] {
        var result: [Token] = []
        forEachToken(in: text) { bytes, position, range in
            result.append(Token(text: String(decoding: bytes, as: UTF8.self), position: position, utf8Range: range))
        }
        return result
    }

    /// The normalised tokens joined by single blanks: the value of a phrase index
    /// (`phrase.title`, `phrase.author`, `phrase.subject`). `"Den ¤lille  Prins!"` → `"den lille prins"`.
    public func phraseKey(_ text: String) -> String {
        var joined: [UInt8] = []
        joined.reserveCapacity(text.utf8.count)
        forEachToken(in: text) { bytes, position, _ in
            if position > 0 { joined.append(0x20) }
            joined.append(contentsOf: bytes)
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// Calls `body` for every token without creating strings: the normalised UTF-8 bytes (valid only during
    /// the call), the position, and the UTF-8 byte range of the source text in `text`.
    public func forEachToken(
        in text: String, _ body: (_ token: UnsafeBufferPointer<UInt8>, _ position: Int, _ utf8Range: Range<Int>) -> Void
    ) {
        var copy = text
        copy.withUTF8 { input in
            var tokenizer = DanishTokenizer(options: options)
            tokenizer.run(input, body)
        }
    }
}

extension DanishAnalyzer {
    /// Normalises UTF-8 into `writer`: table path when every scalar has a table entry, ICU otherwise.
    static func normalize(_ input: UnsafeBufferPointer<UInt8>, into writer: inout PairFoldingWriter) {
        let table = FoldTable.shared
        let n = input.count
        // Fast path; bails out to ICU at the first scalar without a table entry.
        var i = 0
        while i < n {
            let b = input[i]
            if b < 0x80 {
                let lower = b &- 0x41 < 26 ? b | 0x20 : b
                if !(lower == 0x5B || lower == 0x5C || lower == 0x5D) { writer.append(lower) }
                i += 1
                continue
            }
            let (value, length) = DanishFolding.decode(input, at: i)
            guard let entry = FoldTable.entry(value) else {
                writer.reset()
                normalizeWithICU(input, into: &writer)
                return
            }
            if value != 0xA4 { writer.append(table: table, entry: entry) }
            i += length
        }
    }

    /// The whole input through ICU, then the dropped characters and pair rules.
    static func normalizeWithICU(_ input: UnsafeBufferPointer<UInt8>, into writer: inout PairFoldingWriter) {
        guard let folded = ICUBridge.danishFold(input) else { return }
        folded.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                let (value, length) = DanishFolding.decode(buffer, at: i)
                if !DanishFolding.isDropped(value) {
                    for k in i..<(i + length) { writer.append(buffer[k]) }
                }
                i += length
            }
        }
    }
}

extension DanishAnalyzer {
    /// The normalised prefixes to look up for a right-truncated query term (`kierkega*`).
    ///
    /// Pair folding makes a plain prefix miss words where the cut falls inside a pair: "Kierkegaard" is indexed as
    /// "kierkegård", so the prefix "kierkega" must also be tried as "kierkegå". The first form is the normalised
    /// term; a term ending in "a" adds the "å" form (and with ``Options/foldAEOE`` the "æ" form), one ending in
    /// "o" adds the "ø" form with ``Options/foldAEOE``.
    ///
    /// `prefixForms("Kierkega") == ["kierkega", "kierkegå"]`
    public func prefixForms(_ truncatedTerm: String) -> [String] {
        let prefix = normalize(truncatedTerm)
        var forms = [prefix]
        guard let last = prefix.unicodeScalars.last else { return forms }
        let stem = String(prefix.unicodeScalars.dropLast())
        if last == "a" {
            if options.foldAA { forms.append(stem + "å") }
            if options.foldAEOE { forms.append(stem + "æ") }
        } else if last == "o" && options.foldAEOE {
            forms.append(stem + "ø")
        }
        return forms
    }
}
