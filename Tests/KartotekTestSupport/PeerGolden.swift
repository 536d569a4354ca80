import Foundation

/// Locations and loaders for the peer-derived golden files in `Tests/MARCTests/Golden`.
///
/// The files are made by the scripts in `Tests/Scripts` (see `Tests/Scripts/README.md`);
/// tests read them without needing Python or the peers.
public enum PeerGolden {
    /// The repository root, found from this source file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // KartotekTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `../shared` next to the repository, or `$KARTOTEK_SHARED` when set.
    public static var sharedDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["KARTOTEK_SHARED"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// `Tests/MARCTests/Golden`.
    public static var goldenDirectory: URL {
        repositoryRoot.appendingPathComponent("Tests/MARCTests/Golden")
    }

    /// One line of a `pymarc-json-*.tsv` file.
    public struct JSONDigest: Sendable, Equatable {
        /// File name inside `../shared/corpora/real`.
        public var file: String
        /// 0-based index of the record in the order pymarc yields them.
        public var index: Int
        /// FNV-1a 64 of the canonical rendering, or `nil` where pymarc yielded `None`.
        public var digest: UInt64?
    }

    /// One line of `edge-best-peer.tsv`.
    public struct EdgeThreshold: Sendable, Equatable {
        /// File name inside `../shared/corpora/edge`.
        public var file: String
        /// The lenient reader must yield at least this many records.
        public var minimumRecords: Int
        /// The peers that reached the threshold.
        public var peers: String
        /// Per-peer counts and remarks.
        public var note: String
    }

    /// Reads `Golden/<name>` as tab-separated lines, skipping empty lines and `#` comments.
    public static func rows(_ name: String) throws -> [[Substring]] {
        let text = try String(contentsOf: goldenDirectory.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n")
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    /// Loads `pymarc-json-utf8.tsv`, `pymarc-json-all.tsv` or `pymarc-json-all-0x1d.tsv`.
    public static func jsonDigests(_ name: String = "pymarc-json-utf8.tsv") throws -> [JSONDigest] {
        try rows(name).map { cols in
            guard cols.count == 3, let index = Int(cols[1]) else {
                throw GoldenFileError(file: name, line: cols.joined(separator: "\t"))
            }
            if cols[2] == "none" {
                return JSONDigest(file: String(cols[0]), index: index, digest: nil)
            }
            guard cols[2].count == 16, let digest = UInt64(cols[2], radix: 16) else {
                throw GoldenFileError(file: name, line: cols.joined(separator: "\t"))
            }
            return JSONDigest(file: String(cols[0]), index: index, digest: digest)
        }
    }

    /// Loads `edge-best-peer.tsv`.
    public static func edgeThresholds() throws -> [EdgeThreshold] {
        try rows("edge-best-peer.tsv").map { cols in
            guard cols.count == 4, let minimum = Int(cols[1]) else {
                throw GoldenFileError(file: "edge-best-peer.tsv", line: cols.joined(separator: "\t"))
            }
            return EdgeThreshold(
                file: String(cols[0]), minimumRecords: minimum, peers: String(cols[2]), note: String(cols[3]))
        }
    }

    /// A malformed line in a golden file.
    public struct GoldenFileError: Error, CustomStringConvertible {
        /// The golden file's name.
        public var file: String
        /// The offending line.
        public var line: String
        /// A human sentence.
        public var description: String { "malformed line in Golden/\(file): \(line)" }
    }
}

/// FNV-1a 64-bit hash, as used by the golden digests (`Tests/Scripts/pymarc_json_digests.py`).
public struct FNV1a64: Sendable {
    /// The offset basis `0xcbf29ce484222325`.
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The prime `0x100000001b3`.
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash so far.
    public private(set) var value: UInt64 = FNV1a64.offsetBasis

    /// A fresh hasher.
    public init() {}

    /// Feeds bytes.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        var h = value
        for b in bytes {
            h = (h ^ UInt64(b)) &* FNV1a64.prime
        }
        value = h
    }

    /// Feeds the UTF-8 bytes of a string.
    public mutating func update(_ string: String) {
        update(string.utf8)
    }

    /// The hash of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hasher = FNV1a64()
        hasher.update(bytes)
        return hasher.value
    }

    /// Lowercase, zero-padded 16-digit hex, as in the golden files.
    public static func hex(_ value: UInt64) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

/// The canonical rendering hashed by the MARC-in-JSON differential test.
///
/// Build it from a record's MARC-in-JSON (code4lib layout):
/// `leader "\n"`, then per field in order, control field `tag "=" value "\n"`, data field
/// `tag " " ind1 ind2` then `"\u{1F}" code value` per subfield, then `"\n"`.
public struct MARCJSONCanonicalDigest: Sendable {
    private var hasher = FNV1a64()

    /// Starts a record with its leader.
    public init(leader: String) {
        hasher.update(leader)
        hasher.update("\n")
    }

    /// Adds a control field.
    public mutating func controlField(tag: String, value: String) {
        hasher.update(tag)
        hasher.update("=")
        hasher.update(value)
        hasher.update("\n")
    }

    /// Adds a data field; `subfields` are (code, value) pairs in order.
    public mutating func dataField(
        tag: String, ind1: String, ind2: String, subfields: [(code: String, value: String)]
    ) {
        hasher.update(tag)
        hasher.update(" ")
        hasher.update(ind1)
        hasher.update(ind2)
        for s in subfields {
            hasher.update("\u{1F}")
            hasher.update(s.code)
            hasher.update(s.value)
        }
        hasher.update("\n")
    }

    /// The digest of everything added so far.
    public var digest: UInt64 { hasher.value }

    /// The digest of one MARC-in-JSON record (`{"leader": …, "fields": [{tag: …}, …]}`).
    public static func digest(ofMARCJSON data: Data) throws -> UInt64 {
        func bad(_ why: String) -> MARCJSONShapeError { MARCJSONShapeError(reason: why) }
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let leader = object["leader"] as? String, let fields = object["fields"] as? [Any]
        else { throw bad("not an object with leader and fields") }
        var d = MARCJSONCanonicalDigest(leader: leader)
        for case let field as [String: Any] in fields {
            guard field.count == 1, let (tag, content) = field.first else {
                throw bad("field object without exactly one key")
            }
            if let value = content as? String {
                d.controlField(tag: tag, value: value)
                continue
            }
            guard let body = content as? [String: Any], let ind1 = body["ind1"] as? String,
                let ind2 = body["ind2"] as? String, let subs = body["subfields"] as? [Any]
            else { throw bad("data field \(tag) without ind1, ind2, subfields") }
            var pairs: [(code: String, value: String)] = []
            for case let sub as [String: Any] in subs {
                guard sub.count == 1, let (code, value) = sub.first, let text = value as? String else {
                    throw bad("subfield object in \(tag) without exactly one string")
                }
                pairs.append((code, text))
            }
            d.dataField(tag: tag, ind1: ind1, ind2: ind2, subfields: pairs)
        }
        return d.digest
    }

    /// MARC-in-JSON that does not have the code4lib shape.
    public struct MARCJSONShapeError: Error, CustomStringConvertible {
        /// What is wrong.
        public var reason: String
        /// A human sentence.
        public var description: String { "MARC-in-JSON shape: \(reason)" }
    }
}
