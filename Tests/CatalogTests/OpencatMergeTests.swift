import Foundation
import KartotekTestSupport
import MARC
import Testing

@testable import Catalog

/// A test-only reader for DBC's strict danMARC2 line format (`245 00*aTitle*csubtitle`), enough for the opencat
/// fixtures: one field per line, `@*` and `@@` escapes, continuation lines indented four blanks, `$` ends a record.
func readLineFormat(path: String) throws -> MARCRecord {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var lines: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
        if line.hasPrefix("    "), !lines.isEmpty {
            lines[lines.count - 1] += line.dropFirst(4)
        } else if line != "$" {
            lines.append(String(line))
        }
    }
    var fields: [Field] = []
    for line in lines {
        let chars = Array(line)
        guard chars.count >= 6, let tag = Tag(String(chars[0..<3])) else { continue }
        let indicators = Indicators(chars[4].unicodeScalars.first ?? "0", chars[5].unicodeScalars.first ?? "0")
        var subfields: [Subfield] = []
        var i = 6
        var current: (Unicode.Scalar, String)?
        while i < chars.count {
            let c = chars[i]
            if c == "@", i + 1 < chars.count, chars[i + 1] == "*" || chars[i + 1] == "@" {
                current?.1.append(chars[i + 1])
                i += 2
                continue
            }
            if c == "*", i + 1 < chars.count {
                if let current { subfields.append(Subfield(current.0, current.1)) }
                current = (chars[i + 1].unicodeScalars.first ?? " ", "")
                i += 2
                continue
            }
            current?.1.append(c)
            i += 1
        }
        if let current { subfields.append(Subfield(current.0, current.1)) }
        fields.append(Field(tag: tag, indicators: indicators, subfields: subfields))
    }
    return MARCRecord(leader: Leader(ascii: "00000n    2200000   4500"), fields: fields)
}

/// Real data: DBC's updateservice split a 1,457-field record into a common record (numeric tags) and DBC's
/// 191919 enrichment (001, 004 and the letter tags). Merging them back as 191919 must give the original.
struct OpencatMergeTests {
    let dir = TestSupport.corpora.appendingPathComponent("danmarc2/opencat").path

    @Test("common ⊕ 191919 as 191919 rebuilds the original large record")
    func largeRecordRoundTrip() throws {
        let original = try readLineFormat(path: "\(dir)/large-record--book.marc")
        let common = try readLineFormat(path: "\(dir)/large-record--result-common.marc")
        let dbc = try readLineFormat(path: "\(dir)/large-record--result-dbc-enrichment.marc")
        #expect(original.fields.count == 1457)

        // USE_PARENT_AGENCY keeps the common 001: the result is the original, field for field.
        let parent = EnrichmentMerger(rules: .useParentAgency).merge(common: common, enrichment: dbc, requester: Agency.dbcEnrichment)
        #expect(parent.fields == original.fields)

        // The default rules take the enrichment's 001 (*b 191919); everything else is the original.
        let merged = EnrichmentMerger().merge(common: common, enrichment: dbc, requester: Agency.dbcEnrichment)
        #expect(merged.agency == Agency.dbcEnrichment)
        #expect(Array(merged.fields.dropFirst()) == Array(original.fields.dropFirst()))

        // Any other requester sees no letter tags.
        let asLibrary = EnrichmentMerger().merge(common: common, enrichment: dbc, requester: "710100")
        #expect(asLibrary.fields.count == 1455)
        #expect(asLibrary.fields.allSatisfy { $0.tag.isNumeric })
    }
}
