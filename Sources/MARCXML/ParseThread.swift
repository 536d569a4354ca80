import CLibXML2
import MARC

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hand-over between the parse thread and the reader: at most ``capacity`` deliveries wait, so the parse runs
/// at most that far ahead of the reader and memory stays bounded.
final class ParseChannel: @unchecked Sendable {
    enum Item {
        case raw(RawRecords)
        case records([MARCRecord])
        case failure(MARCError)
        case end
    }

    struct Delivery {
        var item: Item
        /// Repairs reported since the previous delivery.
        var diagnostics: [MARCError]
        /// `<record>` elements seen when this was delivered.
        var recordsSeen: Int
    }

    static let capacity = 2

    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let changed: UnsafeMutablePointer<pthread_cond_t>
    private var queue: [Delivery] = []
    private var cancelled = false
    private var limit = 1

    init() {
        mutex = .allocate(capacity: 1)
        changed = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
        queue.reserveCapacity(Self.capacity)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// Parse thread: waits for room and hands over; returns the reader's latest batch limit, or `nil` once the
    /// reader is gone.
    func put(_ delivery: Delivery) -> Int? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while queue.count >= Self.capacity && !cancelled { pthread_cond_wait(changed, mutex) }
        if cancelled { return nil }
        queue.append(delivery)
        pthread_cond_broadcast(changed)
        return limit
    }

    /// Reader: waits for the next delivery. The parse always ends with `.end` or `.failure`.
    func take(limit: Int) -> Delivery {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        self.limit = limit
        while queue.isEmpty { pthread_cond_wait(changed, mutex) }
        let delivery = queue.removeFirst()
        pthread_cond_broadcast(changed)
        return delivery
    }

    /// Reader gone: the parse stops at its next hand-over or read.
    func cancel() {
        pthread_mutex_lock(mutex)
        cancelled = true
        queue.removeAll()
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }
}

/// Compact mode's hand-over: completed records as the parse thread left them, their bodies (fields with their
/// 0x1E terminators, 0x1F subfield delimiters) one after another in one block. The reader lays them out as
/// ISO 2709 (``RecordArena/appendRecord(leader:body:fields:fieldBase:number:inputOffset:)``), so that the
/// directory is written on its thread, not on the parse thread.
struct RawRecords: @unchecked Sendable {
    struct Record {
        var leader: Leader
        /// The body's bytes in the block.
        var bodyStart: Int
        var bodyEnd: Int
        /// The record's entries in ``RawRecords/fields``.
        var firstField: Int
        var fieldEnd: Int
        var number: Int
        var inputOffset: Int
    }

    let block: RawBlock
    let records: [Record]
    /// Field entries; `start` is a position in the block.
    let fields: [RecordBatch.FieldEntry]
}

/// A block of record bodies; given back to its pool (or freed) when the last reference goes.
final class RawBlock: @unchecked Sendable {
    let bytes: UnsafeMutableRawBufferPointer
    private let pool: BlockPool

    init(_ bytes: UnsafeMutableRawBufferPointer, pool: BlockPool) {
        self.bytes = bytes
        self.pool = pool
    }

    deinit { pool.give(bytes) }
}

/// The parse, run on its own thread: libxml2's pull parser (`xmlParseDocument` over an I/O context whose read
/// callback serves the file through a 256 KiB buffer, or the bytes in memory) with the SAX2 callbacks of
/// ``SAXState``, which hands completed records to the ``ParseChannel`` as it goes.
///
/// The pull parser does the same work as the push parser (`xmlParseChunk`) without its per-token bookkeeping,
/// some 10 % fewer instructions on MARCXML; running it on a thread of its own is what keeps it streaming
/// behind an iterator. Stopping (a fatal problem, or the reader dropped) makes the read callback report the end
/// of input, so libxml2 finishes what it holds with the callbacks ignoring it; `xmlStopParser` is never called
/// from a callback (it frees the buffer the current callback's pointers point into).
final class ParseProducer: @unchecked Sendable {
    static let readSize = 256 * 1024

    let state: UnsafeMutablePointer<SAXState>
    private let source: SAXParser.Source
    private var handler = xmlSAXHandler()
    private var buffer: UnsafeMutableRawBufferPointer?
    private var bufferHead = 0
    private var bufferTail = 0
    private var memoryOffset = 0
    private var fileOpen = true

    init(source: SAXParser.Source, options: ReadOptions, compact: Bool, channel: ParseChannel) {
        _ = libxml2Initialised
        self.source = source
        state = UnsafeMutablePointer<SAXState>.allocate(capacity: 1)
        state.initialize(to: SAXState(options: options, compact: compact))
        state.pointee.channel = channel
        if case .file = source {
            buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readSize, alignment: 16)
        }
        installCallbacks()
    }

    deinit {
        closeFile()
        buffer?.deallocate()
        state.pointee.text.free()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    private func closeFile() {
        if fileOpen, case .file(let fd, let closeWhenDone) = source, closeWhenDone {
            close(fd)
        }
        fileOpen = false
    }

    /// Parses the whole document, delivering as it goes, then the end or the error.
    func run() {
        // Errors libxml2 raises without a parser context (an encoder failing on bad bytes) would go to stderr; the
        // parser reports them as well ("switching encoding: encoder error"), so this thread drops them. libxml2's
        // error handlers are per thread, so no other thread's are touched.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        let io = Unmanaged.passUnretained(self).toOpaque()
        let ctxt = xmlCreateIOParserCtxt(
            &handler, UnsafeMutableRawPointer(state), { io, out, len in
                guard let io, let out, len > 0 else { return 0 }
                return Unmanaged<ParseProducer>.fromOpaque(io).takeUnretainedValue().read(into: out, Int(len))
            }, nil, io, XML_CHAR_ENCODING_NONE)
        if let ctxt {
            state.pointee.context = ctxt
            // No entity substitution, no DTD loading or validation, no network; huge-input limits stay on.
            _ = xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
            _ = xmlParseDocument(ctxt)
            state.pointee.finishDocument()
            state.pointee.context = nil
            xmlFreeParserCtxt(ctxt)
        } else if state.pointee.failure == nil {
            state.pointee.failure = MARCError(
                .xml, "libxml2 could not create a parser", file: state.pointee.options.fileName)
        }
        closeFile()
        state.pointee.deliverEnd()
    }

    /// libxml2's read callback: up to `n` bytes of input, 0 at the end (or once the parse is stopped).
    private func read(into out: UnsafeMutablePointer<CChar>, _ n: Int) -> Int32 {
        if state.pointee.stopped { return 0 }
        switch source {
        case .memory(let bytes):
            let count = min(n, bytes.count - memoryOffset)
            guard count > 0 else {
                state.pointee.inputEnded = true
                return 0
            }
            bytes.withUnsafeBytes { src in
                if let from = src.baseAddress {
                    UnsafeMutableRawPointer(out).copyMemory(from: from + memoryOffset, byteCount: count)
                }
            }
            memoryOffset += count
            return Int32(count)
        case .file(let fd, _):
            guard let buffer, let base = buffer.baseAddress else { return 0 }
            if bufferHead == bufferTail {
                bufferHead = 0
                bufferTail = 0
                while true {
                    let got = readFile(fd, base, Self.readSize)
                    if got < 0 && errno == EINTR { continue }
                    if got < 0 {
                        state.pointee.ioFailure("read failed: \(String(cString: strerror(errno)))")
                        return 0
                    }
                    bufferTail = got
                    break
                }
                if bufferTail == 0 {
                    state.pointee.inputEnded = true
                    return 0
                }
            }
            let count = min(n, bufferTail - bufferHead)
            UnsafeMutableRawPointer(out).copyMemory(from: base + bufferHead, byteCount: count)
            bufferHead += count
            return Int32(count)
        }
    }

    private func installCallbacks() {
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { ctx, localname, _, uri, _, _, attributeCount, _, attributes in
            guard let ctx, let localname else { return }
            let state = ctx.assumingMemoryBound(to: SAXState.self)
            state.pointee.startElement(localname, uri: uri, attributeCount: Int(attributeCount), attributes: attributes)
        }
        handler.endElementNs = { ctx, localname, _, uri in
            guard let ctx, let localname else { return }
            let state = ctx.assumingMemoryBound(to: SAXState.self)
            state.pointee.endElement(localname, uri: uri)
        }
        handler.characters = { ctx, ch, len in
            guard let ctx, let ch, len > 0 else { return }
            let state = ctx.assumingMemoryBound(to: SAXState.self)
            if state.pointee.collecting {
                state.pointee.text.append(ch, Int(len))
            }
        }
        // The same function for whitespace between elements: libxml2 then skips its check for "ignorable" blanks
        // (which, without a DTD or a tree, never finds any).
        handler.ignorableWhitespace = handler.characters
        handler.entityDecl = { ctx, name, _, _, systemID, _ in
            guard let ctx else { return }
            let state = ctx.assumingMemoryBound(to: SAXState.self)
            let entity = name.map { String(cString: $0) } ?? "?"
            let external = systemID.map { " (SYSTEM \"\(String(cString: $0))\")" } ?? ""
            state.pointee.fatal(
                "the DOCTYPE declares entity '\(entity)'\(external); entity declarations are refused (no entity is expanded or loaded)")
        }
        handler.serror = { ctx, error in
            guard let ctx, let error else { return }
            let state = ctx.assumingMemoryBound(to: SAXState.self)
            state.pointee.libxml2Error(error.pointee)
        }
    }
}

/// `read(2)`, outside the class whose `read(into:_:)` would hide it.
private func readFile(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
