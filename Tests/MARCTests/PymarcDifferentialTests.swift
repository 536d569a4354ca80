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

/// The MARC-8 files: MARC-in-JSON equals pymarc's `as_json()` (`to_unicode=True`, framed on 0x1D), record by
/// record, except where the input bytes are not MARC-8 at all — each such record is listed with its reason, and the
/// list must stay exactly this (a new difference, or one that disappears, fails the test).
@Suite struct PymarcMARC8DifferentialTests {
    /// Records whose bytes are not valid MARC-8, so two decoders may legitimately differ (Docs/CHARSETS.md).
    static let knownDifferences: [String: (records: [Int], reason: String)] = [
        "catmandu_bu_bibs.mrc": (
            [2, 5, 14, 21, 24, 33, 50, 61, 68, 71, 73, 90],
            "doubly encoded UTF-8 behind a MARC-8 leader: these bytes are not MARC-8; pymarc maps them differently"),
        "evergreen_hebrew.marc": ([17], "a stray 0x7F in Hebrew text: we give U+FFFD and report it, pymarc a space"),
    ]

    @Test func marc8RecordsEqualPymarcAsJSON() throws {
        let golden = try PeerGolden.jsonDigests("pymarc-json-all-0x1d.tsv")
        // FSL is UTF-8 under a leader that claims MARC-8: we detect that (and report it); pymarc's default output is
        // mojibake, so the reference for it is pymarc with force_utf8=True.
        let fsl = try PeerGolden.jsonDigests("pymarc-json-fsl-force-utf8.tsv")
        var byFile = Dictionary(grouping: golden, by: \.file)
        byFile["evergreen_FSL.marc"] = fsl
        var compared = 0
        for (file, rows) in byFile.sorted(by: { $0.key < $1.key }) {
            let path = TestSupport.corpora.appendingPathComponent("real/\(file)").path
            var reader = try ISO2709Reader(path: path, options: ReadOptions(lenient: true))
            var index = 0
            var mismatches: [Int] = []
            while let record = try reader.next() {
                defer { index += 1 }
                guard index < rows.count, let expected = rows[index].digest else { continue }
                compared += 1
                let ours = try MARCJSONCanonicalDigest.digest(ofMARCJSON: Data(record.marcJSON.utf8))
                if ours != expected { mismatches.append(index) }
            }
            #expect(index == rows.count, "\(file): \(index) records, pymarc \(rows.count)")
            let known = Self.knownDifferences[file]?.records ?? []
            #expect(mismatches == known, "\(file): records differing from pymarc: \(mismatches.prefix(20))")
        }
        #expect(compared > 4_800)
    }
}
