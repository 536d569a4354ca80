extension MARCRecord {
    /// The record in MARC-in-JSON (the code4lib layout), on one line:
    /// `{"leader":"…","fields":[{"001":"…"},{"245":{"ind1":"1","ind2":"0","subfields":[{"a":"…"}]}}]}`.
    public var marcJSON: String {
        var out = "{\"leader\":"
        appendJSONString(leader.description, to: &out)
        out += ",\"fields\":["
        for (i, field) in fields.enumerated() {
            if i > 0 { out += "," }
            out += "{"
            appendJSONString(field.tag.description, to: &out)
            out += ":"
            switch field.content {
            case .control(let value):
                appendJSONString(value, to: &out)
            case .data(let indicators, let subfields):
                out += "{\"ind1\":"
                appendJSONString(String(Character(indicators.first)), to: &out)
                out += ",\"ind2\":"
                appendJSONString(String(Character(indicators.second)), to: &out)
                out += ",\"subfields\":["
                for (k, sub) in subfields.enumerated() {
                    if k > 0 { out += "," }
                    out += "{"
                    appendJSONString(String(Character(sub.code)), to: &out)
                    out += ":"
                    appendJSONString(sub.value, to: &out)
                    out += "}"
                }
                out += "]}"
            }
            out += "}"
        }
        out += "]}"
        return out
    }

    /// Parses one MARC-in-JSON record (the code4lib layout).
    ///
    /// A field whose value is a string is a control field; an object with `ind1`, `ind2` and `subfields` is a data
    /// field (danMARC2 `001` included). A missing leader becomes ``Leader/defaultMARC21``.
    public init(marcJSON text: String) throws(MARCError) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch {
            throw MARCError(.json, "invalid JSON at byte \(error.offset): \(error.message)", byteOffset: error.offset)
        }
        try self.init(json: value)
    }

    package init(json value: JSONValue) throws(MARCError) {
        guard case .object = value else { throw MARCError(.json, "a MARC-in-JSON record must be an object") }
        var leader = Leader.defaultMARC21
        if let l = value["leader"] {
            guard let s = l.stringValue else { throw MARCError(.json, "\"leader\" must be a string") }
            guard s.utf8.count == 24 else {
                throw MARCError(.json, "\"leader\" must be 24 characters, found \(s.utf8.count)")
            }
            leader = Leader(ascii: s)
        }
        guard case .array(let items)? = value["fields"] else {
            throw MARCError(.json, "a MARC-in-JSON record needs a \"fields\" array")
        }
        var fields: [Field] = []
        fields.reserveCapacity(items.count)
        for (n, item) in items.enumerated() {
            guard case .object(let members) = item, members.count == 1, let (tagText, content) = members.first else {
                throw MARCError(.json, "field \(n + 1) must be an object with exactly one tag")
            }
            guard let tag = Tag(tagText) else {
                throw MARCError(.json, "field \(n + 1): tag \"\(tagText)\" is not three ASCII characters")
            }
            switch content {
            case .string(let v):
                fields.append(Field(tag: tag, value: v))
            case .object:
                let ind1 = try Self.indicator(content["ind1"], tag: tag)
                let ind2 = try Self.indicator(content["ind2"], tag: tag)
                var subfields: [Subfield] = []
                if let subs = content["subfields"] {
                    guard case .array(let list) = subs else {
                        throw MARCError(.json, "field \(tag): \"subfields\" must be an array")
                    }
                    for sub in list {
                        guard case .object(let pair) = sub, pair.count == 1, let (codeText, v) = pair.first,
                            let value = v.stringValue
                        else {
                            throw MARCError(.json, "field \(tag): each subfield must be an object {\"code\":\"value\"}")
                        }
                        let scalars = Array(codeText.unicodeScalars)
                        guard scalars.count == 1 else {
                            throw MARCError(.json, "field \(tag): subfield code \"\(codeText)\" must be one character")
                        }
                        subfields.append(Subfield(scalars[0], value))
                    }
                }
                fields.append(Field(tag: tag, indicators: Indicators(ind1, ind2), subfields: subfields))
            default:
                throw MARCError(.json, "field \(tag): value must be a string or an object")
            }
        }
        self.init(leader: leader, fields: fields)
    }

    private static func indicator(_ v: JSONValue?, tag: Tag) throws(MARCError) -> Unicode.Scalar {
        guard let v else { return " " }
        guard let s = v.stringValue else { throw MARCError(.json, "field \(tag): indicators must be strings") }
        let scalars = Array(s.unicodeScalars)
        if scalars.isEmpty { return " " }
        guard scalars.count == 1 else {
            throw MARCError(.json, "field \(tag): indicator \"\(s)\" must be one character")
        }
        return scalars[0]
    }
}

/// Reads MARC-in-JSON Lines: one record per line; blank lines are skipped. A file holding one JSON array of
/// records is accepted too.
public struct MARCJSONReader {
    private let storage: ByteStorage
    private var position = 0
    private var lineNumber = 0
    private var pending: [MARCRecord] = []
    /// The options in force (`lenient` skips bad lines and reports them).
    public let options: ReadOptions
    /// Lines skipped in lenient mode.
    public private(set) var diagnostics: [MARCError] = []

    /// Opens a file; `-` reads standard input.
    public init(path: String, options: ReadOptions = ReadOptions()) throws(MARCError) {
        var options = options
        if options.fileName == nil { options.fileName = path }
        storage = path == "-" ? try ByteStorage(readingAll: 0, name: "-") : try ByteStorage(mapping: path)
        self.options = options
    }

    /// Reads from bytes.
    public init(bytes: [UInt8], options: ReadOptions = ReadOptions()) {
        self.init(storage: ByteStorage(copying: bytes), options: options)
    }

    /// Reads from shared storage.
    public init(storage: ByteStorage, options: ReadOptions = ReadOptions()) {
        self.storage = storage
        self.options = options
    }

    /// The next record, or `nil` at the end.
    public mutating func next() throws(MARCError) -> MARCRecord? {
        let buffer = storage.buffer
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            guard position < buffer.count else { return nil }
            let start = position
            var end = start
            if let base = buffer.baseAddress, let nl = memchrBytes(base + start, 0x0A, buffer.count - start) {
                end = base.distance(to: nl)
                position = end + 1
            } else {
                end = buffer.count
                position = end
            }
            lineNumber += 1
            let line = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            do throws(MARCError) {
                let value: JSONValue
                do {
                    value = try JSONValue.parse(line)
                } catch {
                    // A pretty-printed single document or array: parse the rest of the input as one value.
                    if lineNumber == 1, let whole = try? JSONValue.parse(UnsafeRawBufferPointer(rebasing: buffer[start...])) {
                        position = buffer.count
                        value = whole
                    } else {
                        throw MARCError(.json, "line \(lineNumber): invalid JSON at column \(error.offset + 1): \(error.message)", file: options.fileName, recordNumber: lineNumber, byteOffset: start + error.offset)
                    }
                }
                if case .array(let items) = value {
                    for item in items { pending.append(try MARCRecord(json: item)) }
                    continue
                }
                do throws(MARCError) {
                    return try MARCRecord(json: value)
                } catch {
                    var e = error
                    e.file = options.fileName
                    e.recordNumber = lineNumber
                    e.byteOffset = start
                    throw e
                }
            } catch {
                guard options.lenient else { throw error }
                var e = error
                e.disposition = .skipped
                diagnostics.append(e)
            }
        }
    }
}
