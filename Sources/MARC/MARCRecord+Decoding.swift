extension RecordView {
    /// The character set of this record: `forced` if given, else leader/09 verified against the bytes.
    ///
    /// leader/09 `a` means UTF-8. Otherwise a danMARC2-shaped record (its `001` has subfields) uses the danMARC2
    /// set, and a MARC21 record MARC-8 — unless its bytes are valid UTF-8 with multi-byte sequences and no escape
    /// sequences, which is how real files that lie about leader/09 look. `lied` is true in that case.
    package func detectEncoding(forced: RecordEncoding?) -> (encoding: RecordEncoding, lied: Bool) {
        if let forced { return (forced, false) }
        if declaresUTF8 { return (.utf8, false) }
        let raw = rawBytes
        if let first = fields.first(where: { $0.tag == "001" }), !first.isControlField {
            return (.danmarc2, false)
        }
        let body = UnsafeRawBufferPointer(rebasing: raw[min(24, raw.count)...])
        if looksLikeUTF8(body) { return (.utf8, true) }
        return (.marc8, false)
    }
}

extension MARCRecord {
    /// Materialises a record view into an owning record, decoding values from the record's character set.
    ///
    /// Strict reading throws on invalid UTF-8, undecodable bytes and stray data; lenient reading replaces or drops
    /// them and appends a diagnostic for each.
    package init(view: RecordView, options: ReadOptions, diagnostics: inout [MARCError]) throws(MARCError) {
        let (encoding, lied) = view.detectEncoding(forced: options.encoding)
        let file = options.fileName
        let number = view.number
        let recordOffset = view.inputOffset
        let raw = view.rawBytes
        func problem(_ kind: MARCError.Kind, _ message: String, at pointer: UnsafeRawPointer?, _ d: MARCError.Disposition) -> MARCError {
            var offset: Int? = nil
            if let pointer, let base = raw.baseAddress { offset = recordOffset + base.distance(to: pointer) }
            return MARCError(kind, message, file: file, recordNumber: number, byteOffset: offset, disposition: d)
        }
        if lied {
            diagnostics.append(
                problem(.encoding, "leader/09 declares MARC-8 but the record is valid UTF-8; read as UTF-8", at: raw.baseAddress.map { $0 + 9 }, .repaired))
        }
        var failure: MARCError?
        func decode(_ bytes: UnsafeRawBufferPointer, what: @autoclosure () -> String) -> String {
            switch encoding {
            case .utf8:
                if let s = validUTF8String(bytes) { return s }
                let bad = firstInvalidUTF8Offset(bytes) ?? 0
                let e = problem(.encoding, "invalid UTF-8 in \(what()) at byte \(bad) of the value", at: bytes.baseAddress.map { $0 + bad }, options.lenient ? .dataDropped : .fatal)
                if options.lenient {
                    diagnostics.append(MARCError(e.kind, e.message + "; replaced with U+FFFD", file: e.file, recordNumber: e.recordNumber, byteOffset: e.byteOffset, disposition: .dataDropped))
                } else if failure == nil {
                    failure = e
                }
                return String(decoding: bytes, as: UTF8.self)
            case .marc8, .danmarc2:
                let (s, issues) = encoding == .marc8 ? decodeMARC8(bytes) : decodeDanMARC2(bytes)
                for issue in issues {
                    let at = bytes.baseAddress.map { $0 + issue.offset }
                    let name = encoding == .marc8 ? "MARC-8" : "danMARC2"
                    if options.lenient {
                        diagnostics.append(problem(.encoding, "\(name) in \(what()): \(issue.message)", at: at, .dataDropped))
                    } else if failure == nil {
                        failure = problem(.encoding, "\(name) in \(what()): \(issue.message)", at: at, .fatal)
                    }
                }
                return s
            }
        }
        func decodeCode(_ bytes: UnsafeRawBufferPointer, tag: Tag) -> Unicode.Scalar {
            if bytes.isEmpty { return " " }
            if bytes.count == 1 {
                let b = bytes[0]
                if b < 0x80 { return Unicode.Scalar(b) }
                if encoding == .danmarc2 || encoding == .marc8 { return Unicode.Scalar(b) }  // Latin-1 reading of a legacy code byte
                return "\u{FFFD}"
            }
            return String(decoding: bytes, as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        }

        var fields: [Field] = []
        fields.reserveCapacity(view.fieldCount)
        for field in view.fields {
            let tag = field.tag
            if field.isControlField {
                fields.append(Field(tag: tag, value: decode(field.bytes, what: "field \(tag)")))
                continue
            }
            let indicatorBytes = field.indicatorBytes
            var indicators: [Unicode.Scalar] = indicatorBytes.map { $0 < 0x80 ? Unicode.Scalar($0) : Unicode.Scalar($0) }
            if indicators.count != 2 {
                let expected = view.indicatorCount
                if indicators.count < expected {
                    let message = "field \(tag) has \(indicators.count) indicator(s) before its first subfield; padded with blanks"
                    if options.lenient {
                        diagnostics.append(problem(.field, message, at: field.bytes.baseAddress, .repaired))
                    } else if failure == nil {
                        failure = problem(.field, "field \(tag) has \(indicators.count) indicator(s) before its first subfield, \(expected) expected", at: field.bytes.baseAddress, .fatal)
                    }
                    while indicators.count < 2 { indicators.append(" ") }
                }
            }
            let stray = field.strayBytes
            // A surplus blank indicator (seen in real files) is not data; anything else is.
            if !stray.isEmpty && !stray.allSatisfy({ $0 == 0x20 }) {
                let message = "field \(tag) has \(stray.count) byte(s) of data before its first subfield delimiter"
                if options.lenient {
                    diagnostics.append(problem(.field, message + " (\"\(String(decoding: stray, as: UTF8.self))\"); dropped", at: stray.baseAddress, .dataDropped))
                } else if failure == nil {
                    failure = problem(.field, message, at: stray.baseAddress, .fatal)
                }
            }
            var subfields: [Subfield] = []
            for sub in field.subfields {
                if sub.code.isEmpty {
                    continue  // an empty subfield (consecutive delimiters): nothing to keep
                }
                let code = decodeCode(sub.code, tag: tag)
                subfields.append(Subfield(code, decode(sub.value, what: "field \(tag) subfield \(code)")))
            }
            fields.append(Field(tag: tag, indicators: Indicators(scalars: indicators), subfields: subfields))
        }
        if let failure { throw failure }
        self.init(leader: view.leader, fields: fields, sourceEncoding: encoding, originalBytes: Array(raw))
        wasRepaired = view.batch.records[view.index].repaired
    }
}

/// The bytes as a `String` when they are valid UTF-8; `nil` otherwise.
@inline(__always)
func validUTF8String(_ bytes: UnsafeRawBufferPointer) -> String? {
    var ascii = true
    for b in bytes where b >= 0x80 {
        ascii = false
        break
    }
    if ascii { return String(decoding: bytes, as: UTF8.self) }
    if firstInvalidUTF8Offset(bytes) != nil { return nil }
    return String(decoding: bytes, as: UTF8.self)
}

/// The offset of the first byte that starts an ill-formed UTF-8 sequence, or `nil` when all is well-formed.
func firstInvalidUTF8Offset(_ bytes: UnsafeRawBufferPointer) -> Int? {
    var i = 0
    let n = bytes.count
    while i < n {
        let b = bytes[i]
        if b < 0x80 {
            i += 1
            continue
        }
        let need: Int
        var lo: UInt8 = 0x80
        var hi: UInt8 = 0xBF
        switch b {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: return i
        }
        guard i + need < n else { return i }
        let c1 = bytes[i + 1]
        guard c1 >= lo && c1 <= hi else { return i }
        for k in 2..<(need + 1) where bytes[i + k] & 0xC0 != 0x80 { return i }
        i += need + 1
    }
    return nil
}
