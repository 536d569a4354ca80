import Catalog
import Foundation
import Glibc
import KartotekTestSupport
import MARC
import Testing

/// Faults during catalogue writes: a write that fails part-way (file size limit: what a full disk looks like to the
/// writer) and a writer killed with SIGKILL leave the previous catalogue whole, or the new one, never a torn mix.
@Suite(.serialized) struct FaultTests {
    static func catalogue(_ n: Int, tag: String) -> Catalogue {
        let records = (0..<n).map { i in
            MARCRecord(leader: Leader(ascii: "00000n    2200000   4500"), fields: [
                Field(tag: "001", indicators: ("0", "0"), subfields: [Subfield("a", String(20_000_000 + i)), Subfield("b", "870970")]),
                Field(tag: "245", indicators: ("0", "0"), subfields: [Subfield("a", "\(tag) titel \(i) " + String(repeating: "ø", count: i % 40))]),
            ])
        }
        return Catalogue(records: records)
    }

    /// The tag word the catalogue at `path` was written with ("gammel" or "ny"), and how many records it holds.
    static func state(_ path: String) throws -> (String, Int) {
        let c = try Catalogue(directory: path)
        let old = try c.search("ti = gammel", options: .init(limit: 1)).total
        let new = try c.search("ti = ny", options: .init(limit: 1)).total
        #expect(old == 0 || new == 0, "a mix of old and new documents")
        return old > 0 ? ("gammel", old) : ("ny", new)
    }

    @Test func aWriteThatFailsLeavesThePreviousCatalogue() throws {
        let dir = try TestSupport.temporaryDirectory().appendingPathComponent("idx").path
        try Self.catalogue(50, tag: "gammel").write(to: dir)
        #expect(try Self.state(dir) == ("gammel", 50))
        let big = Self.catalogue(3_000, tag: "ny")
        // Warm the write path in the parent, so the forked child needs no first-time runtime work (locks).
        try big.write(to: try TestSupport.temporaryDirectory().path)
        let pid = fork()
        if pid == 0 {
            closeInheritedDescriptors(keeping: [])
            // Child: files may grow to 64 KiB at most; writes past that fail with EFBIG (SIGXFSZ ignored).
            signal(SIGXFSZ, SIG_IGN)
            var limit = rlimit(rlim_cur: 64 * 1024, rlim_max: 64 * 1024)
            _ = setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit)
            alarm(60)
            do {
                try big.write(to: dir)
                _exit(1)  // the write should not have succeeded
            } catch {
                _exit(0)
            }
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        #expect(status == 0, "the limited write did not fail cleanly (wait status \(status))")
        #expect(try Self.state(dir) == ("gammel", 50))
        // And a later, unlimited write succeeds and replaces it.
        try big.write(to: dir)
        #expect(try Self.state(dir) == ("ny", 3_000))
    }

    @Test func aWriterKilledMidWriteLeavesOldOrNewNeverTorn() throws {
        let dir = try TestSupport.temporaryDirectory().appendingPathComponent("idx").path
        let old = Self.catalogue(200, tag: "gammel")
        let new = Self.catalogue(2_000, tag: "ny")
        try old.write(to: dir)
        try new.write(to: try TestSupport.temporaryDirectory().path)  // warm the write path before fork()
        for round in 0..<6 {
            let pid = fork()
            if pid == 0 {
                closeInheritedDescriptors(keeping: [])
                alarm(60)
                var i = 0
                while true {
                    try? (i % 2 == 0 ? new : old).write(to: dir)
                    i += 1
                }
            }
            usleep(UInt32(20_000 + round * 37_000))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let (tag, count) = try Self.state(dir)
            #expect((tag == "gammel" && count == 200) || (tag == "ny" && count == 2_000), "round \(round): \(tag) \(count)")
        }
    }
}

/// In a forked test child: closes every descriptor inherited from the test process (except `keeping` and the standard
/// ones), so the child holds no file locks (flock) that tests running in parallel in the parent took.
func closeInheritedDescriptors(keeping: Set<Int32>) {
    for fd in Int32(3)..<Int32(4096) where !keeping.contains(fd) { close(fd) }
}
