import Foundation
import KartotekTestSupport
import MARC
import MARCXML
import Testing

/// Compares every record of every MARCXML file in `corpora/real` with pymarc 5.4.0's `parse_xml_to_array`, through
/// per-record digests of a canonical rendering (`Golden/pymarc-xml.tsv`, made by `Tests/Scripts/pymarc_xml_digests.py`).
@Suite struct PymarcDifferentialTests {
    static let golden: [String: [String]] = {
        let url = TestSupport.packageRoot.appendingPathComponent("Tests/MARCXMLTests/Golden/pymarc-xml.tsv")
        var out: [String: [String]] = [:]
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return out }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 3, let index = Int(parts[1]) else { continue }
            var digests = out[String(parts[0]), default: []]
            while digests.count <= index { digests.append("") }
            digests[index] = String(parts[2])
            out[String(parts[0])] = digests
        }
        return out
    }()

    @Test func goldenCoversEveryFile() {
        #expect(Set(Self.golden.keys) == Set(realXMLFiles.map(TestSupport.name)))
    }

    @Test(arguments: realXMLFiles)
    func recordsMatchPymarc(path: String) throws {
        let name = TestSupport.name(path)
        let expected = try #require(Self.golden[name], "no golden digests for \(name)")
        var reader = try MARCXMLReader(path: path)
        let records = try reader.readAll()
        #expect(records.count == expected.count, "\(name): \(records.count) records, pymarc \(expected.count)")
        for (i, record) in records.enumerated() where i < expected.count {
            let digest = TestSupport.fnv1a64(canonicalRendering(record))
            #expect(digest == expected[i], "\(name) record \(i): \(String(decoding: canonicalRendering(record), as: UTF8.self))")
        }
    }
}
