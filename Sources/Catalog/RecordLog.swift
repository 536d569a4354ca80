#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MARC

/// The append-only file behind ``LocalRecordStore``.
///
/// Layout: the 8-byte magic `KTKLOG01`, then entries. Each entry is a 12-byte header — payload length
/// (UInt32, little-endian), the length's bitwise complement (so a damaged length is recognised), CRC-32 of the
/// payload — and the payload: one operation byte (`P` put, `D` delete) and UTF-8 text (a MARC-in-JSON record, or
/// `id U+001F agency`). An entry is written with one `write` and made durable with `fsync` before the caller is
/// told it succeeded.
///
/// On open the entries are replayed. A partial last entry (a short header, a payload running past the end of
/// the file, or a bad checksum on the entry that ends the file) is a torn tail from a crash: it is cut off and
/// reported. Damage anywhere else is not guessed at: opening fails with ``CatalogError/Kind/corruptLog``.
struct RecordLog {
    enum Operation {
        case put(MARCRecord)
        case delete(RecordKey)
    }

    static let magic: [UInt8] = Array("KTKLOG01".utf8)
    static let headerSize = 12
    static let maximumPayload = 64 << 20

    let path: String
    private(set) var fd: Int32
    /// The offset just past the last good entry.
    private(set) var end: Int

    /// Opens (creating if needed) and replays the log, calling `apply` for each entry in order. Returns the log
    /// and the recovery report (a torn tail cut off).
    static func open(path: String, apply: (Operation) -> Void) throws(CatalogError) -> (RecordLog, [CatalogError]) {
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CatalogError(.io, "cannot open the local-record log: \(systemErrorMessage())", file: path) }
        var ok = false
        defer { if !ok { _ = Glibc.close(fd) } }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            throw CatalogError(.io, "the local-record log is in use by another process (\(systemErrorMessage()))", file: path)
        }
        let bytes = try readAll(fd: fd, path: path)
        var report: [CatalogError] = []
        var end: Int

        if bytes.count < magic.count {
            guard bytes.elementsEqual(magic.prefix(bytes.count)) else {
                throw CatalogError(.corruptLog, "not a Kartotek local-record log (bad magic)", file: path, byteOffset: 0)
            }
            // New file, or one whose creation was interrupted: write the magic.
            guard ftruncate(fd, 0) == 0 else { throw CatalogError(.io, "cannot truncate: \(systemErrorMessage())", file: path) }
            try pwriteAll(fd: fd, magic, at: 0, path: path)
            try sync(fd: fd, path: path)
            syncDirectory(of: path)
            end = magic.count
        } else {
            guard bytes.prefix(magic.count).elementsEqual(magic) else {
                throw CatalogError(.corruptLog, "not a Kartotek local-record log (bad magic)", file: path, byteOffset: 0)
            }
            end = magic.count
            var entry = 0
            scan: while end < bytes.count {
                entry += 1
                let remaining = bytes.count - end
                guard remaining >= headerSize else {
                    report.append(torn(path, end, "a \(remaining)-byte partial entry header"))
                    break scan
                }
                let length = Int(readUInt32(bytes, end))
                let complement = readUInt32(bytes, end + 4)
                let crc = readUInt32(bytes, end + 8)
                guard UInt32(truncatingIfNeeded: length) == ~complement, length > 0, length <= maximumPayload else {
                    throw CatalogError(
                        .corruptLog, "entry \(entry) has a damaged length field; the log needs repair by hand",
                        file: path, byteOffset: end)
                }
                let start = end + headerSize
                guard start + length <= bytes.count else {
                    report.append(torn(path, end, "entry \(entry) needs \(length) payload bytes, only \(bytes.count - start) were written"))
                    break scan
                }
                let payload = bytes[start..<(start + length)]
                guard CRC32.checksum(payload) == crc else {
                    if start + length == bytes.count {
                        report.append(torn(path, end, "entry \(entry), the last, fails its checksum"))
                        break scan
                    }
                    throw CatalogError(
                        .corruptLog, "entry \(entry) fails its checksum and is not the last entry; the log needs repair by hand",
                        file: path, byteOffset: end)
                }
                guard let operation = decode(payload) else {
                    throw CatalogError(
                        .corruptLog, "entry \(entry) has a valid checksum but cannot be decoded", file: path, byteOffset: end)
                }
                apply(operation)
                end = start + length
            }
            if end < bytes.count {
                guard ftruncate(fd, off_t(end)) == 0 else {
                    throw CatalogError(.io, "cannot cut off the torn tail: \(systemErrorMessage())", file: path)
                }
                try sync(fd: fd, path: path)
            }
        }
        ok = true
        return (RecordLog(path: path, fd: fd, end: end), report)
    }

    /// Appends one entry and makes it durable. On failure the file is cut back to its previous end.
    mutating func append(_ operation: Operation) throws(CatalogError) {
        let bytes = Self.encode(operation)
        do throws(CatalogError) {
            try Self.pwriteAll(fd: fd, bytes, at: end, path: path)
            try Self.sync(fd: fd, path: path)
        } catch {
            _ = ftruncate(fd, off_t(end))
            throw error
        }
        end += bytes.count
    }

    /// Rewrites the log with one `put` per record (temporary file, `fsync`, `rename`, directory `fsync`) and
    /// switches to the new file.
    mutating func compact(records: [MARCRecord]) throws(CatalogError) {
        var chunks: [[UInt8]] = [Self.magic]
        var size = Self.magic.count
        for record in records {
            let entry = Self.encode(.put(record))
            size += entry.count
            chunks.append(entry)
        }
        do {
            try AtomicFile.write(chunks, to: path)
        } catch {
            throw CatalogError(error, file: path)
        }
        let newFD = Glibc.open(path, O_RDWR | O_CLOEXEC)
        guard newFD >= 0 else {
            throw CatalogError(.io, "cannot reopen the compacted log: \(systemErrorMessage())", file: path)
        }
        _ = flock(newFD, LOCK_EX | LOCK_NB)
        _ = Glibc.close(fd)
        fd = newFD
        end = size
    }

    func closeFile() { _ = Glibc.close(fd) }

    // MARK: Encoding

    static func encode(_ operation: Operation) -> [UInt8] {
        var payload: [UInt8]
        switch operation {
        case .put(let record):
            payload = [UInt8(ascii: "P")]
            payload.append(contentsOf: record.marcJSON.utf8)
        case .delete(let key):
            payload = [UInt8(ascii: "D")]
            payload.append(contentsOf: key.id.utf8)
            payload.append(0x1F)
            payload.append(contentsOf: key.agency.utf8)
        }
        var out: [UInt8] = []
        out.reserveCapacity(headerSize + payload.count)
        appendUInt32(UInt32(payload.count), to: &out)
        appendUInt32(~UInt32(payload.count), to: &out)
        appendUInt32(CRC32.checksum(payload), to: &out)
        out.append(contentsOf: payload)
        return out
    }

    static func decode(_ payload: ArraySlice<UInt8>) -> Operation? {
        guard let op = payload.first else { return nil }
        let body = payload.dropFirst()
        switch op {
        case UInt8(ascii: "P"):
            guard let record = try? MARCRecord(marcJSON: String(decoding: body, as: UTF8.self)) else { return nil }
            return .put(record)
        case UInt8(ascii: "D"):
            let parts = body.split(separator: 0x1F, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            return .delete(
                RecordKey(id: String(decoding: parts[0], as: UTF8.self), agency: String(decoding: parts[1], as: UTF8.self)))
        default:
            return nil
        }
    }

    static func appendUInt32(_ v: UInt32, to out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }

    static func readUInt32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    // MARK: System calls

    static func torn(_ path: String, _ offset: Int, _ what: String) -> CatalogError {
        CatalogError(.tornTail, "cut off a torn tail left by an interrupted write: \(what)", file: path, byteOffset: offset)
    }

    static func readAll(fd: Int32, path: String) throws(CatalogError) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset: off_t = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { raw in pread(fd, raw.baseAddress, raw.count, offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CatalogError(.io, "cannot read the local-record log: \(systemErrorMessage())", file: path)
            }
            if n == 0 { return out }
            out.append(contentsOf: buffer[0..<n])
            offset += off_t(n)
        }
    }

    static func pwriteAll(fd: Int32, _ bytes: [UInt8], at offset: Int, path: String) throws(CatalogError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                pwrite(fd, raw.baseAddress.map { $0 + written }, raw.count - written, off_t(offset + written))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw CatalogError(.io, "cannot write the local-record log: \(systemErrorMessage())", file: path, byteOffset: offset)
            }
            written += n
        }
    }

    static func sync(fd: Int32, path: String) throws(CatalogError) {
        guard fsync(fd) == 0 else {
            throw CatalogError(.io, "cannot sync the local-record log to disk: \(systemErrorMessage())", file: path)
        }
    }

    static func syncDirectory(of path: String) {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let dfd = Glibc.open(directory.isEmpty ? "/" : directory, O_RDONLY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            _ = Glibc.close(dfd)
        }
    }
}
