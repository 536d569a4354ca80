/// Writes records in danMARC2 line format (linjeformat, Bilag F).
///
/// Each field is one logical line: tag, blank, two indicators, blank, then `*` + code + value per subfield (a
/// control field is `tag value`). A logical line longer than ``wrapWidth`` characters is cut into a first line of
/// `wrapWidth` characters and continuation lines of four blanks plus `wrapWidth - 4` characters; the cut may fall
/// anywhere, mid-word and mid-escape included, because readers join continuations without inserting anything. The
/// default width, 73, is what DBC's own files use (the danMARC2 limit is 79). `nil` writes every field on one line.
/// Each record ends with a line holding `$`. Characters are counted as Unicode scalars in UTF-8 output and as
/// bytes in danMARC2 output, so both wrap at the same places.
///
/// Escapes: UTF-8 output writes `@` as `@@`, `*` as `@*`, and line feed/carriage return as `@000A`/`@000D`;
/// everything else is written as is. danMARC2 output (Latin-1) runs every value through the danMARC2 encoder,
/// which writes `@@`, `@*` and `@XXXX` for characters beyond Latin-1.
///
/// ```swift
/// let text = try LineFormatWriter().string(for: record)
/// // 001 00 *a112613*b870970
/// // 245 00 *aEnten - eller
/// // $
/// ```
public struct LineFormatWriter: Sendable {
    /// The width DBC's own line-format files wrap at.
    public static let defaultWrapWidth = 73

    /// `.utf8` or `.danmarc2` (Latin-1 with `@` escapes).
    public var encoding: RecordEncoding
    /// Wrap logical lines longer than this many characters (at least 5); `nil` never wraps.
    public var wrapWidth: Int?
    /// Write the padded ("LAX") form: a blank after each code and before each following `*`.
    public var padded: Bool

    /// Creates a writer: UTF-8, wrapped at 73 characters, unpadded by default.
    public init(encoding: RecordEncoding = .utf8, wrapWidth: Int? = LineFormatWriter.defaultWrapWidth, padded: Bool = false) {
        self.encoding = encoding
        self.wrapWidth = wrapWidth.map { max($0, 5) }
        self.padded = padded
    }

    /// The record in line format, ending with the `$` line.
    /// - Throws: ``MARCError`` of kind `.encoding` when asked for MARC-8.
    public func bytes(for record: MARCRecord) throws(MARCError) -> [UInt8] {
        guard encoding != .marc8 else {
            throw MARCError(.encoding, "line format is written in UTF-8 or danMARC2, not MARC-8")
        }
        var out: [UInt8] = []
        for field in record.fields {
            var line: [UInt8] = []
            let (a, b, c) = field.tag.bytes
            line += [a, b, c, 0x20]
            switch field.content {
            case .control(let value):
                line += encodeValue(value)
            case .data(let indicators, let subfields):
                line += encodeValue(String(Character(indicators.first)))
                line += encodeValue(String(Character(indicators.second)))
                line.append(0x20)
                for (i, sub) in subfields.enumerated() {
                    if padded && i > 0 { line.append(0x20) }
                    line.append(0x2A)
                    line += encodeCode(sub.code)
                    if padded { line.append(0x20) }
                    line += encodeValue(sub.value)
                }
            }
            appendWrapped(line, to: &out)
        }
        out += [0x24, 0x0A]
        return out
    }

    /// The record in line format as text (the UTF-8 form, whatever ``encoding`` says about escapes beyond Latin-1).
    public func string(for record: MARCRecord) throws(MARCError) -> String {
        var utf8 = self
        utf8.encoding = .utf8
        return String(decoding: try utf8.bytes(for: record), as: UTF8.self)
    }

    /// Every record, one after the other.
    public func bytes<S: Sequence>(for records: S) throws(MARCError) -> [UInt8] where S.Element == MARCRecord {
        var out: [UInt8] = []
        for r in records { out += try bytes(for: r) }
        return out
    }

    private func encodeCode(_ code: Unicode.Scalar) -> [UInt8] {
        if encoding == .danmarc2 && code.value < 0x100 && code != "@" && code != "*" { return [UInt8(code.value)] }
        return encodeValue(String(Character(code)))
    }

    private func encodeValue(_ value: String) -> [UInt8] {
        if encoding == .utf8 {
            var needs = false
            for b in value.utf8 where b == 0x40 || b == 0x2A || b == 0x0A || b == 0x0D {
                needs = true
                break
            }
            if !needs { return Array(value.utf8) }
            var out: [UInt8] = []
            out.reserveCapacity(value.utf8.count + 4)
            for b in value.utf8 {
                switch b {
                case 0x40: out += [0x40, 0x40]
                case 0x2A: out += [0x40, 0x2A]
                case 0x0A: out += Array("@000A".utf8)
                case 0x0D: out += Array("@000D".utf8)
                default: out.append(b)
                }
            }
            return out
        }
        // danMARC2: the charset encoder does the escapes; line ends must not reach the output raw.
        guard value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return encodeDanMARC2(value) }
        var out: [UInt8] = []
        var segment = ""
        for scalar in value.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                out += encodeDanMARC2(segment)
                out += Array((scalar == "\n" ? "@000A" : "@000D").utf8)
                segment = ""
            } else {
                segment.unicodeScalars.append(scalar)
            }
        }
        out += encodeDanMARC2(segment)
        return out
    }

    /// Appends a logical line, cut into physical lines of at most `wrapWidth` characters.
    private func appendWrapped(_ line: [UInt8], to out: inout [UInt8]) {
        guard let requested = wrapWidth else {
            out += line
            out.append(0x0A)
            return
        }
        let width = max(requested, 5)  // the property may have been set below 5 after init
        var i = 0
        var first = true
        while true {
            let room = first ? width : width - 4
            if !first { out += [0x20, 0x20, 0x20, 0x20] }
            // Advance `room` characters: bytes in danMARC2, scalars in UTF-8.
            var j = i
            var taken = 0
            while j < line.count && taken < room {
                j += encoding == .utf8 ? utf8SequenceLength(line[j]) : 1
                taken += 1
            }
            j = min(j, line.count)
            out += line[i..<j]
            out.append(0x0A)
            i = j
            first = false
            if i >= line.count { break }
        }
    }
}

@inline(__always)
private func utf8SequenceLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0xF0...0xFF: 4
    case 0xE0...0xEF: 3
    case 0xC0...0xDF: 2
    default: 1
    }
}

extension MARCRecord {
    /// The record in danMARC2 line format: UTF-8 text wrapped at 73 characters, ending with the `$` line.
    ///
    /// ```swift
    /// print(record.lineFormat())
    /// ```
    public func lineFormat(wrapWidth: Int? = LineFormatWriter.defaultWrapWidth, padded: Bool = false) -> String {
        let writer = LineFormatWriter(encoding: .utf8, wrapWidth: wrapWidth, padded: padded)
        // UTF-8 output cannot fail.
        return (try? writer.string(for: self)) ?? ""
    }

    /// Parses the records of a line-format text (UTF-8).
    public static func records(lineFormat text: String, options: ReadOptions = ReadOptions()) throws(MARCError) -> [MARCRecord] {
        var options = options
        if options.encoding == nil { options.encoding = .utf8 }
        var reader = try LineFormatReader(bytes: Array(text.utf8), options: options)
        return try reader.readAll()
    }
}
