import Foundation
import KartotekTestSupport
import Testing

/// Runs the built `kartotek` binary and captures its exit status and output.
struct CLIRun {
    let status: Int32
    let stdout: String
    let stderr: String
    let terminatedBySignal: Bool

    static var binary: URL {
        let debug = TestSupport.packageRoot.appendingPathComponent(".build/debug/kartotek")
        return debug
    }

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> CLIRun {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = TestSupport.packageRoot
        let out = Pipe()
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("kartotek-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? FileManager.default.removeItem(at: errURL) }
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        try err.close()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return CLIRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self),
            terminatedBySignal: process.terminationReason == .uncaughtSignal)
    }
}

@Suite(.serialized) struct CLITests {
    let real = TestSupport.corpora.appendingPathComponent("real").path
    let edge = TestSupport.corpora.appendingPathComponent("edge").path

    @Test func convertWritesOneJSONLinePerRecord() throws {
        let r = try CLIRun.run(["convert", "--to", "json", "\(real)/evergreen_nepali.marc"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").count == 96)
        #expect(r.stdout.hasPrefix("{\"leader\":\"01168nam a2200241Ka 4500\""))
    }

    @Test func optionsMayFollowOperandsAndStandardInputWorks() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(real)/evergreen_nepali.marc"))
        let r = try CLIRun.run(["convert", "-", "--to", "text"], stdin: data)
        #expect(r.status == 0)
        #expect(r.stdout.contains("245 10 $a Bihānī Ṭusā / $c Lekhaka Vīrendravikram Śāha."))
    }

    @Test func iso2709RoundTripThroughTheCLIIsByteIdentical() throws {
        let dir = try TestSupport.temporaryDirectory()
        let out = dir.appendingPathComponent("out.mrc").path
        let r = try CLIRun.run(["convert", "--to", "iso2709", "-o", out, "\(real)/evergreen_auth-1066.mrc"])
        #expect(r.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: "\(real)/evergreen_auth-1066.mrc")))
    }

    @Test func strictErrorExitsOneWithLocationAndLenientReportsSkips() throws {
        let file = "\(edge)/marcperl__cameleof.usmarc"
        let strict = try CLIRun.run(["convert", file])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("cameleof.usmarc: record 2, byte 755:"))
        let lenient = try CLIRun.run(["convert", "--lenient", file])
        #expect(lenient.status == 1)
        #expect(lenient.stdout.split(separator: "\n").count == 10)
        #expect(lenient.stderr.contains("skipped"))
    }

    @Test(arguments: [["convert", "--to", "pdf"], ["convert", "--frobnicate"], ["nonsense"], [], ["convert", "-o"]])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let r = try CLIRun.run(arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains("usage"))
    }

    @Test func everyEdgeFileEndsWithAStatusNeverASignal() throws {
        for file in TestSupport.files(in: "edge") {
            for mode in [["convert"], ["convert", "--lenient"], ["lint"]] {
                let r = try CLIRun.run(mode + [file])
                #expect(!r.terminatedBySignal, "\(mode) \(TestSupport.name(file))")
                #expect(r.status == 0 || r.status == 1, "\(mode) \(TestSupport.name(file)): \(r.status)")
            }
        }
    }

    @Test func lintReportsFindingsAndExitsOne() throws {
        let r = try CLIRun.run(["lint", "\(edge)/pymarc__bad_records.mrc"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("finding(s)"))
        let clean = try CLIRun.run(["lint", "Corpus/danmarc2/common.jsonl"])
        #expect(clean.status == 0, "\(clean.stdout.suffix(500))")
    }
}
