// The character-folding core shared by normalize(), tokens() and sortKey().
//
// Pipeline (DESIGN.md "Danish-aware normalisation"): NFKC_Casefold → æ ø å kept → ä→æ, ö→ø, ü→y, ð→d, þ→th,
// œ→oe, ꜳ→å → other diacritics removed → (pair rules) aa→å, optionally ae→æ and oe→ø.
//
// The per-character steps run in ICU (`kt_danish_fold_utf8` in CICUShim). For speed, the result of that
// function for every scalar below U+0300 (ASCII, Latin-1, Latin Extended-A/B, IPA, spacing modifiers) and for
// Ꜳ/ꜳ is computed once, through ICU, into `FoldTable`. No scalar in that set composes with a neighbour under
// NFC (none is a combining mark or a Hangul jamo), so folding a string made only of them scalar by scalar gives
// exactly what ICU gives for the whole string. Text with any other scalar goes through ICU as a whole.

/// Classification and folded output of the scalars the fast path handles.
struct FoldTable: Sendable {
    /// Entry kinds.
    static let separator: UInt8 = 0
    /// A letter, digit or mark whose folded form is letters/digits only (possibly empty, e.g. soft hyphen).
    static let simpleTokenScalar: UInt8 = 1
    /// A letter or digit whose folded form contains a non-token character (e.g. ½ → 1⁄2): ICU path.
    static let complexTokenScalar: UInt8 = 2

    /// Scalars below this value have table entries; so do U+A732 and U+A733.
    static let directLimit: UInt32 = 0x300

    /// The shared table, built on first use.
    static let shared = FoldTable()

    /// Concatenated folded outputs.
    let bytes: [UInt8]
    /// `start[e] ..< start[e + 1]` is entry e's output.
    let start: [Int32]
    /// Entry kinds, one per entry.
    let kind: [UInt8]

    /// The table entry of a scalar value, or nil when it has none.
    @inline(__always)
    static func entry(_ value: UInt32) -> Int? {
        if value < directLimit { return Int(value) }
        if value == 0xA732 { return Int(directLimit) }
        if value == 0xA733 { return Int(directLimit) + 1 }
        return nil
    }

    init() {
        var bytes: [UInt8] = []
        var start: [Int32] = [0]
        var kind: [UInt8] = []
        var values = Array(UInt32(0)..<FoldTable.directLimit)
        values.append(0xA732)
        values.append(0xA733)
        for value in values {
            guard let scalar = Unicode.Scalar(value) else {
                kind.append(FoldTable.separator)
                start.append(Int32(bytes.count))
                continue
            }
            let folded = ICUBridge.danishFold(String(Character(scalar)))
            bytes.append(contentsOf: folded.utf8)
            start.append(Int32(bytes.count))
            if !DanishFolding.isTokenScalar(scalar) {
                kind.append(FoldTable.separator)
            } else if folded.unicodeScalars.allSatisfy(DanishFolding.isTokenScalar) {
                kind.append(FoldTable.simpleTokenScalar)
            } else {
                kind.append(FoldTable.complexTokenScalar)
            }
        }
        self.bytes = bytes
        self.start = start
        self.kind = kind
    }
}

/// Helpers shared by the analysis functions.
enum DanishFolding {
    /// Whether a scalar belongs inside a token: letters, digits and other numbers, combining marks, and
    /// invisible format characters (soft hyphen, zero-width joiners) which fold away.
    @inline(__always)
    static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value | 0x20) &- 0x61 < 26 || value &- 0x30 < 10
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark, .format:
            return true
        default:
            return false
        }
    }

    /// Whether a scalar is dropped from every normalised value: `¤` (the danMARC2 filing marker) and `[ ] \`
    /// (DBC's IndexNormalizer removes them from every index value).
    @inline(__always)
    static func isDropped(_ value: UInt32) -> Bool {
        value == 0xA4 || value == 0x5B || value == 0x5D || value == 0x5C
    }

    /// Decodes one scalar from well-formed UTF-8 at `i`; returns its value and length.
    /// Ill-formed or truncated input yields U+FFFD with length 1, never a trap.
    @inline(__always)
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let n = buffer.count
        let b0 = UInt32(buffer[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 >= 0xC2 && b0 < 0xE0 && i + 1 < n {
            let b1 = UInt32(buffer[i + 1])
            if b1 & 0xC0 == 0x80 { return ((b0 & 0x1F) << 6 | (b1 & 0x3F), 2) }
        } else if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < n {
            let b1 = UInt32(buffer[i + 1]), b2 = UInt32(buffer[i + 2])
            if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 {
                let v = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
                if v >= 0x800 && !(0xD800...0xDFFF).contains(v) { return (v, 3) }
            }
        } else if b0 >= 0xF0 && b0 < 0xF5 && i + 3 < n {
            let b1 = UInt32(buffer[i + 1]), b2 = UInt32(buffer[i + 2]), b3 = UInt32(buffer[i + 3])
            if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 && b3 & 0xC0 == 0x80 {
                let v = (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F)
                if v >= 0x10000 && v <= 0x10FFFF { return (v, 4) }
            }
        }
        return (0xFFFD, 1)
    }
}

/// A growable byte buffer that is reused from token to token without the copy-on-write checks of `[UInt8]`.
struct ByteBuffer: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    /// Bytes allocated at `base`; 0 until the first append (most values analysed need no copy of a token,
    /// so a tokenizer made per value allocates nothing), when `base` is a shared placeholder.
    private var capacity = 0
    private let initialCapacity: Int

    /// Stands in for `base` before anything is allocated; never written or freed.
    nonisolated(unsafe) private static let placeholder = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

    init(capacity: Int) {
        initialCapacity = max(capacity, 16)
        base = Self.placeholder
    }

    deinit { if capacity > 0 { base.deallocate() } }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow() }
        base[count] = byte
        count += 1
    }

    /// The last byte, or 0 when empty.
    @inline(__always)
    var last: UInt8 { count > 0 ? base[count - 1] : 0 }

    @inline(__always)
    mutating func replaceLast(_ byte: UInt8) { base[count - 1] = byte }

    @inline(__always)
    mutating func reset() { count = 0 }

    var isEmpty: Bool { count == 0 }

    /// The bytes written so far (valid until the next mutation).
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    private mutating func grow() {
        let newCapacity = capacity == 0 ? initialCapacity : capacity * 2
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        if capacity > 0 {
            newBase.update(from: base, count: count)
            base.deallocate()
        }
        base = newBase
        capacity = newCapacity
    }
}

/// Appends folded bytes and applies the pair rules (aa→å, and with `foldAEOE` ae→æ, oe→ø) left to right,
/// as Lucene's ScandinavianNormalizationFilter does: "aaa" → "åa".
struct PairFoldingWriter: ~Copyable {
    var output: ByteBuffer
    let foldAA: Bool
    let foldAEOE: Bool

    init(foldAA: Bool, foldAEOE: Bool, capacity: Int = 64) {
        self.foldAA = foldAA
        self.foldAEOE = foldAEOE
        output = ByteBuffer(capacity: capacity)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if byte == 0x61 {  // a
            if foldAA && output.last == 0x61 {
                output.replaceLast(0xC3)
                output.append(0xA5)  // å
                return
            }
        } else if byte == 0x65 && foldAEOE {  // e
            let last = output.last
            if last == 0x61 {
                output.replaceLast(0xC3)
                output.append(0xA6)  // æ
                return
            }
            if last == 0x6F {
                output.replaceLast(0xC3)
                output.append(0xB8)  // ø
                return
            }
        }
        output.append(byte)
    }

    @inline(__always)
    mutating func append(table: FoldTable, entry: Int) {
        var k = Int(table.start[entry])
        let end = Int(table.start[entry + 1])
        while k < end {
            append(table.bytes[k])
            k += 1
        }
    }

    @inline(__always)
    mutating func reset() {
        output.reset()
    }
}
