// PROVISIONAL: the TextAnalysis issue replaces this file with the real analysis chain.
// The signatures below are the contract SearchIndex codes against.

/// Danish-aware text analysis used identically at index and query time.
public struct DanishAnalyzer: Sendable {
    /// Options for the analysis chain.
    public struct Options: Sendable, Hashable {
        /// Query-time option: also fold `ae`→`æ` and `oe`→`ø` (off by default: it breaks Rafael, poesi).
        public var foldAEOE: Bool
        /// Creates options.
        public init(foldAEOE: Bool = false) { self.foldAEOE = foldAEOE }
    }

    /// The options in force.
    public var options: Options

    /// Creates an analyzer.
    public init(options: Options = Options()) { self.options = options }

    /// Normalises a whole string (NFC, case fold, Danish folding, aa→å) without tokenising.
    public func normalize(_ text: String) -> String { text.lowercased() }

    /// Normalised tokens in order; a token's index in the array is its position.
    public func tokens(_ text: String) -> [String] {
        normalize(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// A byte-comparable sort key by Danish filing rules; `nonFilingCount` leading characters are dropped.
    public func sortKey(_ text: String, nonFilingCount: Int = 0) -> [UInt8] {
        Array(normalize(String(text.dropFirst(nonFilingCount))).utf8)
    }
}

/// ISBN handling: ISBN-10 ⇄ ISBN-13.
public enum ISBN {
    /// Every normalised form under which an ISBN is indexed and queried (13-digit and, where one exists,
    /// 10-digit), hyphens and blanks removed. Invalid input yields its cleaned form only.
    public static func searchForms(_ raw: String) -> [String] {
        [String(raw.filter { $0.isNumber || $0 == "X" || $0 == "x" }).uppercased()]
    }
}
