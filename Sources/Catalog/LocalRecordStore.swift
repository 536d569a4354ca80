import MARC
import Synchronization

/// A library's local records — material that is not in the shared catalogue — kept durably in an append-only
/// log file.
///
/// Every change is validated, written as one checksummed entry and `fsync`ed before the call returns, so a
/// record whose `create`/`update`/`delete` returned survives a crash (`kill -9`, power loss after the call).
/// Opening replays the log; a partially written last entry is cut off and listed in ``recoveryReport``.
/// ``compact()`` rewrites the log atomically. One process may hold a store open at a time (`flock`).
///
/// ```swift
/// let store = try LocalRecordStore(path: "local-710100.log", agency: "710100")
/// let key = try store.create(record)
/// store.record(key)   // the record, at once
/// ```
/// The store is thread-safe: all methods may be called concurrently.
public final class LocalRecordStore: Sendable {
    private struct State: ~Copyable {
        var log: RecordLog
        var records: [RecordKey: MARCRecord]
        var entries: Int
        var isClosed = false
    }

    /// The log file's path.
    public let path: String
    /// The agency whose records this store holds (each record's `001 *b` must equal it), or `nil` for any.
    public let agency: String?
    /// What opening had to repair: a torn tail cut off (``CatalogError/Kind/tornTail``), or nothing.
    public let recoveryReport: [CatalogError]
    private let state: Mutex<State>

    /// Opens the store at `path`, creating an empty log if there is none, and replays it.
    ///
    /// Throws ``CatalogError/Kind/corruptLog`` when an entry other than the last is damaged, and
    /// ``CatalogError/Kind/io`` when the file cannot be opened or is locked by another process.
    public init(path: String, agency: String? = nil) throws(CatalogError) {
        var records: [RecordKey: MARCRecord] = [:]
        var entries = 0
        let (log, report) = try RecordLog.open(path: path) { operation in
            entries += 1
            switch operation {
            case .put(let record):
                if let key = RecordKey(of: record) { records[key] = record }
            case .delete(let key):
                records[key] = nil
            }
        }
        self.path = path
        self.agency = agency
        recoveryReport = report
        state = Mutex(State(log: log, records: records, entries: entries))
    }

    deinit {
        state.withLock { state in
            if !state.isClosed { state.log.closeFile() }
        }
    }

    /// The problems that keep `record` from being stored as a local record of `agency` (empty when it is valid).
    /// The rules are listed in Docs/CATALOGUE.md: `001 *a` faust with a valid check digit, `001 *b` a library
    /// number, `004 *r`/`*a`, `245 *a`, well-formed tags, indicators and subfield codes.
    public static func validate(_ record: MARCRecord, agency: String? = nil) -> [CatalogError] {
        let key = RecordKey(of: record)
        return LocalRecordValidator.problems(in: record, expectedAgency: agency).map {
            CatalogError(.invalidRecord, $0, record: key)
        }
    }

    /// Stores a new record and returns its key once it is on disk. Throws ``CatalogError/Kind/invalidRecord``
    /// (all problems in one sentence) or ``CatalogError/Kind/duplicate``.
    @discardableResult
    public func create(_ record: MARCRecord) throws(CatalogError) -> RecordKey {
        let key = try validatedKey(record)
        try state.withLock { (state) throws(CatalogError) in
            try Self.checkOpen(state, path: path)
            guard state.records[key] == nil else {
                throw CatalogError(.duplicate, "a local record with this key already exists; use update", file: path, record: key)
            }
            try state.log.append(.put(record))
            state.records[key] = record
            state.entries += 1
        }
        return key
    }

    /// Replaces an existing record (same `001 *a`/`*b`) once the new version is on disk. Throws
    /// ``CatalogError/Kind/invalidRecord`` or ``CatalogError/Kind/notFound``.
    public func update(_ record: MARCRecord) throws(CatalogError) {
        let key = try validatedKey(record)
        try state.withLock { (state) throws(CatalogError) in
            try Self.checkOpen(state, path: path)
            guard state.records[key] != nil else {
                throw CatalogError(.notFound, "no local record with this key; use create", file: path, record: key)
            }
            try state.log.append(.put(record))
            state.records[key] = record
            state.entries += 1
        }
    }

    /// Deletes a record once the deletion is on disk. Throws ``CatalogError/Kind/notFound``.
    public func delete(_ key: RecordKey) throws(CatalogError) {
        try state.withLock { (state) throws(CatalogError) in
            try Self.checkOpen(state, path: path)
            guard state.records[key] != nil else {
                throw CatalogError(.notFound, "no local record with this key", file: path, record: key)
            }
            try state.log.append(.delete(key))
            state.records[key] = nil
            state.entries += 1
        }
    }

    /// The record with `key`, or `nil`.
    public func record(_ key: RecordKey) -> MARCRecord? {
        state.withLock { $0.records[key] }
    }

    /// Every record, keyed; an immutable copy that later changes do not affect.
    public func snapshot() -> [RecordKey: MARCRecord] {
        state.withLock { $0.records }
    }

    /// The number of records.
    public var count: Int { state.withLock { $0.records.count } }

    /// The number of entries in the log (puts and deletes); compaction brings it down to ``count``.
    public var logEntryCount: Int { state.withLock { $0.entries } }

    /// Rewrites the log with only the live records, atomically (temporary file, `fsync`, `rename`, directory
    /// `fsync`): a crash leaves the old log or the new one.
    public func compact() throws(CatalogError) {
        try state.withLock { (state) throws(CatalogError) in
            try Self.checkOpen(state, path: path)
            let records = state.records.sorted { $0.key < $1.key }.map(\.value)
            try state.log.compact(records: records)
            state.entries = records.count
        }
    }

    /// Closes the log file and releases its lock. Later changes throw; reads still answer from memory.
    public func close() {
        state.withLock { state in
            if !state.isClosed {
                state.log.closeFile()
                state.isClosed = true
            }
        }
    }

    private func validatedKey(_ record: MARCRecord) throws(CatalogError) -> RecordKey {
        let problems = LocalRecordValidator.problems(in: record, expectedAgency: agency)
        guard problems.isEmpty, let key = RecordKey(of: record) else {
            throw CatalogError(
                .invalidRecord, "the record is not a valid local record: " + problems.joined(separator: "; "),
                file: path, record: RecordKey(of: record))
        }
        // What is acknowledged must replay: the log stores MARC-in-JSON, so check that it reads back equal.
        guard (try? MARCRecord(marcJSON: record.marcJSON)) == record else {
            throw CatalogError(
                .invalidRecord, "the record cannot be stored faithfully as MARC-in-JSON", file: path, record: key)
        }
        return key
    }

    private static func checkOpen(_ state: borrowing State, path: String) throws(CatalogError) {
        if state.isClosed { throw CatalogError(.io, "the local-record store is closed", file: path) }
    }
}
