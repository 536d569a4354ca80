import Foundation
import KartotekTestSupport
import MARC
import Testing

@testable import Catalog

/// The nine rawrepo merge golden cases (../shared/corpora/danmarc2/merge), each with the FieldRules that
/// rawrepo's MarcXMergerTest gives it (MANIFEST.tsv), compared field by field.
struct MergeGoldenTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var rules: MergeRules
        var includeAllFields: Bool
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "append", rules: MergeRules(overwriteGroups: [], immutable: [], validTags: .any), includeAllFields: false),
        Case(name: "immutable", rules: MergeRules(overwriteGroups: [], immutable: ["245"], validTags: .any), includeAllFields: false),
        Case(name: "invalid", rules: MergeRules(overwriteGroups: [], immutable: [], validTags: .numeric), includeAllFields: false),
        Case(name: "isfinal", rules: MergeRules(overwriteGroups: [], immutable: [], validTags: .numeric), includeAllFields: true),
        Case(name: "overwrite", rules: MergeRules(overwriteGroups: [["245"]], immutable: [], validTags: .any), includeAllFields: false),
        Case(
            name: "overwrite_group", rules: MergeRules(overwriteGroups: [["245", "239"]], immutable: [], validTags: .any),
            includeAllFields: false),
        Case(name: "overwrite_multi", rules: MergeRules(overwriteGroups: [["245"]], immutable: [], validTags: .any), includeAllFields: false),
        Case(
            name: "overwrite_multi_to_single",
            rules: MergeRules(overwriteGroups: [["006"], ["300"]], immutable: [], validTags: .any), includeAllFields: false),
        Case(
            name: "remove", rules: MergeRules(overwriteGroups: [], immutable: [], invalid: ["245"], validTags: .any),
            includeAllFields: false),
    ]

    @Test("every golden case in the corpus has a rule set")
    func allCasesCovered() {
        let names = Set(
            TestSupport.files(in: "danmarc2/merge", extensions: ["-expected.xml"])
                .map { TestSupport.name($0).replacingOccurrences(of: "-expected.xml", with: "") })
        #expect(names == Set(Self.cases.map(\.name)))
    }

    @Test("rawrepo golden merge case", arguments: cases)
    func golden(_ c: Case) throws {
        let dir = TestSupport.corpora.appendingPathComponent("danmarc2/merge").path
        let common = try MARCXchangeTestLoader.load(path: "\(dir)/\(c.name)-common.xml")
        let enrichment = try MARCXchangeTestLoader.load(path: "\(dir)/\(c.name)-enrichment.xml")
        let expected = try MARCXchangeTestLoader.load(path: "\(dir)/\(c.name)-expected.xml")
        let merged = EnrichmentMerger(rules: c.rules).merge(
            common: common, enrichment: enrichment, includeAllFields: c.includeAllFields)
        #expect(merged.leader == expected.leader)
        #expect(merged.fields.count == expected.fields.count)
        for (got, want) in zip(merged.fields, expected.fields) {
            #expect(got == want, "\(c.name): got \(got.tag) \(got.subfields), want \(want.tag) \(want.subfields)")
        }
    }
}
