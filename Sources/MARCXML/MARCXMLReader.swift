import CLibXML2
import MARC

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The MARC21 slim namespace of MARCXML.
public let marc21SlimNamespace = "http://www.loc.gov/MARC21/slim"
/// DBC's MARCXchange namespace (ISO 25577).
public let marcxchangeNamespace = "info:lc/xmlns/marcxchange-v1"

/// Reads MARCXML and MARCXchange records from a file, standard input or bytes, streaming.
///
/// One owning ``MARCRecord`` per ``next()``. ``MARCXMLBatchReader`` is the faster path: the same parser filling
/// compact ISO 2709 batches, strings made only on demand.
///
/// libxml2's SAX2 pull parser reads the file on a thread of its own (started by the first ``next()``, stopped and
/// joined when the reader goes) and hands the records over in runs of 256 through a channel holding at most two,
/// so memory stays bounded whatever the file's size. Accepted: the MARC21 slim namespace,
/// DBC's MARCXchange namespace (`info:lc/xmlns/marcxchange-v1`, its `format`/`type` attributes are ignored), no
/// namespace, prefixed and default namespaces mixed, a `<collection>` or a bare `<record>` root, records inside
/// unrelated wrapper elements (an SRU response), comments, a BOM, no prolog. Elements of other namespaces are
/// ignored.
///
/// Security: no entity is ever expanded or loaded (no `XML_PARSE_NOENT`, no `XML_PARSE_DTDLOAD`,
/// `XML_PARSE_NONET`); a DOCTYPE that declares an entity (XXE, "billion laughs") stops the parse with a
/// ``MARCError`` of kind `.xml` in every mode. libxml2's well-formedness errors become `.xml` errors with line and
/// column. Records completed before a fatal error are still returned, then the error is thrown.
///
/// Strict reading (the default) throws on a missing `tag`, `code` or indicator attribute, a malformed tag, a
/// multi-character code or indicator, or a missing leader; lenient reading repairs them and lists each repair in
/// ``diagnostics``. A leader that is not 24 characters (23 in real exports, 19 in DBC's own test data) is padded
/// with blanks or truncated and reported in both modes.
///
/// ```swift
/// var reader = try MARCXMLReader(path: "records.xml")
/// while let record = try reader.next() {
///     print(record["245"]?["a"] ?? "")
/// }
/// ```
public struct MARCXMLReader {
    private let parser: SAXParser
    /// The options in force.
    public let options: ReadOptions

    /// Opens a file; `-` reads standard input.
    public init(path: String, options: ReadOptions = ReadOptions()) throws(MARCError) {
        (parser, self.options) = try SAXParser.opening(path: path, options: options, compact: false)
    }

    /// Reads a document held in memory.
    public init(bytes: [UInt8], options: ReadOptions = ReadOptions()) {
        self.options = options
        parser = SAXParser(source: .memory(bytes), options: options)
    }

    /// Reads a document held in a string.
    public init(string: String, options: ReadOptions = ReadOptions()) {
        self.init(bytes: Array(string.utf8), options: options)
    }

    /// The next record, or `nil` at the end of the document.
    ///
    /// - Throws: ``MARCError`` (kind `.xml`, `.io`) for ill-formed XML, a forbidden entity declaration, an I/O
    ///   failure, or (strict mode) a malformed record.
    public mutating func next() throws(MARCError) -> MARCRecord? {
        try parser.next()
    }

    /// Reads every remaining record.
    public mutating func readAll() throws(MARCError) -> [MARCRecord] {
        var out: [MARCRecord] = []
        while let r = try next() { out.append(r) }
        return out
    }

    /// Repairs reported so far (lenient mode; a padded 23-character leader in any mode), in document order.
    public var diagnostics: [MARCError] { parser.diagnostics }

    /// The number of `<record>` elements seen so far.
    public var recordsSeen: Int { parser.recordsSeen }
}

/// The consumer side of a reader: starts the parse thread (``ParseProducer``) on the first request and takes what
/// it delivers through a small bounded ``ParseChannel``: batches (compact mode) or runs of owning records, the
/// diagnostics reported with them, then the end or the error. A class so that dropping the reader stops and joins
/// the thread exactly once.
final class SAXParser {
    enum Source {
        case file(Int32, closeWhenDone: Bool)
        case memory([UInt8])
    }

    private let channel = ParseChannel()
    /// The parse, until the thread takes it over.
    private var producer: ParseProducer?
    private var thread: pthread_t?
    private var finished = false
    private var records: [MARCRecord] = []
    private var recordHead = 0
    /// Compact mode: delivered records not yet handed out, from `rawNext` on, and the arena they are laid out in.
    private var raw: RawRecords?
    private var rawNext = 0
    private var arena: RecordArena?
    /// Repairs delivered so far, in document order.
    private(set) var diagnostics: [MARCError] = []
    /// `<record>` elements the parse had seen when it delivered what was taken last.
    private(set) var recordsSeen = 0

    /// A parser over the file at `path` (`-` is standard input), with the file name recorded in the options.
    static func opening(path: String, options: ReadOptions, compact: Bool) throws(MARCError) -> (SAXParser, ReadOptions) {
        var options = options
        if options.fileName == nil { options.fileName = path }
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw MARCError(.io, "cannot open: \(systemErrorMessage())", file: path)
        }
        return (SAXParser(source: .file(fd, closeWhenDone: path != "-"), options: options, compact: compact), options)
    }

    init(source: Source, options: ReadOptions, compact: Bool = false) {
        producer = ParseProducer(source: source, options: options, compact: compact, channel: channel)
    }

    deinit {
        channel.cancel()
        if let thread { pthread_join(thread, nil) }
        arena?.free()
    }

    func next() throws(MARCError) -> MARCRecord? {
        while true {
            if recordHead < records.count {
                let r = records[recordHead]
                recordHead += 1
                return r
            }
            records = []
            recordHead = 0
            guard try receive(limit: 1) else { return nil }
        }
    }

    /// Up to `maxRecords` completed records as a compact batch (compact mode only); `nil` at the end.
    func nextBatch(maxRecords: Int) throws(MARCError) -> RecordBatch? {
        let limit = max(1, maxRecords)
        if raw == nil {
            guard try receive(limit: limit) else { return nil }
        }
        guard let r = raw else { return nil }
        // Laid out here, on the reader's thread: leader, directory and body per record (the parse thread cut at
        // the limit it last knew of; a smaller one now leaves the rest for the next call).
        var a = arena ?? RecordArena()
        arena = nil
        let end = min(r.records.count, rawNext + limit)
        let block = r.block.bytes
        let base = block.baseAddress.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }
        for record in r.records[rawNext..<end] {
            let start = min(record.bodyStart, block.count)
            let count = max(0, min(record.bodyEnd, block.count) - start)
            let body = UnsafeBufferPointer(start: base.map { $0 + start }, count: count)
            a.appendRecord(
                leader: record.leader, body: body, fields: r.fields[record.firstField..<record.fieldEnd],
                fieldBase: record.bodyStart, number: record.number, inputOffset: record.inputOffset)
        }
        rawNext = end
        if rawNext >= r.records.count {
            raw = nil
            rawNext = 0
        }
        let batch = a.take(Int.max)
        arena = a
        return batch
    }

    /// Takes the next delivery; false at the end of the document. Throws the parse's error (once).
    private func receive(limit: Int) throws(MARCError) -> Bool {
        if finished { return false }
        if let producer {
            self.producer = nil
            try start(producer, limit: limit)
        }
        let delivery = channel.take(limit: limit)
        diagnostics += delivery.diagnostics
        recordsSeen = delivery.recordsSeen
        switch delivery.item {
        case .raw(let r):
            raw = r
            rawNext = 0
        case .records(let r):
            records = r
            recordHead = 0
        case .failure(let error):
            finished = true
            throw error
        case .end:
            finished = true
            return false
        }
        return true
    }

    private func start(_ producer: ParseProducer, limit: Int) throws(MARCError) {
        producer.state.pointee.batchLimit = limit
        let box = Unmanaged.passRetained(producer).toOpaque()
        var t = pthread_t()
        let rc = pthread_create(&t, nil, { arg in
            if let arg { Unmanaged<ParseProducer>.fromOpaque(arg).takeRetainedValue().run() }
            return nil
        }, box)
        guard rc == 0 else {
            Unmanaged<ParseProducer>.fromOpaque(box).release()
            finished = true
            throw MARCError(.io, "cannot start the parse thread: \(String(cString: strerror(rc)))")
        }
        thread = t
    }
}

/// One-time libxml2 initialisation.
let libxml2Initialised: Void = { xmlInitParser() }()

/// What the SAX callbacks build on the parse thread: the record being read and the finished ones not yet delivered.
struct SAXState {
    enum Element {
        case collection, record, leader, controlfield, datafield, subfield, other
    }

    let options: ReadOptions
    /// Compact mode: records stay bytes in ``text`` (``rawRecords``, ``rawFields``), handed over as ``RawRecords``
    /// that the reader lays out as ISO 2709, instead of owning records in ``queue``.
    let compact: Bool
    var context: xmlParserCtxtPtr?
    var diagnostics: [MARCError] = []
    var failure: MARCError?
    var stopped = false
    var sawRoot = false
    var recordNumber = 0

    /// Owning records completed and not yet delivered.
    private var queue: [MARCRecord] = []
    /// Where completed records go (the parse thread's side of the hand-over).
    var channel: ParseChannel?
    /// Records per delivered batch (compact mode): the reader's latest `maxRecords`.
    var batchLimit = 4096
    /// Owning records per delivery.
    static let recordRun = 256
    /// The read callback has reported the end of the input.
    var inputEnded = false

    // Compact mode: the completed records' bodies lie one after another in `text`, the current one's after them.
    /// ``text``'s blocks (2 MiB; a hand-over happens at 1 MiB, so one block holds a batch of ordinary records).
    private let textPool: BlockPool
    private var rawRecords: [RawRecords.Record] = []
    /// Field entries of the completed records and the current one; `start` is a position in ``text``.
    private var rawFields: [RecordBatch.FieldEntry] = []
    /// Where the current record's body starts in ``text``, and how many of ``rawFields`` are completed records'.
    private var recordBodyStart = 0
    private var completedFields = 0
    private var leaderMark = 0
    private var fieldStart = 0
    private var recordInputOffset = 0

    // The record under construction.
    var inRecord = false
    private var leader: Leader?
    private var sawLeader = false
    private var fields: [Field] = []
    private var fieldTag: Tag = "???"
    private var fieldIndicators = Indicators()
    private var subfields: [Subfield] = []
    private var inDataField = false
    private var subfieldCode: Unicode.Scalar = " "
    private var isMARCXchange = false
    var collecting = false
    var text: TextBuffer

    // Interned-name caches: libxml2 hands out names from its dictionary, so equal names are equal pointers.
    private var names: [(UnsafePointer<xmlChar>, Element)] = []
    private var namespaces: [(UnsafePointer<xmlChar>, Bool, Bool)] = []
    private var attributeNames: [(UnsafePointer<xmlChar>, AttributeName)] = []
    private var subfieldName: UnsafePointer<xmlChar>?
    private var datafieldName: UnsafePointer<xmlChar>?
    private var controlfieldName: UnsafePointer<xmlChar>?
    private var codeName: UnsafePointer<xmlChar>?
    private var tagName: UnsafePointer<xmlChar>?
    private var ind1Name: UnsafePointer<xmlChar>?
    private var ind2Name: UnsafePointer<xmlChar>?
    private var lastNamespace: UnsafePointer<xmlChar>?
    private var lastNamespaceResult = (true, false)

    static let marcxchangeLeader = Leader(ascii: "00000n    2200000   4500")
    static let marc21Leader = Leader(ascii: "00000nam a2200000 i 4500")

    init(options: ReadOptions, compact: Bool) {
        self.options = options
        self.compact = compact
        let pool = BlockPool(blockSize: 2 << 20, limit: 4)
        textPool = pool
        text = compact ? TextBuffer(adopting: pool.take()) : TextBuffer()
    }

    // MARK: Delivery

    /// Hands the completed records to the reader (waiting while it is behind), with the repairs reported so far.
    mutating func deliverCompleted() {
        guard let channel else { return }
        let item: ParseChannel.Item
        if compact {
            // Only called between records: nothing of a record in progress is in `text` or `rawFields`.
            guard !rawRecords.isEmpty else { return }
            let block = RawBlock(text.detach(replacingWith: textPool.take()), pool: textPool)
            item = .raw(RawRecords(block: block, records: rawRecords, fields: rawFields))
            rawRecords = []
            rawRecords.reserveCapacity(batchLimit)
            rawFields = []
            rawFields.reserveCapacity(16 * batchLimit)
            recordBodyStart = 0
            completedFields = 0
        } else {
            guard !queue.isEmpty else { return }
            item = .records(queue)
            queue = []
            queue.reserveCapacity(Self.recordRun)
        }
        let delivery = ParseChannel.Delivery(item: item, diagnostics: diagnostics, recordsSeen: recordNumber)
        diagnostics = []
        guard let limit = channel.put(delivery) else {
            // The reader is gone.
            stop()
            return
        }
        batchLimit = max(1, limit)
    }

    /// After `xmlParseDocument`: a document that ends inside a record is an error even if libxml2 said nothing.
    mutating func finishDocument() {
        if failure == nil && inRecord && !stopped {
            failure = MARCError(
                .xml, "the document ends inside record \(recordNumber)", file: options.fileName,
                recordNumber: recordNumber)
        }
    }

    /// The last deliveries: the remaining records, then the error or the end.
    mutating func deliverEnd() {
        deliverCompleted()
        guard let channel else { return }
        let item: ParseChannel.Item = failure.map { .failure($0) } ?? .end
        _ = channel.put(ParseChannel.Delivery(item: item, diagnostics: diagnostics, recordsSeen: recordNumber))
        diagnostics = []
    }

    /// A read error: stops the parse with an `.io` error.
    mutating func ioFailure(_ message: String) {
        if failure == nil {
            failure = MARCError(.io, message, file: options.fileName)
        }
        stop()
    }

    // MARK: Names

    @inline(__always)
    private mutating func element(_ localname: UnsafePointer<xmlChar>) -> Element {
        // The three names of the per-field path first: one pointer comparison each.
        if localname == subfieldName { return .subfield }
        if localname == datafieldName { return .datafield }
        if localname == controlfieldName { return .controlfield }
        return elementSlow(localname)
    }

    @inline(never)
    private mutating func elementSlow(_ localname: UnsafePointer<xmlChar>) -> Element {
        for (p, e) in names where p == localname { return e }
        let s = UnsafeRawPointer(localname).assumingMemoryBound(to: CChar.self)
        let e: Element
        if strcmp(s, "subfield") == 0 {
            e = .subfield
            subfieldName = localname
        } else if strcmp(s, "datafield") == 0 {
            e = .datafield
            datafieldName = localname
        } else if strcmp(s, "controlfield") == 0 {
            e = .controlfield
            controlfieldName = localname
        } else if strcmp(s, "record") == 0 {
            e = .record
        } else if strcmp(s, "leader") == 0 {
            e = .leader
        } else if strcmp(s, "collection") == 0 {
            e = .collection
        } else {
            e = .other
        }
        if names.count < 64 { names.append((localname, e)) }
        return e
    }

    /// (accepted, isMARCXchange) for an element's namespace URI.
    @inline(__always)
    private mutating func namespace(_ uri: UnsafePointer<xmlChar>?) -> (Bool, Bool) {
        guard let uri else { return (true, false) }
        if uri == lastNamespace { return lastNamespaceResult }
        return namespaceSlow(uri)
    }

    @inline(never)
    private mutating func namespaceSlow(_ uri: UnsafePointer<xmlChar>) -> (Bool, Bool) {
        for (p, ok, x) in namespaces where p == uri {
            lastNamespace = uri
            lastNamespaceResult = (ok, x)
            return (ok, x)
        }
        let s = UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self)
        let x = strcmp(s, marcxchangeNamespace) == 0
        let ok = x || strcmp(s, marc21SlimNamespace) == 0 || s.pointee == 0
        if namespaces.count < 64 { namespaces.append((uri, ok, x)) }
        lastNamespace = uri
        lastNamespaceResult = (ok, x)
        return (ok, x)
    }

    // MARK: Positions and problems

    private var position: String {
        guard let context else { return "" }
        let line = xmlSAX2GetLineNumber(context)
        let column = xmlSAX2GetColumnNumber(context)
        return "line \(line), column \(column): "
    }

    var byteOffset: Int? {
        guard let context else { return nil }
        let n = xmlByteConsumed(context)
        return n >= 0 ? Int(n) : nil
    }

    /// Stops the parse with an error (used for problems no mode may go past).
    mutating func fatal(_ message: String) {
        if failure == nil {
            failure = MARCError(
                .xml, position + message, file: options.fileName, recordNumber: inRecord ? recordNumber : nil,
                byteOffset: byteOffset)
        }
        stop()
    }

    /// Stops reading. libxml2 is not told from inside a callback: `xmlStopParser` there frees the input buffer that
    /// the current callback's attribute pointers point into (a use-after-free the fuzzer found). The read callback
    /// sees `stopped` and reports the end of input; callbacks until libxml2 has finished are ignored.
    private mutating func stop() {
        stopped = true
        collecting = false
    }

    /// A record-level problem: strict mode stops, lenient mode records the repair and goes on.
    /// - Returns: true when the caller should apply its repair.
    @discardableResult
    private mutating func problem(_ message: String, _ disposition: MARCError.Disposition = .repaired, always: Bool = false) -> Bool {
        if options.lenient || always {
            diagnostics.append(
                MARCError(
                    .xml, position + message, file: options.fileName, recordNumber: recordNumber, byteOffset: byteOffset,
                    disposition: disposition))
            return true
        }
        fatal(message)
        return false
    }

    mutating func libxml2Error(_ error: xmlError) {
        // Warnings (level 1) are not problems for MARC data.
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        if stopped { return }
        var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        if error.code == Int32(XML_ERR_DOCUMENT_EMPTY.rawValue) && message == "Document is empty" {
            message = "the document is empty or has no root element"
        } else if inputEnded && error.code == Int32(XML_ERR_TAG_NOT_FINISHED.rawValue) {
            // libxml2 words it "Premature end of data in tag record line 1".
            if inRecord {
                message = "the document ends inside record \(recordNumber)"
            } else if !sawRoot {
                message = "the document is empty or has no root element"
            } else {
                message = "the document ends before its root element is closed"
            }
        }
        if failure == nil {
            failure = MARCError(
                .xml, "line \(error.line), column \(error.int2): \(message)", file: options.fileName,
                recordNumber: inRecord ? recordNumber : nil, byteOffset: byteOffset)
        }
        // libxml2 stops by itself on fatal errors; treat plain errors (e.g. namespace errors) as fatal too.
        stop()
    }

    // MARK: Elements

    mutating func startElement(
        _ localname: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?, attributeCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        if stopped { return }
        sawRoot = true
        let (accepted, marcxchange) = namespace(uri)
        guard accepted else { return }
        switch element(localname) {
        case .record:
            if inRecord {
                fatal("a <record> starts inside record \(recordNumber)")
                return
            }
            recordNumber += 1
            inRecord = true
            isMARCXchange = marcxchange
            leader = nil
            sawLeader = false
            if compact {
                inDataField = false
                collecting = false
                text.count = recordBodyStart
                rawFields.removeSubrange(completedFields...)
                recordInputOffset = byteOffset ?? 0
            } else {
                fields = []
                fields.reserveCapacity(40)
            }
        case .leader where inRecord:
            if compact {
                leaderMark = text.count
                collecting = true
            } else {
                collect()
            }
        case .controlfield where inRecord:
            if let tag = plainTag(attributeCount, attributes) {
                fieldTag = tag
            } else {
                fieldTag = readTag(scanAttributes(attributeCount, attributes).tag)
            }
            inDataField = false
            if compact {
                fieldStart = text.count
                collecting = true
            } else {
                collect()
            }
        case .datafield where inRecord:
            let i1: Unicode.Scalar
            let i2: Unicode.Scalar
            if let (tag, b1, b2) = plainDataFieldAttributes(attributeCount, attributes) {
                fieldTag = tag
                i1 = Unicode.Scalar(b1)
                i2 = Unicode.Scalar(b2)
            } else {
                let a = scanAttributes(attributeCount, attributes)
                fieldTag = readTag(a.tag)
                i1 = readIndicator("ind1", a.ind1)
                i2 = readIndicator("ind2", a.ind2)
            }
            inDataField = true
            if compact {
                collecting = false
                fieldStart = text.count
                text.append(i1)
                text.append(i2)
            } else {
                fieldIndicators = Indicators(i1, i2)
                subfields = []
                subfields.reserveCapacity(8)
            }
        case .subfield where inRecord && inDataField:
            let code = readCode(codeAttribute(attributeCount, attributes))
            if compact {
                text.append(byte: 0x1F)
                text.append(code)
                collecting = true
            } else {
                subfieldCode = code
                collect()
            }
        default:
            break
        }
    }

    mutating func endElement(_ localname: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?) {
        if stopped { return }
        guard namespace(uri).0 else { return }
        if compact {
            endCompactElement(element(localname))
            return
        }
        switch element(localname) {
        case .record where inRecord:
            finishRecord()
        case .leader where inRecord:
            collecting = false
            finishLeader(text.bytes)
        case .controlfield where inRecord:
            fields.append(Field(tag: fieldTag, value: takeText()))
        case .datafield where inRecord && inDataField:
            fields.append(Field(tag: fieldTag, indicators: fieldIndicators, subfields: subfields))
            subfields = []
            inDataField = false
        case .subfield where inRecord && inDataField:
            subfields.append(Subfield(subfieldCode, takeText()))
        default:
            break
        }
    }

    private mutating func collect() {
        collecting = true
        text.count = 0
    }

    private mutating func takeText() -> String {
        collecting = false
        return text.string
    }

    /// Compact mode: the end of an element writes terminators and field entries into the record body in ``text``.
    private mutating func endCompactElement(_ element: Element) {
        switch element {
        case .record where inRecord:
            finishRecord()
        case .leader where inRecord:
            collecting = false
            let mark = min(max(leaderMark, recordBodyStart), text.count)
            let bytes = text.bytes(from: mark)
            // Cut the leader's text out of the body unless a field was (oddly) written inside it.
            if rawFields.count == completedFields || Int(rawFields[rawFields.count - 1].start) < mark {
                text.count = mark
            }
            finishLeader(bytes)
        case .controlfield where inRecord, .datafield where inRecord && inDataField:
            collecting = false
            inDataField = false
            let start = min(max(fieldStart, recordBodyStart), text.count)
            rawFields.append(
                RecordBatch.FieldEntry(
                    tag: fieldTag, start: UInt32(truncatingIfNeeded: start),
                    length: UInt32(truncatingIfNeeded: text.count - start)))
            text.append(byte: 0x1E)
        case .subfield where inRecord && inDataField:
            collecting = false
        default:
            break
        }
    }

    private mutating func finishLeader(_ leaderBytes: [UInt8]) {
        sawLeader = true
        var bytes = leaderBytes
        if bytes.count != 24 {
            let trimmed = bytes.drop(while: isXMLBlank).reversed().drop(while: isXMLBlank).reversed()
            if trimmed.count == 24 {
                guard problem("leader has blanks around its 24 characters; trimmed") else { return }
                bytes = Array(trimmed)
            } else if bytes.count == 23 {
                problem("leader has 23 characters, not 24; padded with a blank at the end", always: true)
            } else {
                // The leader is only a text value in XML and is recomputed on write; DBC's own MARCXchange test
                // data has a 19-character one. Repaired and reported in every mode.
                problem(
                    "leader has \(bytes.count) characters, not 24; \(bytes.count < 24 ? "padded with blanks" : "truncated")",
                    always: true)
            }
        }
        leader = makeLeader(bytes)
    }

    private mutating func finishRecord() {
        inRecord = false
        inDataField = false
        collecting = false
        if !sawLeader {
            guard problem("record has no <leader>; a default leader was supplied") else { return }
        }
        let defaultLeader = isMARCXchange ? Self.marcxchangeLeader : Self.marc21Leader
        if compact {
            rawRecords.append(
                RawRecords.Record(
                    leader: leader ?? defaultLeader, bodyStart: recordBodyStart, bodyEnd: text.count,
                    firstField: completedFields, fieldEnd: rawFields.count, number: recordNumber,
                    inputOffset: recordInputOffset))
            recordBodyStart = text.count
            completedFields = rawFields.count
            if rawRecords.count >= batchLimit || text.count >= RecordArena.batchBytes { deliverCompleted() }
            return
        }
        queue.append(MARCRecord(leader: leader ?? defaultLeader, fields: fields, sourceEncoding: .utf8))
        fields = []
        if queue.count >= Self.recordRun { deliverCompleted() }
    }

    // MARK: Attributes

    private enum AttributeName {
        case tag, ind1, ind2, code, other
    }

    /// The raw values of the MARC attributes of one element (any namespace), pointing into libxml2's buffer.
    private struct MARCAttributes {
        var tag: UnsafeBufferPointer<UInt8>?
        var ind1: UnsafeBufferPointer<UInt8>?
        var ind2: UnsafeBufferPointer<UInt8>?
        var code: UnsafeBufferPointer<UInt8>?
    }

    @inline(__always)
    private mutating func attributeName(_ local: UnsafePointer<xmlChar>) -> AttributeName {
        if local == codeName { return .code }
        if local == tagName { return .tag }
        if local == ind1Name { return .ind1 }
        if local == ind2Name { return .ind2 }
        return attributeNameSlow(local)
    }

    @inline(never)
    private mutating func attributeNameSlow(_ local: UnsafePointer<xmlChar>) -> AttributeName {
        for (p, n) in attributeNames where p == local { return n }
        let s = UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self)
        let n: AttributeName =
            strcmp(s, "code") == 0 ? .code : strcmp(s, "tag") == 0 ? .tag : strcmp(s, "ind1") == 0 ? .ind1
            : strcmp(s, "ind2") == 0 ? .ind2 : .other
        switch n {
        case .code: codeName = local
        case .tag: tagName = local
        case .ind1: ind1Name = local
        case .ind2: ind2Name = local
        case .other: if attributeNames.count < 64 { attributeNames.append((local, n)) }
        }
        return n
    }

    /// The tag of a `<controlfield tag="001">` in the common case (one attribute, three printable ASCII bytes), or
    /// `nil` for ``scanAttributes(_:_:)`` and the checks of ``readTag(_:)``.
    /// (Mutating only so that `self`, some 400 bytes, is passed by reference, not copied.)
    @inline(__always)
    private mutating func plainTag(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Tag? {
        guard count == 1, let attributes, let local = attributes[0], local == tagName else { return nil }
        return Self.plainTagValue(attributes[3], attributes[4])
    }

    @inline(__always)
    private static func plainTagValue(_ begin: UnsafePointer<xmlChar>?, _ end: UnsafePointer<xmlChar>?) -> Tag? {
        guard let begin, let end, begin.distance(to: end) == 3 else { return nil }
        let b0 = begin[0]
        let b1 = begin[1]
        let b2 = begin[2]
        guard b0 > 0x20, b0 < 0x7F, b0 != 0x26, b1 > 0x20, b1 < 0x7F, b2 > 0x20, b2 < 0x7F else { return nil }
        return Tag(b0, b1, b2)
    }

    /// Tag and indicator bytes of a `<datafield tag="245" ind1="1" ind2="0">` in the common case (exactly those
    /// three attributes in that order, plain ASCII values), or `nil` for the general path.
    @inline(__always)
    private mutating func plainDataFieldAttributes(
        _ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) -> (Tag, UInt8, UInt8)? {
        guard count == 3, let a = attributes, let n0 = a[0], n0 == tagName, let n1 = a[5], n1 == ind1Name,
            let n2 = a[10], n2 == ind2Name, let tag = Self.plainTagValue(a[3], a[4]), let v1 = a[8], let e1 = a[9],
            v1.distance(to: e1) == 1, v1[0] < 0x80, v1[0] != 0x26, let v2 = a[13], let e2 = a[14],
            v2.distance(to: e2) == 1, v2[0] < 0x80, v2[0] != 0x26
        else { return nil }
        return (tag, v1[0], v2[0])
    }

    /// The `code` attribute of a `<subfield>`: the common case (one attribute, `code`) without a general scan.
    @inline(__always)
    private mutating func codeAttribute(
        _ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) -> UnsafeBufferPointer<UInt8>? {
        if count == 1, let attributes, let local = attributes[0], local == codeName, let begin = attributes[3],
            let end = attributes[4]
        {
            return UnsafeBufferPointer(start: begin, count: begin.distance(to: end))
        }
        return scanAttributes(count, attributes).code
    }

    /// One pass over an element's attributes (five pointers each: local name, prefix, URI, value start, value end).
    @inline(never)
    private mutating func scanAttributes(
        _ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) -> MARCAttributes {
        var out = MARCAttributes()
        guard let attributes else { return out }
        for i in 0..<count {
            guard let local = attributes[5 * i], let begin = attributes[5 * i + 3], let end = attributes[5 * i + 4]
            else { continue }
            let value = UnsafeBufferPointer(start: begin, count: begin.distance(to: end))
            switch attributeName(local) {
            case .tag: out.tag = value
            case .ind1: out.ind1 = value
            case .ind2: out.ind2 = value
            case .code: out.code = value
            case .other: break
            }
        }
        return out
    }

    /// An attribute value as bytes, with the `&#38;` that libxml2 leaves for `&amp;` decoded.
    private func bytes(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let a = Array(value)
        return a.contains(0x26) ? decodeAmpersands(a) : a
    }

    /// Without entity substitution libxml2 reports `&amp;` (and `&#38;`) in attribute values as the five bytes
    /// `&#38;`; a bare `&` cannot occur in a well-formed value, so this is exact.
    private func decodeAmpersands(_ value: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        var i = 0
        let pattern: [UInt8] = Array("&#38;".utf8)
        while i < value.count {
            if value[i] == 0x26, i + 5 <= value.count, Array(value[i..<(i + 5)]) == pattern {
                out.append(0x26)
                i += 5
            } else {
                out.append(value[i])
                i += 1
            }
        }
        return out
    }

    private mutating func readTag(_ raw: UnsafeBufferPointer<UInt8>?) -> Tag {
        guard let raw else {
            problem("field has no tag attribute; tag set to ???")
            return "???"
        }
        if raw.count == 3, raw[0] > 0x20, raw[0] < 0x7F, raw[0] != 0x26, raw[1] > 0x20, raw[1] < 0x7F, raw[2] > 0x20,
            raw[2] < 0x7F
        {
            return Tag(raw[0], raw[1], raw[2])
        }
        let value = bytes(raw)
        if value.count == 3, value.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            return Tag(value[0], value[1], value[2])
        }
        let shown = String(decoding: value, as: UTF8.self)
        if value.count < 3, !value.isEmpty, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            // "1" or "10": a tag that lost its leading zeros.
            let padded = Array(repeating: UInt8(0x30), count: 3 - value.count) + value
            problem("tag \"\(shown)\" is not three characters; read as \(String(decoding: padded, as: UTF8.self))")
            return Tag(padded[0], padded[1], padded[2])
        }
        problem("tag \"\(shown)\" is not three printable ASCII characters; tag set to ???")
        return "???"
    }

    private mutating func readIndicator(_ name: String, _ raw: UnsafeBufferPointer<UInt8>?) -> Unicode.Scalar {
        guard let raw else {
            problem("field \(fieldTag) has no \(name) attribute; blank assumed")
            return " "
        }
        if raw.count == 1, raw[0] < 0x80 { return Unicode.Scalar(raw[0]) }
        let value = bytes(raw)
        let scalars = String(decoding: value, as: UTF8.self).unicodeScalars
        if scalars.count == 1, let s = scalars.first { return s }
        if scalars.isEmpty {
            problem("field \(fieldTag) has an empty \(name); blank assumed")
            return " "
        }
        problem("field \(fieldTag) has \(name)=\"\(String(scalars))\", more than one character; first kept", .dataDropped)
        return scalars.first ?? " "
    }

    @inline(__always)
    private mutating func readCode(_ raw: UnsafeBufferPointer<UInt8>?) -> Unicode.Scalar {
        if let raw, raw.count == 1, raw[0] < 0x80, raw[0] != 0x26 { return Unicode.Scalar(raw[0]) }
        return readCodeSlow(raw)
    }

    @inline(never)
    private mutating func readCodeSlow(_ raw: UnsafeBufferPointer<UInt8>?) -> Unicode.Scalar {
        guard let raw else {
            problem("a subfield of field \(fieldTag) has no code attribute; blank code assumed")
            return " "
        }
        if raw.count == 1, raw[0] < 0x80, raw[0] != 0x26 { return Unicode.Scalar(raw[0]) }
        let value = bytes(raw)
        let scalars = String(decoding: value, as: UTF8.self).unicodeScalars
        if scalars.count == 1, let s = scalars.first { return s }
        if let composed = composedLetter(Array(scalars)) {
            // DBC data has code="å" written decomposed (a + U+030A): one letter, so one code.
            problem(
                "a subfield of field \(fieldTag) has a decomposed code (\(scalars.map { "U+" + hex4($0.value) }.joined(separator: " "))); composed to \(composed)",
                always: true)
            return composed
        }
        if scalars.isEmpty {
            problem("a subfield of field \(fieldTag) has an empty code; blank code assumed")
            return " "
        }
        problem(
            "a subfield of field \(fieldTag) has code \"\(String(scalars))\", more than one character; first kept",
            .dataDropped)
        return scalars.first ?? " "
    }
}

@inline(__always)
private func isXMLBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

/// The precomposed form of a Latin letter followed by one combining mark (the letters danMARC2 uses as subfield
/// codes and their neighbours), or `nil`.
func composedLetter(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar? {
    guard scalars.count == 2 else { return nil }
    let table: [UInt32: [Unicode.Scalar: Unicode.Scalar]] = [
        0x030A: ["a": "å", "A": "Å"],
        0x0308: ["a": "ä", "o": "ö", "u": "ü", "e": "ë", "i": "ï", "y": "ÿ", "A": "Ä", "O": "Ö", "U": "Ü", "E": "Ë", "I": "Ï"],
        0x0301: ["a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "y": "ý", "A": "Á", "E": "É", "I": "Í", "O": "Ó", "U": "Ú", "Y": "Ý"],
        0x0300: ["a": "à", "e": "è", "i": "ì", "o": "ò", "u": "ù", "A": "À", "E": "È", "I": "Ì", "O": "Ò", "U": "Ù"],
        0x0303: ["a": "ã", "n": "ñ", "o": "õ", "A": "Ã", "N": "Ñ", "O": "Õ"],
        0x0302: ["a": "â", "e": "ê", "i": "î", "o": "ô", "u": "û", "A": "Â", "E": "Ê", "I": "Î", "O": "Ô", "U": "Û"],
        0x0327: ["c": "ç", "C": "Ç"],
    ]
    return table[scalars[1].value]?[scalars[0]]
}

/// Four upper-case hex digits.
func hex4(_ v: UInt32) -> String {
    let h = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - h.count)) + h
}

/// A leader from bytes, padded with blanks or cut to 24. Sets the positions one by one: `Leader(bytes:)` is generic
/// over `Sequence` and, called from another module unspecialised, costs some 25,000 instructions per record.
func makeLeader(_ bytes: [UInt8]) -> Leader {
    var leader = SAXState.marcxchangeLeader
    for i in 0..<24 { leader[i] = i < bytes.count ? bytes[i] : 0x20 }
    return leader
}

/// The character data of the element being collected: a growable byte buffer without Array's per-call overhead.
/// Freed by ``ParseProducer``'s deinit.
struct TextBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes in use.
    var count = 0

    init() {
        capacity = 4096
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    /// Uses `block` (allocated, non-empty) as the buffer.
    init(adopting block: UnsafeMutableRawBufferPointer) {
        if let p = block.baseAddress, block.count > 0 {
            base = p.bindMemory(to: UInt8.self, capacity: block.count)
            capacity = block.count
        } else {
            capacity = 4096
            base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        }
    }

    /// Hands over the buffer (the caller frees it) and continues, empty, in `block`.
    mutating func detach(replacingWith block: UnsafeMutableRawBufferPointer) -> UnsafeMutableRawBufferPointer {
        let old = UnsafeMutableRawBufferPointer(start: base, count: capacity)
        self = TextBuffer(adopting: block)
        return old
    }

    mutating func append(_ bytes: UnsafePointer<UInt8>, _ n: Int) {
        if count + n > capacity { grow(to: count + n) }
        (base + count).update(from: bytes, count: n)
        count += n
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    /// Appends a scalar as UTF-8.
    @inline(__always)
    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            append(byte: UInt8(truncatingIfNeeded: scalar.value))
        } else {
            appendMultibyte(scalar)
        }
    }

    @inline(never)
    private mutating func appendMultibyte(_ scalar: Unicode.Scalar) {
        for b in scalar.utf8 { append(byte: b) }
    }

    /// The bytes in use.
    var contents: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The bytes from `start` to the end, as an array.
    func bytes(from start: Int) -> [UInt8] { Array(UnsafeBufferPointer(start: base + start, count: count - start)) }

    /// The bytes as a string (libxml2 delivers valid UTF-8).
    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// The bytes as an array.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    func free() { base.deallocate() }
}
