#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files atomically: a temporary file in the same directory, `fsync`, `rename`, then `fsync` of the
/// directory. A reader sees the old file or the new one, never a torn mix.
package enum AtomicFile {
    /// Writes `chunks` (in order) to `path` atomically.
    package static func write(_ chunks: [[UInt8]], to path: String) throws(MARCError) {
        let directory = directoryName(of: path)
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw MARCError(.io, "cannot create \(temporary): \(systemErrorMessage())", file: path) }
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        do throws(MARCError) {
            for chunk in chunks { try writeAll(fd: fd, chunk, path: path) }
            guard fsync(fd) == 0 else { throw MARCError(.io, "cannot sync: \(systemErrorMessage())", file: path) }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw MARCError(.io, "cannot close: \(systemErrorMessage())", file: path) }
        guard rename(temporary, path) == 0 else {
            throw MARCError(.io, "cannot rename into place: \(systemErrorMessage())", file: path)
        }
        ok = true
        let dfd = open(directory, O_RDONLY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }

    /// Writes all of `bytes` to `fd`, retrying on `EINTR` and short writes.
    package static func writeAll(fd: Int32, _ bytes: [UInt8], path: String) throws(MARCError) {
        var failure: MARCError?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = MARCError(.io, "cannot write: \(systemErrorMessage())", file: path)
                    return
                }
                offset += n
            }
        }
        if let failure { throw failure }
    }

    static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let d = String(path[..<slash])
        return d.isEmpty ? "/" : d
    }
}
