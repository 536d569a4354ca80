import Foundation
import KartotekTestSupport
import MARC
import Testing

@testable import Catalog

#if canImport(Glibc)
import Glibc
#endif

/// Valid faust numbers: `count` ids from `start` upward, each with its modulus-11 check digit.
func faustNumbers(_ count: Int, from start: Int = 5_000_000) -> [String] {
    var out: [String] = []
    var n = start
    while out.count < count {
        let body = String(n)
        if let check = Faust.checkDigit(for: body) { out.append(body + String(check)) }
        n += 1
    }
    return out
}

/// A valid local record of agency 710100.
func localRecord(id: String, title: String, agency: String = "710100") -> MARCRecord {
    danmarc([
        f("001", "a", id, "b", agency, "c", "20260101120000", "d", "20260101", "f", "a"),
        f("004", "r", "n", "a", "e"),
        f("008", "t", "m", "a", "2026", "l", "dan"),
        f("245", "a", title),
        f("260", "b", "Lokalhistorisk Arkiv", "c", "2026"),
    ])
}

struct FaustTests {
    @Test("faust check digits: DBC's example and blanks")
    func checkDigit() {
        #expect(Faust.isValid("130955754"))
        #expect(!Faust.isValid("130955755"))
        #expect(Faust.isValid("1 309 557 5 4"))
        #expect(!Faust.isValid("1234567"))  // too short
        #expect(!Faust.isValid("1309557a4"))
        for id in faustNumbers(50) { #expect(Faust.isValid(id)) }
    }
}

@Suite(.serialized)
struct LocalRecordStoreTests {
    func temporaryLog() throws -> String {
        try TestSupport.temporaryDirectory().appendingPathComponent("local.log").path
    }

    @Test("create, read, update, delete, reopen")
    func crud() throws {
        let path = try temporaryLog()
        let ids = faustNumbers(3)
        do {
            let store = try LocalRecordStore(path: path, agency: "710100")
            #expect(store.recoveryReport.isEmpty)
            let k0 = try store.create(localRecord(id: ids[0], title: "Byens historie"))
            try store.create(localRecord(id: ids[1], title: "Havnen"))
            try store.create(localRecord(id: ids[2], title: "Skolen"))
            #expect(k0 == RecordKey(id: ids[0], agency: "710100"))
            try store.update(localRecord(id: ids[1], title: "Havnen 1900-1950"))
            try store.delete(RecordKey(id: ids[2], agency: "710100"))
            #expect(store.count == 2)
            #expect(store.record(RecordKey(id: ids[1], agency: "710100"))?["245"]?["a"] == "Havnen 1900-1950")
            store.close()
        }
        let reopened = try LocalRecordStore(path: path, agency: "710100")
        #expect(reopened.recoveryReport.isEmpty)
        #expect(reopened.count == 2)
        #expect(reopened.logEntryCount == 5)
        #expect(reopened.record(RecordKey(id: ids[0], agency: "710100"))?["245"]?["a"] == "Byens historie")
        #expect(reopened.record(RecordKey(id: ids[1], agency: "710100"))?["245"]?["a"] == "Havnen 1900-1950")
        #expect(reopened.record(RecordKey(id: ids[2], agency: "710100")) == nil)
        // Blanks in an id do not matter.
        let spaced = String(ids[0].prefix(1)) + " " + String(ids[0].dropFirst())
        #expect(reopened.record(RecordKey(id: spaced, agency: "710100")) != nil)
    }

    @Test("create refuses duplicates; update and delete refuse unknown keys")
    func refusals() throws {
        let store = try LocalRecordStore(path: try temporaryLog())
        let id = faustNumbers(1)[0]
        try store.create(localRecord(id: id, title: "A"))
        #expect(throws: CatalogError.self) { try store.create(localRecord(id: id, title: "B")) }
        do {
            try store.create(localRecord(id: id, title: "B"))
        } catch {
            #expect(error.kind == .duplicate)
        }
        let other = faustNumbers(1, from: 6_000_000)[0]
        do {
            try store.update(localRecord(id: other, title: "B"))
            Issue.record("update of an unknown record succeeded")
        } catch {
            #expect(error.kind == .notFound)
        }
        do {
            try store.delete(RecordKey(id: other, agency: "710100"))
            Issue.record("delete of an unknown record succeeded")
        } catch {
            #expect(error.kind == .notFound)
        }
        #expect(store.count == 1)
    }

    @Test("validation: required fields, faust, agency, shapes")
    func validation() throws {
        let id = faustNumbers(1)[0]
        #expect(LocalRecordStore.validate(localRecord(id: id, title: "OK"), agency: "710100").isEmpty)

        func problems(_ record: MARCRecord, agency: String? = "710100") -> String {
            LocalRecordStore.validate(record, agency: agency).map(\.message).joined(separator: " | ")
        }
        var r = localRecord(id: id, title: "T")
        r.fields.removeAll { $0.tag == "004" }
        #expect(problems(r).contains("004"))

        r = localRecord(id: id, title: "")
        #expect(problems(r).contains("245 *a"))

        r = localRecord(id: "130955755", title: "T")
        #expect(problems(r).contains("faust"))

        r = localRecord(id: id, title: "T", agency: Agency.common)
        #expect(problems(r, agency: nil).contains("belongs to DBC"))
        #expect(problems(localRecord(id: id, title: "T", agency: "710101")).contains("not this store's agency"))

        r = localRecord(id: id, title: "T")
        r.fields.append(Field(tag: Tag("2A5") ?? "???", indicators: Indicators("0", "0"), subfields: [Subfield("a", "x")]))
        r.fields.append(Field(tag: "512", indicators: Indicators(scalars: ["0"]), subfields: [Subfield("a", "x")]))
        r.fields.append(Field(tag: "513", indicators: Indicators("0", "0"), subfields: [Subfield("#", "x")]))
        r.fields.append(Field(tag: "514", indicators: Indicators("0", "0"), subfields: []))
        r.fields.append(Field(tag: "005", value: "control"))
        let text = problems(r)
        #expect(text.contains("field 6 (2A5): the tag"))
        #expect(text.contains("(512): the indicators"))
        #expect(text.contains("subfield code \"#\""))
        #expect(text.contains("(514): a field needs at least one subfield"))
        #expect(text.contains("(005): danMARC2 fields need indicators"))

        r = localRecord(id: id, title: "T")
        r.leader = Leader(bytes: Array("00000n    2200000   45".utf8) + [0xC3, 0xA6])
        #expect(problems(r).contains("leader"))

        // Letter tags, upper-case and Danish subfield codes are fine.
        r = localRecord(id: id, title: "T")
        r.fields.append(f("d08", "o", "abc"))
        r.fields.append(f("100", "A", "kierkegaard", "a", "Kierkegaard", "ø", "x"))
        #expect(problems(r).isEmpty)

        let store = try LocalRecordStore(path: try temporaryLog(), agency: "710100")
        do {
            try store.create(localRecord(id: "12345678", title: ""))
            Issue.record("an invalid record was stored")
        } catch {
            #expect(error.kind == .invalidRecord)
            #expect(error.message.contains("faust") && error.message.contains("245"))
        }
        #expect(store.count == 0)
    }

    @Test("a torn tail is cut off and reported; later writes and reopens are clean")
    func tornTail() throws {
        let path = try temporaryLog()
        let ids = faustNumbers(4)
        do {
            let store = try LocalRecordStore(path: path)
            for i in 0..<3 { try store.create(localRecord(id: ids[i], title: "T\(i)")) }
            store.close()
        }
        let goodSize = try fileSize(path)
        // A partial entry: the first 30 bytes of a fourth one.
        let entry = RecordLog.encode(.put(localRecord(id: ids[3], title: "T3")))
        try appendBytes(Array(entry.prefix(30)), to: path)
        do {
            let store = try LocalRecordStore(path: path)
            #expect(store.recoveryReport.map(\.kind) == [.tornTail])
            #expect(store.recoveryReport.first?.byteOffset == goodSize)
            #expect(store.count == 3)
            #expect(try fileSize(path) == goodSize)
            try store.create(localRecord(id: ids[3], title: "T3"))
            store.close()
        }
        // A short header only.
        try appendBytes([1, 2, 3], to: path)
        do {
            let store = try LocalRecordStore(path: path)
            #expect(store.recoveryReport.map(\.kind) == [.tornTail])
            #expect(store.count == 4)
            store.close()
        }
        // A complete last entry with a bad checksum (a torn write that left zeros).
        var zeroed = RecordLog.encode(.put(localRecord(id: faustNumbers(1, from: 7_000_000)[0], title: "Z")))
        for i in 20..<zeroed.count { zeroed[i] = 0 }
        try appendBytes(zeroed, to: path)
        let store = try LocalRecordStore(path: path)
        #expect(store.recoveryReport.map(\.kind) == [.tornTail])
        #expect(store.count == 4)
        store.close()
        let again = try LocalRecordStore(path: path)
        #expect(again.recoveryReport.isEmpty)
    }

    @Test("damage before the last entry is refused, not guessed at")
    func corruption() throws {
        let path = try temporaryLog()
        let ids = faustNumbers(3)
        do {
            let store = try LocalRecordStore(path: path)
            for i in 0..<3 { try store.create(localRecord(id: ids[i], title: "T\(i)")) }
            store.close()
        }
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[RecordLog.magic.count + RecordLog.headerSize + 10] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try LocalRecordStore(path: path)
            Issue.record("a corrupt log opened")
        } catch {
            #expect(error.kind == .corruptLog)
            #expect(error.byteOffset == RecordLog.magic.count)
        }
        try Data("NOTALOG!xxxx".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: CatalogError.self) { _ = try LocalRecordStore(path: path) }
    }

    @Test("compaction keeps live records and shrinks the log")
    func compaction() throws {
        let path = try temporaryLog()
        let ids = faustNumbers(10)
        do {
            let store = try LocalRecordStore(path: path)
            for id in ids { try store.create(localRecord(id: id, title: "T")) }
            for id in ids.prefix(5) { try store.update(localRecord(id: id, title: "U")) }
            for id in ids.suffix(3) { try store.delete(RecordKey(id: id, agency: "710100")) }
            let before = try fileSize(path)
            try store.compact()
            #expect(store.logEntryCount == 7)
            #expect(try fileSize(path) < before)
            // Writes after compaction go to the new file.
            try store.update(localRecord(id: ids[6], title: "V"))
            store.close()
        }
        let reopened = try LocalRecordStore(path: path)
        #expect(reopened.count == 7)
        #expect(reopened.logEntryCount == 8)
        #expect(reopened.record(RecordKey(id: ids[0], agency: "710100"))?["245"]?["a"] == "U")
        #expect(reopened.record(RecordKey(id: ids[6], agency: "710100"))?["245"]?["a"] == "V")
        #expect(reopened.record(RecordKey(id: ids[9], agency: "710100")) == nil)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(leftovers == ["local.log"])
    }

    @Test("a second open of the same log is refused while the first holds it")
    func lock() throws {
        let path = try temporaryLog()
        let first = try LocalRecordStore(path: path)
        #expect(throws: CatalogError.self) { _ = try LocalRecordStore(path: path) }
        first.close()
        _ = try LocalRecordStore(path: path)
    }

    /// kill -9 during writes: a forked child creates records in a loop and acknowledges each through a pipe after
    /// `create` returns; the parent kills it mid-stream, reopens the store and checks that every acknowledged
    /// record is there, intact, and that nothing torn or unknown is.
    @Test("crash: kill -9 during writes loses no acknowledged record and leaves no torn one")
    func crash() throws {
        let dir = try TestSupport.temporaryDirectory()
        let path = dir.appendingPathComponent("local.log").path
        let ids = faustNumbers(3000)
        let records = ids.enumerated().map { localRecord(id: $1, title: "Titel nummer \($0) " + String(repeating: "ø", count: $0 % 50)) }
        // Warm the code paths the child uses, so it needs no first-time runtime work after fork().
        do {
            let warm = try LocalRecordStore(path: dir.appendingPathComponent("warm.log").path, agency: "710100")
            try warm.create(records[0])
            try warm.update(records[0])
            warm.close()
        }
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let pid = fork()
        if pid == 0 {
            // Child: write until killed (alarm bounds it in any case). It drops the descriptors inherited from the
            // test process first: other tests running in parallel hold flock'd logs open.
            closeInheritedDescriptors(keeping: [fds[1]])
            alarm(60)
            guard let store = try? LocalRecordStore(path: path, agency: "710100") else { _exit(3) }
            for i in records.indices {
                do { try store.create(records[i]) } catch { _exit(4) }
                var ack = UInt32(i)
                let n = withUnsafeBytes(of: &ack) { Glibc.write(fds[1], $0.baseAddress, 4) }
                if n != 4 { _exit(5) }
            }
            _exit(0)
        }
        #expect(pid > 0)
        Glibc.close(fds[1])
        defer { Glibc.close(fds[0]) }

        // Parent: read acknowledgements; kill after a random number of them, or after 20 seconds.
        var acknowledged: [Int] = []
        let killAfter = Int.random(in: 40...200)
        let deadline = Date().addingTimeInterval(20)
        var pending: [UInt8] = []
        enum Drain { case data, timeout, closed }
        func drain(_ timeoutMS: Int32) -> Drain {
            var pfd = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, timeoutMS) > 0 else { return .timeout }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fds[0], $0.baseAddress, $0.count) }
            guard n > 0 else { return .closed }
            pending.append(contentsOf: buffer[0..<n])
            while pending.count >= 4 {
                acknowledged.append(
                    Int(UInt32(pending[0]) | UInt32(pending[1]) << 8 | UInt32(pending[2]) << 16 | UInt32(pending[3]) << 24))
                pending.removeFirst(4)
            }
            return .data
        }
        while acknowledged.count < killAfter && Date() < deadline {
            if drain(100) == .closed { break }
        }
        usleep(UInt32.random(in: 0...3000))
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        // Acknowledgements already in the pipe were given before the kill: they count.
        while drain(1000) == .data {}
        #expect(acknowledged.count >= 1, "the child acknowledged nothing (exit status \(status))")
        #expect(acknowledged == Array(0..<acknowledged.count))
        #expect(acknowledged.count < records.count, "the child finished before the kill")
        print("crash test: killed the writer after \(acknowledged.count) acknowledged records")

        let store = try LocalRecordStore(path: path, agency: "710100")
        for i in acknowledged {
            #expect(store.record(RecordKey(id: ids[i], agency: "710100")) == records[i], "acknowledged record \(i) missing")
        }
        // At most the one record in flight at the kill may be there unacknowledged, and it must be whole.
        #expect(store.count >= acknowledged.count && store.count <= acknowledged.count + 1)
        for (key, record) in store.snapshot() {
            let index = ids.firstIndex(of: key.id) ?? -1
            #expect(index >= 0 && record == records[index], "unknown or torn record \(key)")
        }
        // The store is writable after recovery.
        try store.create(records[records.count - 1])
    }
}

func fileSize(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? -1
}

func appendBytes(_ bytes: [UInt8], to path: String) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(bytes))
    try handle.close()
}
