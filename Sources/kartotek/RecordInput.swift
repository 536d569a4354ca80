import MARC
import MARCXML

/// The record formats the CLI reads and writes.
enum RecordFormat: String, CaseIterable {
    case iso2709, marcxml, line, json, text
}

/// One input file (or standard input) opened in its format, yielding records.
struct RecordInput {
    private enum Reader {
        case iso2709(ISO2709Reader)
        case json(MARCJSONReader)
        case marcxml(MARCXMLReader)
        case line(LineFormatReader)
    }

    private var reader: Reader
    /// The detected or requested format.
    let format: RecordFormat

    /// Opens `path` (`-` for standard input) as `format`, detecting it when `format` is `nil`.
    init(path: String, format requested: RecordFormat?, options: ReadOptions) throws(CLIError) {
        var options = options
        options.fileName = path
        let storage: ByteStorage
        do {
            storage = path == "-" ? try ByteStorage(readingAll: 0, name: "-") : try ByteStorage(mapping: path)
        } catch {
            throw .input(error)
        }
        let format = requested ?? Self.detect(storage.buffer)
        self.format = format
        switch format {
        case .iso2709: reader = .iso2709(ISO2709Reader(storage: storage, options: options))
        case .json: reader = .json(MARCJSONReader(storage: storage, options: options))
        case .marcxml:
            if path == "-" {
                reader = .marcxml(MARCXMLReader(bytes: Array(storage.buffer), options: options))
            } else {
                do { reader = .marcxml(try MARCXMLReader(path: path, options: options)) } catch { throw .input(error) }
            }
        case .line:
            do { reader = .line(try LineFormatReader(storage: storage, options: options)) } catch { throw .input(error) }
        case .text:
            throw .usage(UsageError("text is an output format only"))
        }
    }

    /// The next record, or `nil` at the end.
    mutating func next() throws(MARCError) -> MARCRecord? {
        switch reader {
        case .iso2709(var r):
            defer { reader = .iso2709(r) }
            return try r.next()
        case .json(var r):
            defer { reader = .json(r) }
            return try r.next()
        case .marcxml(var r):
            defer { reader = .marcxml(r) }
            return try r.next()
        case .line(var r):
            defer { reader = .line(r) }
            return try r.next()
        }
    }

    /// Lenient repairs and skips so far.
    var diagnostics: [MARCError] {
        switch reader {
        case .iso2709(let r): r.diagnostics
        case .json(let r): r.diagnostics
        case .marcxml(let r): r.diagnostics
        case .line(let r): r.diagnostics
        }
    }

    /// Guesses the format from the first bytes: `<` MARCXML, `{`/`[` JSON, five digits ISO 2709, else line format.
    static func detect(_ buffer: UnsafeRawBufferPointer) -> RecordFormat {
        var i = 0
        // Skip a UTF-8 byte order mark and white space.
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { i = 3 }
        while i < buffer.count, [0x20, 0x0A, 0x0D, 0x09].contains(buffer[i]) { i += 1 }
        guard i < buffer.count else { return .iso2709 }
        switch buffer[i] {
        case UInt8(ascii: "<"): return .marcxml
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
        default:
            // Line format: a three-character tag, a blank, then indicators or a subfield mark (`245 00 *a…`).
            if buffer.count - i >= 6, buffer[i + 3] == 0x20,
                (buffer[i + 4] == UInt8(ascii: "*") || (buffer.count - i >= 8 && buffer[i + 6] == 0x20 && buffer[i + 7] == UInt8(ascii: "*")))
            {
                return .line
            }
            return .iso2709
        }
    }
}

/// What a command can fail with: bad usage (exit 2) or bad input (exit 1).
enum CLIError: Error {
    case usage(UsageError)
    case input(MARCError)
}
