/// Reads danMARC2 line format (linjeformat, danMARC2 Bilag F) from a file, standard input or bytes.
///
/// ```
/// 001 00 *a112613*b870970
/// 245 10 *a100 danske præsteslægter*cEn lille slægtshaandbog opstillet i ud
///     drag af stamtavler
/// $
/// ```
/// Rules (see Docs/FORMATS.md):
/// - A field line is a three-character alphanumeric tag, a blank, two indicators, an optional blank, then
///   subfields, each `*` + code + value. A line beginning with four blanks continues the previous line; the four
///   blanks are dropped and the rest is joined **without** inserting anything, since DBC breaks lines mid-word.
///   Every other character is significant, blanks at the end of a line included.
/// - A line holding only `$` ends a record; so do an empty line (or one of one to three blanks) and the end of
///   input (files without `$`).
/// - Padded records (`*a 5 284 694 3 *b 870970`, DBC's "LAX" form) are recognised per record: when every subfield
///   of every data field has a blank after its code and before the next `*`, those blanks are padding and dropped.
/// - Escapes are decoded after splitting on unescaped `*`: `@*`, `@@`, `@¤`, `@XXXX`, `@å`/`@Å`. A file that is
///   valid UTF-8 is read as UTF-8 (escapes decoded here); any other is Latin-1 with danMARC2 escapes, decoded by the
///   danMARC2 charset decoder. ``ReadOptions/encoding`` (`.utf8` or `.danmarc2`) overrides the detection.
/// - Line format has no leader: each record gets ``LineFormatReader/synthesizedLeader``. A 24-character line
///   starting with five digits before the first field is taken as the record's leader.
/// - A line `ttt value` with a control-range tag (`001`–`009`) and no subfields is a MARC21 control field.
///
/// Strict reading throws the first problem as a ``MARCError`` of kind `.lineFormat` with the line number; lenient
/// reading drops bad lines (`.dataDropped`), skips records left with no field (`.skipped`) and lists every repair
/// in ``diagnostics``.
public struct LineFormatReader {
    /// The input bytes.
    public let storage: ByteStorage
    /// The options in force.
    public let options: ReadOptions
    /// The character set the input is read in: `.utf8` or `.danmarc2` (Latin-1 with `@` escapes).
    public let encoding: RecordEncoding
    /// Repairs and skips reported so far (lenient mode), in input order.
    public private(set) var diagnostics: [MARCError] = []

    /// The leader given to records read from line format, which has none: DBC's MARCXchange default.
    public static let synthesizedLeader = Leader(ascii: "00000n    2200000   4500")

    private var position = 0
    private var lineNumber = 0
    private var recordNumber = 0

    /// Opens a file (memory-mapped); `-` reads standard input.
    public init(path: String, options: ReadOptions = ReadOptions()) throws(MARCError) {
        var options = options
        if options.fileName == nil { options.fileName = path }
        let storage = path == "-" ? try ByteStorage(readingAll: 0, name: "-") : try ByteStorage(mapping: path)
        try self.init(storage: storage, options: options)
    }

    /// Reads from bytes in memory.
    public init(bytes: [UInt8], options: ReadOptions = ReadOptions()) throws(MARCError) {
        try self.init(storage: ByteStorage(copying: bytes), options: options)
    }

    /// Reads from shared storage.
    /// - Throws: ``MARCError`` of kind `.encoding` when MARC-8 is requested (line format is never MARC-8).
    public init(storage: ByteStorage, options: ReadOptions = ReadOptions()) throws(MARCError) {
        self.storage = storage
        self.options = options
        switch options.encoding {
        case .utf8?: encoding = .utf8
        case .danmarc2?: encoding = .danmarc2
        case .marc8?:
            throw MARCError(.encoding, "line format is UTF-8 or danMARC2 (Latin-1), never MARC-8", file: options.fileName)
        case nil:
            encoding = firstInvalidUTF8Offset(storage.buffer) == nil ? .utf8 : .danmarc2
        }
        let b = storage.buffer
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { position = 3 }
    }

    /// Reads every remaining record.
    public mutating func readAll() throws(MARCError) -> [MARCRecord] {
        var out: [MARCRecord] = []
        while let r = try next() { out.append(r) }
        return out
    }

    /// One logical line: a field line with its continuations joined.
    private struct LogicalLine {
        var bytes: [UInt8]
        var line: Int
        var offset: Int
    }

    /// The next record, or `nil` at the end of input.
    public mutating func next() throws(MARCError) -> MARCRecord? {
        let buffer = storage.buffer
        while true {
            var lines: [LogicalLine] = []
            var ended = false
            var recordLine = 0
            while position < buffer.count {
                let start = position
                var end = start
                if let base = buffer.baseAddress, let p = memchrBytes(base + start, 0x0A, buffer.count - start) {
                    end = base.distance(to: p)
                    position = end + 1
                } else {
                    end = buffer.count
                    position = buffer.count
                }
                lineNumber += 1
                var stop = end
                if stop > start && buffer[stop - 1] == 0x0D { stop -= 1 }
                let line = UnsafeRawBufferPointer(rebasing: buffer[start..<stop])
                if isTerminator(line) {
                    ended = true
                    break
                }
                // An empty line (or one of fewer than four blanks, which cannot be a continuation) ends a record.
                if line.count < 4 && line.allSatisfy({ $0 == 0x20 }) {
                    if lines.isEmpty { continue }
                    ended = true
                    break
                }
                if line.count >= 4 && line[0] == 0x20 && line[1] == 0x20 && line[2] == 0x20 && line[3] == 0x20 {
                    if lines.isEmpty {
                        recordNumber += 1
                        try problem("continuation line (four blanks) with no field line before it", line: lineNumber, offset: start, .dataDropped)
                        recordNumber -= 1
                        continue
                    }
                    lines[lines.count - 1].bytes.append(contentsOf: line[4...])
                    continue
                }
                if lines.isEmpty { recordLine = lineNumber }
                lines.append(LogicalLine(bytes: Array(line), line: lineNumber, offset: start))
            }
            if lines.isEmpty {
                if ended { continue }  // a `$` with nothing before it
                return nil
            }
            recordNumber += 1
            if let record = try makeRecord(lines, firstLine: recordLine) { return record }
        }
    }

    private func isTerminator(_ line: UnsafeRawBufferPointer) -> Bool {
        guard let first = line.first, first == 0x24 else { return false }
        return line.dropFirst().allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    // MARK: Records

    private struct RawField {
        var tag: Tag
        var indicators: [Unicode.Scalar]
        var control: [UInt8]?
        var subfields: [(code: Unicode.Scalar, value: ArraySlice<UInt8>)]
        var line: Int
        var offset: Int
    }

    private mutating func makeRecord(_ lines: [LogicalLine], firstLine: Int) throws(MARCError) -> MARCRecord? {
        var leader: Leader?
        var raw: [RawField] = []
        for (k, l) in lines.enumerated() {
            if k == 0, l.bytes.count == 24, l.bytes[3] != 0x20, l.bytes.prefix(5).allSatisfy({ $0 &- 0x30 < 10 }) {
                leader = Leader(bytes: l.bytes)
                continue
            }
            if let f = try parseFieldLine(l) { raw.append(f) }
        }
        if raw.isEmpty {
            try problem("record has no usable field line", line: firstLine, offset: lines.first?.offset, .skipped)
            return nil
        }
        // Padded (LAX) form: every subfield value starts with a blank, and every one but a field's last ends
        // with a blank.
        let dataFields = raw.filter { $0.control == nil }
        let padded =
            dataFields.contains { !$0.subfields.isEmpty }
            && !dataFields.contains { f in
                f.subfields.indices.contains { i in
                    let v = f.subfields[i].value
                    return v.first != 0x20 || (i < f.subfields.count - 1 && (v.count < 2 || v.last != 0x20))
                }
            }
        var fields: [Field] = []
        fields.reserveCapacity(raw.count)
        for f in raw {
            if let control = f.control {
                fields.append(Field(tag: f.tag, value: try decodeValue(control[...], field: f, code: nil)))
                continue
            }
            var subfields: [Subfield] = []
            subfields.reserveCapacity(f.subfields.count)
            for (i, s) in f.subfields.enumerated() {
                var v = s.value
                if padded {
                    v = v.dropFirst()
                    if i < f.subfields.count - 1 { v = v.dropLast() }
                }
                subfields.append(Subfield(s.code, try decodeValue(v, field: f, code: s.code)))
            }
            fields.append(Field(tag: f.tag, indicators: Indicators(scalars: f.indicators), subfields: subfields))
        }
        return MARCRecord(leader: leader ?? Self.synthesizedLeader, fields: fields, sourceEncoding: encoding)
    }

    /// Parses one logical line; `nil` when lenient reading dropped it.
    private mutating func parseFieldLine(_ l: LogicalLine) throws(MARCError) -> RawField? {
        let b = l.bytes
        func isAlnum(_ c: UInt8) -> Bool { (c &- 0x30) < 10 || ((c | 0x20) &- 0x61) < 26 }
        guard b.count >= 3, isAlnum(b[0]), isAlnum(b[1]), isAlnum(b[2]) else {
            try problem("not a field line: \(quoted(b)) does not start with a three-character tag", line: l.line, offset: l.offset, .dataDropped)
            return nil
        }
        let tag = Tag(b[0], b[1], b[2])
        guard b.count >= 4, b[3] == 0x20 else {
            try problem("field \(tag): the tag must be followed by a blank: \(quoted(b))", line: l.line, offset: l.offset, .dataDropped)
            return nil
        }
        // Data field: two indicators, optional blanks, then `*`.
        var i = 6
        while i < b.count && b[i] == 0x20 { i += 1 }
        if b.count >= 7, i < b.count, b[i] == 0x2A, b[4] != 0x2A, b[5] != 0x2A {
            let indicators = [Unicode.Scalar(b[4]), Unicode.Scalar(b[5])]
            var subfields: [(code: Unicode.Scalar, value: ArraySlice<UInt8>)] = []
            var pieceStart = i + 1
            var k = i + 1
            func flush(_ end: Int) throws(MARCError) {
                let piece = b[pieceStart..<end]
                guard let first = piece.first else {
                    try problem("field \(tag): empty subfield (a `*` with no code)", line: l.line, offset: l.offset, .dataDropped)
                    return
                }
                var codeLength = 1
                var code = Unicode.Scalar(first)
                if encoding == .utf8 && first >= 0x80 {
                    codeLength = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
                    codeLength = min(codeLength, piece.count)
                    code = String(decoding: piece.prefix(codeLength), as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
                }
                subfields.append((code, piece.dropFirst(codeLength)))
            }
            while k < b.count {
                let c = b[k]
                if c == 0x40 {  // `@` escapes the next character, which is never a subfield start
                    k += 2
                    continue
                }
                if c == 0x2A {
                    try flush(k)
                    pieceStart = k + 1
                }
                k += 1
            }
            try flush(b.count)
            if subfields.isEmpty { return nil }
            return RawField(tag: tag, indicators: indicators, control: nil, subfields: subfields, line: l.line, offset: l.offset)
        }
        if tag.isControlRange {
            return RawField(tag: tag, indicators: [], control: Array(b[4...]), subfields: [], line: l.line, offset: l.offset)
        }
        try problem("field \(tag): expected two indicators and subfields (`*`): \(quoted(b))", line: l.line, offset: l.offset, .dataDropped)
        return nil
    }

    private mutating func decodeValue(_ bytes: ArraySlice<UInt8>, field: RawField, code: Unicode.Scalar?) throws(MARCError) -> String {
        let (string, issues) = bytes.withUnsafeBytes { raw in
            encoding == .utf8 ? decodeLineFormatEscapesUTF8(raw) : decodeDanMARC2(raw)
        }
        for issue in issues {
            let what = code.map { "field \(field.tag) subfield \($0)" } ?? "field \(field.tag)"
            try problem("\(what): \(issue.message)", line: field.line, offset: field.offset, .dataDropped, kind: .encoding)
        }
        return string
    }

    // MARK: Problems

    private mutating func problem(
        _ message: String, line: Int, offset: Int?, _ disposition: MARCError.Disposition, kind: MARCError.Kind = .lineFormat
    ) throws(MARCError) {
        let e = MARCError(
            kind, "line \(line): \(message)", file: options.fileName, recordNumber: recordNumber, byteOffset: offset,
            disposition: options.lenient ? disposition : .fatal)
        guard options.lenient else { throw e }
        diagnostics.append(e)
    }

    private func quoted(_ b: [UInt8]) -> String {
        let shown = b.prefix(40)
        let text = encoding == .utf8 ? String(decoding: shown, as: UTF8.self) : String(String.UnicodeScalarView(shown.map { Unicode.Scalar($0) }))
        return "\"" + text + (b.count > 40 ? "…" : "") + "\""
    }
}

/// Decodes the danMARC2 `@` escapes in UTF-8 line-format text: `@@`, `@*`, `@¤`, `@XXXX` (four hex digits, any
/// case), `@å` → U+A733, `@Å` → U+A732. Everything else passes through; an unknown or truncated escape keeps its
/// `@` and is reported.
package func decodeLineFormatEscapesUTF8(_ bytes: UnsafeRawBufferPointer) -> (string: String, issues: [CharsetIssue]) {
    guard bytes.contains(0x40) else { return (String(decoding: bytes, as: UTF8.self), []) }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var issues: [CharsetIssue] = []
    var i = 0
    let n = bytes.count
    func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: UInt32(c - 0x30)
        case 0x41...0x46: UInt32(c - 0x41 + 10)
        case 0x61...0x66: UInt32(c - 0x61 + 10)
        default: nil
        }
    }
    func append(_ scalar: Unicode.Scalar) {
        out.append(contentsOf: String(Character(scalar)).utf8)
    }
    while i < n {
        let c = bytes[i]
        guard c == 0x40 else {
            out.append(c)
            i += 1
            continue
        }
        guard i + 1 < n else {
            issues.append(CharsetIssue(offset: i, message: "`@` at the end of a value escapes nothing; kept"))
            out.append(c)
            i += 1
            continue
        }
        let d = bytes[i + 1]
        if d == 0x40 || d == 0x2A {
            out.append(d)
            i += 2
        } else if d == 0xC2, i + 2 < n, bytes[i + 2] == 0xA4 {
            append("\u{A4}")
            i += 3
        } else if d == 0xC3, i + 2 < n, bytes[i + 2] == 0xA5 || bytes[i + 2] == 0x85 {
            append(bytes[i + 2] == 0xA5 ? "\u{A733}" : "\u{A732}")
            i += 3
        } else if i + 4 < n, let h0 = hexValue(d), let h1 = hexValue(bytes[i + 2]), let h2 = hexValue(bytes[i + 3]),
            let h3 = hexValue(bytes[i + 4]), let scalar = Unicode.Scalar(h0 << 12 | h1 << 8 | h2 << 4 | h3)
        {
            append(scalar)
            i += 5
        } else {
            issues.append(CharsetIssue(offset: i, message: "unknown escape `@` followed by byte 0x\(String(d, radix: 16)); kept as is"))
            out.append(c)
            i += 1
        }
    }
    return (String(decoding: out, as: UTF8.self), issues)
}
