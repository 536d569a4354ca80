extension MARCRecord {
    /// The largest record ISO 2709 can describe (five-digit record length).
    public static let maximumRecordLength = 99_999
    /// The largest field ISO 2709 can describe (four-digit field length, terminator included).
    public static let maximumFieldLength = 9_999

    /// The record as ISO 2709 bytes.
    ///
    /// With `encoding` `nil`, an unchanged record read from ISO 2709 is written back byte for byte, and a changed one
    /// is encoded in its source set (danMARC2 records in the danMARC2 set, all others in UTF-8). An explicit
    /// `encoding` re-encodes unless the record is unchanged and already in that set. UTF-8 sets leader/09 to `a`,
    /// danMARC2 to blank; record length, base address, indicator count, subfield code length and entry map are
    /// recomputed.
    /// - Throws: ``MARCError`` with kind `.limit` when a field exceeds 9,999 bytes or the record 99,999 bytes.
    public func iso2709Bytes(encoding requested: RecordEncoding? = nil) throws(MARCError) -> [UInt8] {
        if let originalBytes, requested == nil || requested == sourceEncoding {
            return originalBytes
        }
        let encoding = requested ?? (sourceEncoding == .danmarc2 ? .danmarc2 : .utf8)
        if encoding == .marc8 {
            throw MARCError(.encoding, "writing MARC-8 is not supported; write UTF-8 or danMARC2")
        }
        func encode(_ s: String) -> [UInt8] {
            encoding == .danmarc2 ? encodeDanMARC2(s) : Array(s.utf8)
        }
        var directory: [UInt8] = []
        var data: [UInt8] = []
        directory.reserveCapacity(fields.count * 12)
        for field in fields {
            guard field.tag.isWellFormed else {
                throw MARCError(.field, "tag \(field.tag) is not three printable ASCII characters; ISO 2709 cannot carry it")
            }
            let start = data.count
            switch field.content {
            case .control(let value):
                data += encode(value)
            case .data(let indicators, let subfields):
                for s in indicators.scalars { data += encode(String(Character(s))) }
                for sub in subfields {
                    data.append(0x1F)
                    data += encode(String(Character(sub.code)))
                    data += encode(sub.value)
                }
            }
            data.append(0x1E)
            let length = data.count - start
            guard length <= Self.maximumFieldLength else {
                throw MARCError(.limit, "field \(field.tag) is \(length) bytes; ISO 2709 allows at most \(Self.maximumFieldLength)")
            }
            guard start <= 99_999 else {
                throw MARCError(.limit, "field \(field.tag) starts at byte \(start) of the data; ISO 2709 allows at most 99,999")
            }
            let (a, b, c) = field.tag.bytes
            directory += [a, b, c]
            appendDigits(length, width: 4, to: &directory)
            appendDigits(start, width: 5, to: &directory)
        }
        directory.append(0x1E)
        data.append(0x1D)
        let base = 24 + directory.count
        let total = base + data.count
        guard total <= Self.maximumRecordLength else {
            throw MARCError(.limit, "record is \(total) bytes; ISO 2709 allows at most \(Self.maximumRecordLength)")
        }
        var leader = self.leader
        leader.setNumber(total, in: 0..<5)
        leader[9] = encoding == .utf8 ? UInt8(ascii: "a") : UInt8(ascii: " ")
        leader[10] = UInt8(ascii: "2")
        leader[11] = UInt8(ascii: "2")
        leader.setNumber(base, in: 12..<17)
        leader[20] = UInt8(ascii: "4")
        leader[21] = UInt8(ascii: "5")
        leader[22] = UInt8(ascii: "0")
        leader[23] = UInt8(ascii: "0")
        var out = leader.bytes
        out.reserveCapacity(total)
        out += directory
        out += data
        return out
    }
}

@inline(__always)
func appendDigits(_ value: Int, width: Int, to out: inout [UInt8]) {
    var digits = [UInt8](repeating: 0x30, count: width)
    var v = value
    var i = width - 1
    while i >= 0 {
        digits[i] = UInt8(0x30 + v % 10)
        v /= 10
        i -= 1
    }
    out += digits
}
