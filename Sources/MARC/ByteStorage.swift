import Synchronization

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
    /// Where an adopted block goes back to instead of being freed.
    private let pool: BlockPool?
    private let block: UnsafeMutableRawBufferPointer?

    /// Copies `bytes` into a new heap block.
    public init<C: Collection>(copying bytes: C) where C.Element == UInt8 {
        let count = bytes.count
        let p = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 16)
        _ = p.initializeMemory(as: UInt8.self, from: bytes)
        buffer = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(p)[0..<count])
        mapped = false
        pool = nil
        block = nil
    }

    /// Takes ownership of an allocated block of which `count` bytes are used; with a `pool`, the block is given
    /// back to it when this storage goes.
    package init(adopting block: UnsafeMutableRawBufferPointer, count: Int, pool: BlockPool? = nil) {
        buffer = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(block)[0..<count])
        mapped = false
        self.pool = pool
        self.block = pool == nil ? nil : block
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
            pool = nil
            self.block = nil
            return
        }
        let size = Int(st.st_size)
        if size == 0 {
            let p = UnsafeMutableRawBufferPointer.allocate(byteCount: 1, alignment: 16)
            buffer = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(p)[0..<0])
            mapped = false
            pool = nil
            block = nil
            return
        }
        guard let addr = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), addr != MAP_FAILED else {
            throw MARCError(.io, "cannot map: \(systemErrorMessage())", file: path)
        }
        _ = madvise(addr, size, MADV_SEQUENTIAL)
        buffer = UnsafeRawBufferPointer(start: addr, count: size)
        mapped = true
        pool = nil
        block = nil
    }

    /// Reads a file descriptor (standard input, a pipe) to its end.
    package init(readingAll fd: Int32, name: String) throws(MARCError) {
        let block = try readAll(fd: fd, path: name)
        buffer = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(block.0)[0..<block.1])
        mapped = false
        pool = nil
        self.block = nil
    }

    deinit {
        if let pool, let block {
            pool.give(block)
        } else if mapped {
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        } else {
            UnsafeMutableRawPointer(mutating: buffer.baseAddress)?.deallocate()
        }
    }
}

/// Blocks of one size given back by the ``ByteStorage``s that adopted them, for reuse. A reader that fills a
/// fresh multi-megabyte block per batch otherwise has the kernel fault in (and zero) every page of every batch
/// anew; reused blocks are already resident. Holds at most `limit` blocks; the rest are freed.
package final class BlockPool: Sendable {
    package let blockSize: Int
    private let limit: Int
    private let blocks = Mutex<[UnsafeSendable<UnsafeMutableRawBufferPointer>]>([])

    package init(blockSize: Int, limit: Int) {
        self.blockSize = blockSize
        self.limit = limit
    }

    deinit {
        blocks.withLock { list in
            for b in list { b.value.deallocate() }
            list.removeAll()
        }
    }

    /// A block of ``blockSize`` bytes: a given-back one if there is one, else a new one.
    package func take() -> UnsafeMutableRawBufferPointer {
        if let reused = blocks.withLock({ $0.popLast() }) { return reused.value }
        return UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
    }

    /// Keeps `block` for reuse (if it has ``blockSize`` bytes and there is room) or frees it.
    package func give(_ block: UnsafeMutableRawBufferPointer) {
        let kept = block.count == blockSize && blocks.withLock { list in
            guard list.count < limit else { return false }
            list.append(UnsafeSendable(block))
            return true
        }
        if !kept { block.deallocate() }
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
