#if canImport(Glibc)
import Glibc
#endif
import MARC

/// Buffered writing to standard output or a file; a closed pipe ends the program quietly.
final class OutputSink {
    private var buffer: [UInt8] = []
    private let fd: Int32
    private let path: String?
    private var chunks: [[UInt8]] = []

    /// Standard output, or a file written atomically when the sink is closed.
    init(path: String?) {
        if let path, path != "-" {
            self.path = path
            fd = -1
        } else {
            self.path = nil
            fd = 1
        }
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ s: String) { buffer.append(contentsOf: s.utf8); flushIfLarge() }
    func write(bytes: [UInt8]) { buffer.append(contentsOf: bytes); flushIfLarge() }

    private func flushIfLarge() {
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        if path != nil {
            chunks.append(buffer)
        } else {
            buffer.withUnsafeBytes { raw in
                var off = 0
                while off < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)
                    if n < 0 {
                        if errno == EINTR { continue }
                        // EPIPE or a closed stdout: nobody is reading any more.
                        exit(0)
                    }
                    off += n
                }
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, writes it atomically.
    func close() throws(MARCError) {
        flush()
        if let path { try AtomicFile.write(chunks, to: path) }
    }
}

/// Writes a line to standard error.
func printError(_ s: String) {
    var line = s
    line += "\n"
    var bytes = Array(line.utf8)
    bytes.withUnsafeMutableBytes { raw in
        _ = Glibc.write(2, raw.baseAddress, raw.count)
    }
}
