#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Immutable bytes shared by the records of a batch: a memory-mapped file or an owned heap block.
///
/// The bytes never change after creation, so sharing across threads is safe.
public final class ByteStorage: @unchecked Sendable {
    /// The bytes.
    public let buffer: UnsafeRawBufferPointer
    private let mapped: Bool

    /// Copies `bytes` into a new heap block.
    public init<C: Collection>(copying bytes: C) where C.Element == UInt8 {
        let count = bytes.count
        let p = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 16)
        _ = p.initializeMemory(as: UInt8.self, from: bytes)
        buffer = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(p)[0..<count])
        mapped = false
    }

    /// Takes ownership of an allocated block of which `count` bytes are used.
    package init(adopting block: UnsafeMutableRawBufferPointer, count: Int) {
        buffer = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(block)[0..<count])
        mapped = false
    }

    /// Maps a file read-only. Empty files get an empty heap block.
    package init(mapping path: String) throws(MARCError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw MARCError(.io, "cannot open: \(systemErrorMessage())", file: path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw MARCError(.io, "cannot stat: \(systemErrorMessage())", file: path) }
        if (st.st_mode & S_IFMT) != S_IFREG {
            // Pipes, character devices: read them instead.
            let block = try readAll(fd: fd, path: path)
            self.buffer = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(block.0)[0..<block.1])
            mapped = false
            return
        }
        let size = Int(st.st_size)
        if size == 0 {
            let p = UnsafeMutableRawBufferPointer.allocate(byteCount: 1, alignment: 16)
            buffer = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(p)[0..<0])
            mapped = false
            return
        }
        guard let addr = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), addr != MAP_FAILED else {
            throw MARCError(.io, "cannot map: \(systemErrorMessage())", file: path)
        }
        _ = madvise(addr, size, MADV_SEQUENTIAL)
        buffer = UnsafeRawBufferPointer(start: addr, count: size)
        mapped = true
    }

    /// Reads a file descriptor (standard input, a pipe) to its end.
    package init(readingAll fd: Int32, name: String) throws(MARCError) {
        let block = try readAll(fd: fd, path: name)
        buffer = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(block.0)[0..<block.1])
        mapped = false
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        } else {
            UnsafeMutableRawPointer(mutating: buffer.baseAddress)?.deallocate()
        }
    }
}

private func readAll(fd: Int32, path: String) throws(MARCError) -> (UnsafeMutableRawBufferPointer, Int) {
    var capacity = 1 << 16
    var block = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
    var used = 0
    while true {
        if used == capacity {
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity * 2, alignment: 16)
            bigger.copyMemory(from: UnsafeRawBufferPointer(rebasing: block[0..<used]))
            block.deallocate()
            block = bigger
            capacity *= 2
        }
        let n = read(fd, block.baseAddress! + used, capacity - used)
        if n < 0 {
            if errno == EINTR { continue }
            block.deallocate()
            throw MARCError(.io, "cannot read: \(systemErrorMessage())", file: path)
        }
        if n == 0 { break }
        used += n
    }
    return (block, used)
}

/// `strerror(errno)` as a String.
package func systemErrorMessage(_ code: Int32 = errno) -> String {
    if let s = strerror(code) { return String(cString: s) }
    return "error \(code)"
}
