/// How to read MARC input.
public struct ReadOptions: Sendable, Hashable {
    /// Recover what can be recovered and report every skip, instead of stopping at the first error.
    public var lenient: Bool
    /// The character set; `nil` detects it per record from leader/09 and verifies it against the bytes.
    public var encoding: RecordEncoding?
    /// The input's name for messages (a path, or `-` for standard input).
    public var fileName: String?

    /// Creates options. Strict, with encoding detection, by default.
    public init(lenient: Bool = false, encoding: RecordEncoding? = nil, fileName: String? = nil) {
        self.lenient = lenient
        self.encoding = encoding
        self.fileName = fileName
    }
}

/// Frames ISO 2709 records and parses their leaders and directories into a ``RecordBatch``'s tables.
///
/// Strict mode throws the first problem. Lenient mode frames on the record terminator 0x1D rather than the
/// leader's length, skips junk between records, takes the base address from the first 0x1E when the leader's is
/// wrong, and recovers fields whose directory entries are unusable from the order of the field terminators.
/// Every repair and skip is recorded in ``diagnostics``.
package struct ISO2709Parser {
    let buffer: UnsafeRawBufferPointer
    let options: ReadOptions
    /// Offset of `buffer[0]` in the input (for messages when parsing a chunk).
    let inputBase: Int
    package private(set) var position: Int
    package private(set) var recordNumber: Int
    package private(set) var diagnostics: [MARCError] = []
    let end: Int

    static let recordTerminator: UInt8 = 0x1D
    static let fieldTerminator: UInt8 = 0x1E
    static let subfieldDelimiter: UInt8 = 0x1F

    package init(
        buffer: UnsafeRawBufferPointer, range: Range<Int>? = nil, options: ReadOptions, firstRecordNumber: Int = 1
    ) {
        self.buffer = buffer
        self.options = options
        let r = range ?? 0..<buffer.count
        position = r.lowerBound
        end = r.upperBound
        inputBase = 0
        recordNumber = firstRecordNumber - 1
    }

    /// Parses the next record, appending its entries; returns `false` at the end of input.
    package mutating func next(
        records: inout [RecordBatch.RecordEntry], fields: inout [RecordBatch.FieldEntry]
    ) throws(MARCError) -> Bool {
        while true {
            guard position < end else { return false }
            if options.lenient {
                if try nextLenient(records: &records, fields: &fields) { return true }
            } else {
                return try nextStrict(records: &records, fields: &fields)
            }
        }
    }

    /// Drops the diagnostics gathered so far and returns them.
    package mutating func takeDiagnostics() -> [MARCError] {
        defer { diagnostics = [] }
        return diagnostics
    }

    // MARK: Strict

    private mutating func nextStrict(
        records: inout [RecordBatch.RecordEntry], fields: inout [RecordBatch.FieldEntry]
    ) throws(MARCError) -> Bool {
        let start = position
        // Trailing blank lines, NULs or a DOS end-of-file mark after the last record are not an error.
        if isTrailingFiller(from: start) {
            position = end
            return false
        }
        recordNumber += 1
        let available = end - start
        guard available >= 24 else {
            throw error(.framing, "truncated record: \(available) bytes left, a leader needs 24", at: start)
        }
        guard let length = digits(start..<(start + 5)) else {
            throw error(.leader, "record length (leader/00-04) is not five digits: \(quoted(start..<(start + 5)))", at: start)
        }
        guard length >= 26 else { throw error(.leader, "record length \(length) is shorter than a leader and terminator", at: start) }
        guard length <= available else {
            throw error(.framing, "truncated record: leader says \(length) bytes, \(available) are left", at: start)
        }
        let recordEnd = start + length
        guard buffer[recordEnd - 1] == Self.recordTerminator else {
            throw error(.framing, "record length \(length) does not end at a record terminator (0x1D)", at: recordEnd - 1)
        }
        guard let base = digits((start + 12)..<(start + 17)) else {
            throw error(.leader, "base address (leader/12-16) is not five digits: \(quoted((start + 12)..<(start + 17)))", at: start + 12)
        }
        guard base > 24, base <= length - 1 else {
            throw error(.leader, "base address \(base) lies outside the record (24 < base < \(length))", at: start + 12)
        }
        guard buffer[start + base - 1] == Self.fieldTerminator else {
            throw error(.directory, "directory does not end with a field terminator (0x1E) before the base address \(base)", at: start + base - 1)
        }
        let map = entryMap(recordStart: start)
        let directoryLength = base - 1 - 24
        guard directoryLength % map.entrySize == 0 else {
            throw error(.directory, "directory length \(directoryLength) is not a multiple of \(map.entrySize)", at: start + 24)
        }
        let firstField = fields.count
        var e = start + 24
        var entryNumber = 0
        while e < start + base - 1 {
            entryNumber += 1
            let tag = Tag(buffer[e], buffer[e + 1], buffer[e + 2])
            guard tag.isWellFormed else {
                throw error(.directory, "directory entry \(entryNumber) has a tag that is not printable ASCII: \(quoted(e..<(e + 3)))", at: e)
            }
            guard let fieldLength = digits((e + 3)..<(e + 3 + map.lengthDigits)),
                let fieldStart = digits((e + 3 + map.lengthDigits)..<(e + 3 + map.lengthDigits + map.startDigits))
            else {
                throw error(.directory, "directory entry \(entryNumber) (tag \(tag)) has a length or start that is not digits", at: e)
            }
            let absoluteStart = start + base + fieldStart
            guard fieldLength >= 1, absoluteStart + fieldLength <= recordEnd - 1 else {
                throw error(.directory, "directory entry \(entryNumber) (tag \(tag)) points past the end of the record", at: e)
            }
            guard buffer[absoluteStart + fieldLength - 1] == Self.fieldTerminator else {
                throw error(.field, "field \(tag) (directory entry \(entryNumber)) does not end with a field terminator", at: absoluteStart + fieldLength - 1)
            }
            guard fieldStart == 0 || buffer[absoluteStart - 1] == Self.fieldTerminator else {
                throw error(.directory, "directory entry \(entryNumber) (tag \(tag)) starts inside another field", at: e)
            }
            fields.append(.init(tag: tag, start: UInt32(base + fieldStart), length: UInt32(fieldLength - 1)))
            e += map.entrySize
        }
        records.append(
            .init(
                start: start, length: UInt32(length), firstField: UInt32(firstField),
                fieldCount: UInt32(fields.count - firstField), inputOffset: inputBase + start,
                number: UInt32(recordNumber), repaired: false))
        position = recordEnd
        return true
    }

    // MARK: Lenient

    private mutating func nextLenient(
        records: inout [RecordBatch.RecordEntry], fields: inout [RecordBatch.FieldEntry]
    ) throws(MARCError) -> Bool {
        if isTrailingFiller(from: position) {
            position = end
            return false
        }
        // Frame on the next record terminator.
        let chunkStart = position
        let terminator = findByte(Self.recordTerminator, from: chunkStart)
        let chunkEnd = terminator.map { $0 + 1 } ?? end
        position = chunkEnd
        // Skip junk before the leader (a DOS EOF mark, blank lines, garbage).
        var start = chunkStart
        while start < chunkEnd && !looksLikeLeader(at: start, limit: chunkEnd) { start += 1 }
        if start > chunkStart {
            let skipped = start - chunkStart
            if start >= chunkEnd {
                recordNumber += 1
                report(.framing, "\(skipped) bytes without a recognisable leader skipped", at: chunkStart, .skipped)
                return false
            }
            report(.framing, "\(skipped) bytes of junk before the leader skipped", at: chunkStart, .skipped, countsAsRecord: false)
        }
        recordNumber += 1
        let recordEnd = chunkEnd  // exclusive; includes the terminator when there is one
        let hasTerminator = terminator != nil
        let dataEnd = hasTerminator ? recordEnd - 1 : recordEnd
        var repaired = false
        if !hasTerminator {
            report(.framing, "no record terminator (0x1D) before the end of input", at: recordEnd, .repaired)
            repaired = true
        }
        if let declared = digits(start..<(start + 5)), declared != recordEnd - start {
            report(.leader, "leader says \(declared) bytes, record terminator found after \(recordEnd - start)", at: start, .repaired)
            repaired = true
        }
        // Base address: the leader's if it points just past a 0x1E, else the first 0x1E after the leader.
        var base: Int
        if let b = digits((start + 12)..<(start + 17)), b > 24, start + b <= dataEnd,
            buffer[start + b - 1] == Self.fieldTerminator
        {
            base = b
        } else if let ft = findByte(Self.fieldTerminator, from: start + 24, before: dataEnd) {
            base = ft + 1 - start
            report(.leader, "base address repaired to \(base) (first field terminator after the leader)", at: start + 12, .repaired)
            repaired = true
        } else {
            report(.directory, "no directory terminator: record has no usable fields", at: start + 24, .skipped)
            return false
        }
        let map = entryMap(recordStart: start)
        let directoryEnd = start + base - 1
        let directoryLength = directoryEnd - (start + 24)
        if directoryLength % map.entrySize != 0 {
            report(.directory, "directory length \(directoryLength) is not a multiple of \(map.entrySize); trailing bytes ignored", at: start + 24, .repaired)
            repaired = true
        }
        // The fields in terminator order, for entries whose numbers are unusable (computed only when needed).
        let dataStart = start + base
        var segmentCache: [Range<Int>]?
        let firstField = fields.count
        var e = start + 24
        var entryNumber = 0
        while e + map.entrySize <= directoryEnd {
            defer {
                e += map.entrySize
                entryNumber += 1
            }
            let tag = Tag(buffer[e], buffer[e + 1], buffer[e + 2])
            if !tag.isWellFormed {
                report(.directory, "directory entry \(entryNumber + 1) has a tag that is not printable ASCII (\(quoted(e..<(e + 3)))); kept", at: e, .repaired)
                repaired = true
            }
            let length = digits((e + 3)..<(e + 3 + map.lengthDigits))
            let offset = digits((e + 3 + map.lengthDigits)..<(e + 3 + map.lengthDigits + map.startDigits))
            if let length, let offset, length >= 1, dataStart + offset + length <= dataEnd {
                let a = dataStart + offset
                let atBoundary = a == dataStart || buffer[a - 1] == Self.fieldTerminator
                if atBoundary && buffer[a + length - 1] == Self.fieldTerminator {
                    fields.append(.init(tag: tag, start: UInt32(a - start), length: UInt32(length - 1)))
                    continue
                }
                // Wrong length: use the field up to its own terminator when it starts where a field starts.
                if atBoundary, let t = findByte(Self.fieldTerminator, from: a, before: dataEnd) {
                    let seg = a..<t
                    fields.append(.init(tag: tag, start: UInt32(a - start), length: UInt32(seg.count)))
                    report(.directory, "field \(tag): directory length \(length) does not match its terminator; used the terminator", at: e, .repaired)
                    repaired = true
                    continue
                }
            }
            if segmentCache == nil { segmentCache = fieldSegments(from: dataStart, to: dataEnd) }
            let recovered = segmentCache ?? []
            if entryNumber < recovered.count {
                let seg = recovered[entryNumber]
                fields.append(.init(tag: tag, start: UInt32(seg.lowerBound - start), length: UInt32(seg.count)))
                report(.directory, "field \(tag): unusable directory entry \(entryNumber + 1); recovered from the field terminators' order", at: e, .repaired)
                repaired = true
            } else {
                report(.directory, "field \(tag): directory entry \(entryNumber + 1) points nowhere and no field is left to pair it with; dropped", at: e, .dataDropped)
            }
        }
        records.append(
            .init(
                start: start, length: UInt32(recordEnd - start), firstField: UInt32(firstField),
                fieldCount: UInt32(fields.count - firstField), inputOffset: inputBase + start,
                number: UInt32(recordNumber), repaired: repaired))
        return true
    }

    // MARK: Helpers

    /// The ranges between field terminators in `from..<to`.
    private func fieldSegments(from: Int, to: Int) -> [Range<Int>] {
        var list: [Range<Int>] = []
        var s = from
        while s < to {
            let t = findByte(Self.fieldTerminator, from: s, before: to) ?? to
            list.append(s..<t)
            s = t + 1
        }
        return list
    }

    /// ASCII digits in `range` of the buffer as a number; `nil` on any non-digit.
    @inline(__always)
    private func digits(_ range: Range<Int>) -> Int? {
        var v = 0
        for i in range {
            let d = buffer[i] &- 0x30
            guard d < 10 else { return nil }
            v = v &* 10 &+ Int(d)
        }
        return range.isEmpty ? nil : v
    }

    /// Entry map from leader/20-22 (length-of-length, length-of-start, implementation part), when sane.
    private func entryMap(recordStart start: Int) -> (lengthDigits: Int, startDigits: Int, entrySize: Int) {
        let l = Int(buffer[start + 20] &- 0x30)
        let s = Int(buffer[start + 21] &- 0x30)
        let i = Int(buffer[start + 22] &- 0x30)
        if (1...9).contains(l), (1...9).contains(s), (0...9).contains(i), l + s + i <= 12, !(l == 4 && s == 5) {
            return (l, s, 3 + l + s + i)
        }
        return (4, 5, 12)
    }

    /// True when `from..<end` holds only blanks, line ends, NULs, end-of-medium (0x19) or DOS end-of-file (0x1A) marks.
    private func isTrailingFiller(from: Int) -> Bool {
        var i = from
        while i < end {
            switch buffer[i] {
            case 0x00, 0x0A, 0x0D, 0x19, 0x1A, 0x20: i += 1
            default: return false
            }
        }
        return true
    }

    /// A plausible leader: five digits of length, digits at the base address, and room for it.
    private func looksLikeLeader(at i: Int, limit: Int) -> Bool {
        guard limit - i >= 25 else { return false }
        for k in 0..<5 where buffer[i + k] &- 0x30 >= 10 { return false }
        for k in 12..<17 where buffer[i + k] &- 0x30 >= 10 { return false }
        return true
    }

    private func findByte(_ byte: UInt8, from: Int, before limit: Int? = nil) -> Int? {
        let stop = limit ?? end
        guard from < stop, let base = buffer.baseAddress else { return nil }
        guard let p = memchrBytes(base + from, byte, stop - from) else { return nil }
        return base.distance(to: p)
    }

    private func quoted(_ range: Range<Int>) -> String {
        var s = "\""
        for i in range where i < buffer.count {
            let b = buffer[i]
            if b >= 0x20 && b < 0x7F {
                s.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                s += "\\x" + (b < 16 ? "0" : "") + String(b, radix: 16)
            }
        }
        return s + "\""
    }

    private func error(_ kind: MARCError.Kind, _ message: String, at offset: Int) -> MARCError {
        MARCError(kind, message, file: options.fileName, recordNumber: recordNumber, byteOffset: inputBase + offset)
    }

    private mutating func report(
        _ kind: MARCError.Kind, _ message: String, at offset: Int, _ disposition: MARCError.Disposition,
        countsAsRecord: Bool = true
    ) {
        diagnostics.append(
            MARCError(
                kind, message, file: options.fileName, recordNumber: countsAsRecord ? recordNumber : recordNumber + 1,
                byteOffset: inputBase + offset, disposition: disposition))
    }
}
