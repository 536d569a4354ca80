import MARC

/// A problem reported by the catalogue: what kind it is, a sentence saying what is wrong, and where it was found.
///
/// ```
/// holdings.jsonl: line 7: "status" must be one of onShelf, onLoan, … (found "shelf")
/// ```
public struct CatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem this is.
    public enum Kind: String, Sendable, Hashable {
        /// A record broke a validation rule.
        case invalidRecord
        /// A record or item with that key already exists.
        case duplicate
        /// No record or item with that key exists.
        case notFound
        /// A holdings file line or field could not be read.
        case invalidHoldings
        /// The local-record log is damaged somewhere other than its tail.
        case corruptLog
        /// The local-record log ended in a partially written entry, which was removed.
        case tornTail
        /// Reading or writing a file failed.
        case io
    }

    /// The kind.
    public var kind: Kind
    /// A human sentence.
    public var message: String
    /// The file concerned, when there is one.
    public var file: String?
    /// The 1-based line number (JSON Lines input), when known.
    public var line: Int?
    /// The byte offset in the file, when known.
    public var byteOffset: Int?
    /// The record concerned, when known.
    public var record: RecordKey?

    /// Creates an error.
    public init(
        _ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, byteOffset: Int? = nil,
        record: RecordKey? = nil
    ) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
        self.record = record
    }

    /// `file: line N, byte B: record R: message`.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        var location: [String] = []
        if let line { location.append("line \(line)") }
        if let byteOffset { location.append("byte \(byteOffset)") }
        if !location.isEmpty { parts.append(location.joined(separator: ", ")) }
        if let record { parts.append("record \(record)") }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}

extension CatalogError {
    /// Wraps an I/O error from the MARC module.
    init(_ error: MARCError, file: String) {
        self.init(.io, error.message, file: error.file ?? file, byteOffset: error.byteOffset)
    }
}
