/// Splits UTF-8 text into normalised tokens (runs of letters and digits), one pass over the bytes.
///
/// ASCII bytes are lower-cased inline; scalars below U+0300 and Ꜳ/ꜳ come from `FoldTable`; a token with any
/// other scalar is folded by ICU as a whole and re-split where folding produced a non-token character.
struct DanishTokenizer: ~Copyable {
    private var writer: PairFoldingWriter
    private var position = 0

    init(options: DanishAnalyzer.Options) {
        writer = PairFoldingWriter(foldAA: options.foldAA, foldAEOE: options.foldAEOE)
    }

    @inline(__always)
    private static func isASCIIAlnum(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10
    }

    /// Whether the scalar starting at `i` (if any) continues a token.
    @inline(__always)
    private static func startsTokenScalar(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i < input.count else { return false }
        let b = input[i]
        if b < 0x80 { return isASCIIAlnum(b) }
        let (value, _) = DanishFolding.decode(input, at: i)
        if let entry = FoldTable.entry(value) { return FoldTable.shared.kind[entry] != FoldTable.separator }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return DanishFolding.isTokenScalar(scalar)
    }

    mutating func run(
        _ input: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int, Range<Int>) -> Void
    ) {
        let table = FoldTable.shared
        let n = input.count
        var i = 0
        while i < n {
            // Skip separators.
            let b = input[i]
            if b < 0x80 {
                if !DanishTokenizer.isASCIIAlnum(b) {
                    if b == 0x2E, matchesDotNet(input, at: i) {  // ".NET"
                        writer.reset()
                        for byte in ".net".utf8 { writer.append(byte) }
                        emit(i..<(i + 4), body)
                        i += 4
                    } else {
                        i += 1
                    }
                    continue
                }
            } else if !DanishTokenizer.startsTokenScalar(input, at: i) {
                i += DanishFolding.decode(input, at: i).length
                continue
            }

            // A token starts at i. First the common case: a run of ASCII letters and digits.
            let start = i
            var needsCopy = false
            var previous: UInt8 = 0
            while i < n {
                let c = input[i]
                let lower = c | 0x20
                if lower &- 0x61 < 26 {
                    if c != lower
                        || (lower == 0x61 && previous == 0x61 && writer.foldAA)
                        || (lower == 0x65 && (previous == 0x61 || previous == 0x6F) && writer.foldAEOE)
                    {
                        needsCopy = true
                    }
                    previous = lower
                } else if c &- 0x30 < 10 {
                    previous = c
                } else {
                    break
                }
                i += 1
            }
            if !needsCopy && (i == n || (input[i] < 0x80 && input[i] != 0x2B && input[i] != 0x23)) {
                // Already normalised (lower-case ASCII, no pair to fold) and not followed by "+"/"#": no copy.
                body(UnsafeBufferPointer(rebasing: input[start..<i]), position, start..<i)
                position += 1
                continue
            }
            writer.reset()
            for k in start..<i {
                let c = input[k]
                writer.append(c &- 0x41 < 26 ? c | 0x20 : c)
            }
            var needsICU = false
            while i < n {
                let c = input[i]
                if c < 0x80 {
                    let lower = c | 0x20
                    if lower &- 0x61 < 26 {
                        writer.append(lower)
                    } else if c &- 0x30 < 10 {
                        writer.append(c)
                    } else {
                        break
                    }
                    i += 1
                    continue
                }
                let (value, length) = DanishFolding.decode(input, at: i)
                if let entry = FoldTable.entry(value) {
                    let kind = table.kind[entry]
                    if kind == FoldTable.separator { break }
                    if kind == FoldTable.complexTokenScalar { needsICU = true }
                    writer.append(table: table, entry: entry)
                } else {
                    guard let scalar = Unicode.Scalar(value), DanishFolding.isTokenScalar(scalar) else { break }
                    needsICU = true
                }
                i += length
            }
            let end = i

            // Programming-language names: "C++", "Notepad++", "C#", "F#", "J#".
            var suffix: StaticString? = nil
            if end < n {
                if input[end] == 0x2B, end + 1 < n, input[end + 1] == 0x2B, end + 2 == n || input[end + 2] != 0x2B {
                    suffix = "++"
                    i = end + 2
                } else if input[end] == 0x23, end - start == 1, DanishTokenizer.isASCIIAlnum(input[start]),
                    input[start] > 0x39, !DanishTokenizer.startsTokenScalar(input, at: end + 1)
                {
                    suffix = "#"
                    i = end + 1
                }
            }

            if needsICU {
                emitFoldedByICU(UnsafeBufferPointer(rebasing: input[start..<end]), start: start, end: i,
                                suffix: suffix, body)
            } else {
                if let suffix { appendSuffix(suffix) }
                emit(start..<i, body)
            }
        }
    }

    private mutating func appendSuffix(_ suffix: StaticString) {
        let bytes = suffix.utf8Start
        for k in 0..<suffix.utf8CodeUnitCount { writer.output.append(bytes[k]) }
    }

    @inline(__always)
    private mutating func emit(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>, Int, Range<Int>) -> Void) {
        if writer.output.isEmpty { return }  // e.g. a lone soft hyphen
        body(writer.output.bytes, position, range)
        position += 1
    }

    /// ".net" at `i` (a dot not preceded by a letter or digit, then "net" and no further letter or digit).
    private func matchesDotNet(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let n = input.count
        guard i + 3 < n, input[i + 1] | 0x20 == 0x6E, input[i + 2] | 0x20 == 0x65, input[i + 3] | 0x20 == 0x74
        else { return false }
        if i > 0 {
            let before = input[i - 1]
            if before >= 0x80 || DanishTokenizer.isASCIIAlnum(before) { return false }
        }
        return !DanishTokenizer.startsTokenScalar(input, at: i + 4)
    }

    /// Folds a token through ICU and emits the pieces between non-token characters of the result.
    private mutating func emitFoldedByICU(
        _ raw: UnsafeBufferPointer<UInt8>, start: Int, end: Int, suffix: StaticString?,
        _ body: (UnsafeBufferPointer<UInt8>, Int, Range<Int>) -> Void
    ) {
        guard let folded = ICUBridge.danishFold(raw) else { return }
        folded.withUnsafeBufferPointer { buffer in
            writer.reset()
            var i = 0
            while i < buffer.count {
                let (value, length) = DanishFolding.decode(buffer, at: i)
                if let scalar = Unicode.Scalar(value), DanishFolding.isTokenScalar(scalar) {
                    for k in i..<(i + length) { writer.append(buffer[k]) }
                } else {
                    emit(start..<end, body)
                    writer.reset()
                }
                i += length
            }
        }
        if let suffix, !writer.output.isEmpty { appendSuffix(suffix) }
        emit(start..<end, body)
    }
}
