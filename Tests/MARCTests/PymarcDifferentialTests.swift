import Foundation
import KartotekTestSupport
import MARC
import Testing

/// Differential tests against pymarc 5.4.0: every record's MARC-in-JSON, rendered canonically and hashed, equals the
/// digest of pymarc's `as_json()` for the same record (digests made by Tests/Scripts/pymarc_json_digests.py).
@Suite struct PymarcDifferentialTests {
    /// ISO 2709 files in corpora/real whose records declare UTF-8 (leader/09 = 'a').
    @Test func utf8RecordsEqualPymarcAsJSON() throws {
        let golden = try PeerGolden.jsonDigests("pymarc-json-utf8.tsv")
        let byFile = Dictionary(grouping: golden, by: \.file)
        #expect(byFile.count == 2)
        for (file, rows) in byFile {
            let path = TestSupport.corpora.appendingPathComponent("real/\(file)").path
            var reader = try ISO2709Reader(path: path)
            var index = 0
            var mismatches: [Int] = []
            while let record = try reader.next() {
                let ours = try MARCJSONCanonicalDigest.digest(ofMARCJSON: Data(record.marcJSON.utf8))
                if index >= rows.count || rows[index].digest != ours { mismatches.append(index) }
                index += 1
            }
            #expect(index == rows.count, "\(file): \(index) records, pymarc \(rows.count)")
            #expect(mismatches.isEmpty, "\(file): records differing from pymarc: \(mismatches.prefix(10))")
        }
    }

    /// Lenient reading of each malformed file recovers at least as many intact records as the best peer.
    @Test func lenientReadingMatchesTheBestPeerOnEveryEdgeFile() throws {
        let thresholds = try PeerGolden.edgeThresholds()
        #expect(thresholds.count == 70)
        var below: [String] = []
        for t in thresholds {
            let path = TestSupport.corpora.appendingPathComponent("edge/\(t.file)").path
            var reader = try ISO2709Reader(path: path, options: ReadOptions(lenient: true))
            var intact = 0
            while let record = try reader.next() { if !record.fields.isEmpty { intact += 1 } }
            if intact < t.minimumRecords { below.append("\(t.file): \(intact) < \(t.minimumRecords) (\(t.peers))") }
        }
        #expect(below.isEmpty, "\(below)")
    }
}
