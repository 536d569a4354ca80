/// A problem found in MARC input, with where it was found and a sentence saying what is wrong.
///
/// Strict readers throw the first one; lenient readers collect them as diagnostics and go on. Each carries
/// the file, the 1-based record number, the byte offset in the input, and whether data was lost.
///
/// ```
/// broken.mrc: record 3, byte 2048: directory entry 4 (tag 245) points past the end of the record
/// ```
public struct MARCError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem this is.
    public enum Kind: String, Sendable, Hashable {
        /// Record framing: length, terminator, junk between records, truncation.
        case framing
        /// The leader.
        case leader
        /// The directory.
        case directory
        /// A field's content (indicators, subfields, terminators).
        case field
        /// Character set: invalid UTF-8, an undecodable MARC-8 sequence, a wrong leader/09.
        case encoding
        /// A size limit (record over 99,999 bytes, field over 9,999 bytes, too many fields).
        case limit
        /// Reading or writing a file.
        case io
        /// MARC-in-JSON syntax or shape.
        case json
        /// MARCXML or MARCXchange.
        case xml
        /// danMARC2 line format.
        case lineFormat
    }

    /// What lenient reading did about the problem.
    public enum Disposition: String, Sendable, Hashable {
        /// Strict reading stopped here.
        case fatal
        /// The record was repaired and kept; no data was lost.
        case repaired
        /// Part of a record (bytes, a field or a subfield) was dropped or replaced.
        case dataDropped
        /// A whole record, or bytes between records, was skipped.
        case skipped
    }

    /// The kind.
    public var kind: Kind
    /// The input's name (a path or `-`), when known.
    public var file: String?
    /// The 1-based record number, when the problem belongs to a record.
    public var recordNumber: Int?
    /// The byte offset in the input, when known.
    public var byteOffset: Int?
    /// A human sentence.
    public var message: String
    /// What lenient reading did about it.
    public var disposition: Disposition

    /// Creates an error.
    public init(
        _ kind: Kind, _ message: String, file: String? = nil, recordNumber: Int? = nil, byteOffset: Int? = nil,
        disposition: Disposition = .fatal
    ) {
        self.kind = kind
        self.message = message
        self.file = file
        self.recordNumber = recordNumber
        self.byteOffset = byteOffset
        self.disposition = disposition
    }

    /// `file: record N, byte B: message`.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        var location: [String] = []
        if let recordNumber { location.append("record \(recordNumber)") }
        if let byteOffset { location.append("byte \(byteOffset)") }
        if !location.isEmpty { parts.append(location.joined(separator: ", ")) }
        parts.append(disposition == .fatal ? message : "\(message) (\(disposition.rendered))")
        return parts.joined(separator: ": ")
    }
}

extension MARCError.Disposition {
    var rendered: String {
        switch self {
        case .fatal: "error"
        case .repaired: "repaired"
        case .dataDropped: "data dropped"
        case .skipped: "skipped"
        }
    }
}
