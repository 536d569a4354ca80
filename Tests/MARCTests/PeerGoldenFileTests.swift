import Foundation
import KartotekTestSupport
import Testing

/// Checks the peer-derived golden files and the digest helpers the differential tests use.
@Suite("Peer golden files")
struct PeerGoldenFileTests {
    @Test("FNV-1a 64 test vectors")
    func fnvVectors() {
        #expect(FNV1a64.hash([UInt8]()) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a64.hash(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a64.hash(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
        #expect(FNV1a64.hex(0xab) == "00000000000000ab")
    }

    @Test("canonical MARC-in-JSON digest matches the Python reference")
    func canonicalDigest() throws {
        // Value from Tests/Scripts/pymarc_json_digests.py: fnv1a64(canonical(d).encode()).
        let json = #"""
            {"leader": "00000nam a2200000 a 4500", "fields": [{"001": "x1"}, {"245": {"ind1": "1", "ind2": "0", "subfields": [{"a": "Titel"}, {"c": "Æbler og ø"}]}}, {"500": {"ind1": " ", "ind2": " ", "subfields": []}}]}
            """#
        let digest = try MARCJSONCanonicalDigest.digest(ofMARCJSON: Data(json.utf8))
        #expect(FNV1a64.hex(digest) == "32b2a6fa2c670097")

        var built = MARCJSONCanonicalDigest(leader: "00000nam a2200000 a 4500")
        built.controlField(tag: "001", value: "x1")
        built.dataField(tag: "245", ind1: "1", ind2: "0", subfields: [("a", "Titel"), ("c", "Æbler og ø")])
        built.dataField(tag: "500", ind1: " ", ind2: " ", subfields: [])
        #expect(built.digest == digest)
    }

    @Test("pymarc UTF-8 digests: two files, every record, no None")
    func utf8Digests() throws {
        let rows = try PeerGolden.jsonDigests("pymarc-json-utf8.tsv")
        let byFile = Dictionary(grouping: rows, by: \.file)
        #expect(byFile.keys.sorted() == ["evergreen_auth-1066.mrc", "evergreen_nepali.marc"])
        #expect(byFile["evergreen_auth-1066.mrc"]?.count == 1066)
        #expect(byFile["evergreen_nepali.marc"]?.count == 96)
        #expect(rows.allSatisfy { $0.digest != nil })
        for (_, list) in byFile {
            #expect(list.map(\.index) == Array(0..<list.count))
        }
    }

    @Test("pymarc digests for all ISO 2709 files load")
    func allDigests() throws {
        let lengthFramed = try PeerGolden.jsonDigests("pymarc-json-all.tsv")
        let chunkFramed = try PeerGolden.jsonDigests("pymarc-json-all-0x1d.tsv")
        #expect(lengthFramed.count == 4779)
        #expect(chunkFramed.count == 4876)
        #expect(lengthFramed.filter { $0.digest == nil }.count == 2)
        #expect(chunkFramed.filter { $0.digest == nil }.count == 5)
    }

    @Test("edge thresholds cover every file in ../shared/corpora/edge")
    func edgeThresholds() throws {
        let rows = try PeerGolden.edgeThresholds()
        #expect(rows.count == 70)
        #expect(rows.allSatisfy { $0.minimumRecords >= 0 })
        let edge = PeerGolden.sharedDirectory.appendingPathComponent("corpora/edge")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: edge.path) else {
            return  // no ../shared here: nothing more to compare
        }
        #expect(Set(rows.map(\.file)) == Set(names))
    }
}
