#if canImport(Glibc)
import Glibc
#endif
import TextAnalysis

/// Index file container (see Docs/SEARCH.md, "File format"):
/// ```
/// file    := header segment-table u64 header-checksum segment-images… deletion-bitsets…
/// header  := "KTKINDEX" u32 version u32 segmentCount u64 fileLength
/// entry   := u64 offset u64 length u64 deletionsOffset u64 deletionsLength u64 deletionsChecksum
/// ```
enum IndexFileFormat {
    static let magic: [UInt8] = Array("KTKINDEX".utf8)
    static let version: UInt32 = 1
    static let headerSize = 24
    static let entrySize = 40
}

extension IndexSnapshot {
    /// Writes the snapshot to one file, atomically: a temporary file in the same directory,
    /// `fsync`, `rename` over `path`, `fsync` of the directory. Deleted documents stay as deletion
    /// bitsets; segments are written as they are.
    public func write(to path: String) throws(IndexError) {
        var header = ByteWriter()
        header.append(contentsOf: IndexFileFormat.magic)
        header.u32(IndexFileFormat.version)
        header.u32(UInt32(segments.count))
        header.u64(0)  // file length, patched
        let tableStart = header.count
        for _ in segments { for _ in 0..<IndexFileFormat.entrySize { header.u8(0) } }
        let headerEnd = header.count
        header.u64(0)  // checksum
        header.align(8)
        var offset = header.count
        var placements: [(Int, Int)] = []
        for e in segments {
            placements.append((offset, e.segment.byteCount))
            offset += e.segment.byteCount
            offset = (offset + 7) & ~7
        }
        var deletionBlobs: [[UInt8]] = []
        for (i, e) in segments.enumerated() {
            var blob = ByteWriter()
            if let d = e.deleted, d.count > 0 { for w in d.words { blob.u64(w) } }
            deletionBlobs.append(blob.bytes)
            let entry = tableStart + i * IndexFileFormat.entrySize
            header.patchU64(UInt64(placements[i].0), at: entry)
            header.patchU64(UInt64(placements[i].1), at: entry + 8)
            header.patchU64(UInt64(blob.bytes.isEmpty ? 0 : offset), at: entry + 16)
            header.patchU64(UInt64(blob.bytes.count), at: entry + 24)
            header.patchU64(SectionChecksum.compute(blob.bytes), at: entry + 32)
            offset += blob.bytes.count
        }
        header.patchU64(UInt64(offset), at: 16)
        let sum = header.bytes.withUnsafeBytes { SectionChecksum.compute(UnsafeRawBufferPointer(rebasing: $0[0..<headerEnd])) }
        header.patchU64(sum, at: headerEnd)

        try AtomicFile.write(path: path) { (sink: inout AtomicFile.Sink) throws(IndexError) in
            try sink.write(header.bytes)
            for (i, e) in segments.enumerated() {
                try sink.padTo(placements[i].0)
                try sink.write(e.segment.image.buffer(0, e.segment.byteCount))
            }
            try sink.padTo((sink.written + 7) & ~7)
            for blob in deletionBlobs where !blob.isEmpty {
                try sink.write(blob)
            }
        }
    }

    /// Opens an index file by `mmap`. With `verifyChecksums` every section is checked (a few ms
    /// per 10 MB); without, only the headers are, and postings are read lazily from the mapping.
    /// Either way a corrupt, truncated or foreign file gives an ``IndexError``, never a crash.
    public static func open(
        path: String, verifyChecksums: Bool = true, analyzer: DanishAnalyzer = DanishAnalyzer()
    ) throws(IndexError) -> IndexSnapshot {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw IndexError(kind: .io, path: path, message: "cannot open \(path): \(errnoText())")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw IndexError(kind: .io, path: path, message: "cannot stat \(path): \(errnoText())")
        }
        let size = Int(st.st_size)
        guard size >= IndexFileFormat.headerSize else {
            throw IndexError(
                kind: size < IndexFileFormat.magic.count ? .notAnIndex : .truncated, path: path, offset: 0,
                message: "\(path) is not a Kartotek index: it is only \(size) bytes long")
        }
        guard let raw = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), raw != MAP_FAILED else {
            throw IndexError(kind: .io, path: path, message: "cannot mmap \(path): \(errnoText())")
        }
        let storage = SegmentStorage(mapped: UnsafeRawPointer(raw), count: size)
        let view = storage.view
        for (i, m) in IndexFileFormat.magic.enumerated() where view.u8(i) != m {
            let shown = String(decoding: view.bytes(0, 8).map { (0x20..<0x7F).contains($0) ? $0 : 0x2E }, as: UTF8.self)
            throw IndexError(
                kind: .notAnIndex, path: path, offset: 0,
                message: "\(path) is not a Kartotek index: it starts with '\(shown)', not 'KTKINDEX'")
        }
        let version = view.u32(8)
        guard version == IndexFileFormat.version else {
            throw IndexError(
                kind: .unsupportedVersion, path: path, offset: 8,
                message: "\(path) is index format version \(version); this build reads version \(IndexFileFormat.version)")
        }
        let segmentCount = Int(view.u32(12))
        let declared = view.u64(16)
        guard declared <= UInt64(size) else {
            throw IndexError(
                kind: .truncated, path: path, offset: size,
                message: "\(path) is truncated: its header says \(declared) bytes but the file has \(size)")
        }
        let headerEnd = IndexFileFormat.headerSize + segmentCount * IndexFileFormat.entrySize
        guard segmentCount < 100_000, headerEnd + 8 <= size else {
            throw IndexError(
                kind: .corrupt, path: path, offset: 12,
                message: "\(path) is corrupt: its segment table does not fit in the file")
        }
        guard SectionChecksum.compute(view.buffer(0, headerEnd)) == view.u64(headerEnd) else {
            throw IndexError(
                kind: .corrupt, path: path, offset: headerEnd,
                message: "\(path) is corrupt: the header checksum does not match")
        }
        if UInt64(size) > declared {
            throw IndexError(
                kind: .corrupt, path: path, offset: Int(declared),
                message: "\(path) is corrupt: it has \(UInt64(size) - declared) bytes after the end its header declares")
        }
        var parts: [(Segment, DocumentSet?)] = []
        var covered: [(Int, Int)] = [(0, headerEnd + 8)]
        for i in 0..<segmentCount {
            let e = IndexFileFormat.headerSize + i * IndexFileFormat.entrySize
            let off = view.u64(e)
            let len = view.u64(e + 8)
            guard off <= UInt64(size), len <= UInt64(size) - off, let segView = view.slice(Int(off), Int(len)) else {
                throw IndexError(
                    kind: .truncated, path: path, offset: e,
                    message: "\(path) is truncated: segment \(i) ends past the end of the file")
            }
            covered.append((Int(off), Int(len)))
            let segment = try Segment.open(
                segView, storage: storage, path: path, fileOffset: Int(off), verify: verifyChecksums)
            var deleted: DocumentSet?
            let dOff = view.u64(e + 16)
            let dLen = view.u64(e + 24)
            if dLen > 0 {
                guard dOff <= UInt64(size), dLen <= UInt64(size) - dOff, let dv = view.slice(Int(dOff), Int(dLen)) else {
                    throw IndexError(
                        kind: .truncated, path: path, offset: e + 16,
                        message: "\(path) is truncated: the deletions of segment \(i) end past the end of the file")
                }
                guard SectionChecksum.compute(dv) == view.u64(e + 32) else {
                    throw IndexError(
                        kind: .corrupt, path: path, offset: Int(dOff),
                        message: "\(path) is corrupt: the deletion checksum of segment \(i) does not match")
                }
                covered.append((Int(dOff), Int(dLen)))
                let words = (0..<(Int(dLen) / 8)).map { dv.u64($0 * 8) }
                deleted = DocumentSet(words: words, capacity: segment.docCount)
            }
            parts.append((segment, deleted))
        }
        if verifyChecksums, let at = view.firstUncoveredNonzero(0, size, covered: covered) {
            throw IndexError(
                kind: .corrupt, path: path, offset: at,
                message: "\(path) is corrupt: padding byte \(at) is not zero")
        }
        return IndexSnapshot(segments: parts, analyzer: analyzer)
    }
}

func errnoText() -> String {
    let e = errno
    if let s = strerror(e) { return String(cString: s) + " (errno \(e))" }
    return "errno \(e)"
}

/// Writes a file atomically with Glibc: temp file in the same directory, fsync, rename, fsync dir.
enum AtomicFile {
    struct Sink {
        let fd: Int32
        let path: String
        var written = 0

        mutating func write(_ buffer: UnsafeRawBufferPointer) throws(IndexError) {
            guard var p = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let n = Glibc.write(fd, p, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw IndexError(kind: .io, path: path, offset: written, message: "cannot write \(path): \(errnoText())")
                }
                p += n
                left -= n
                written += n
            }
        }

        mutating func write(_ bytes: [UInt8]) throws(IndexError) {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 8)
            defer { buffer.deallocate() }
            buffer.copyBytes(from: bytes)
            try write(UnsafeRawBufferPointer(rebasing: buffer[0..<bytes.count]))
        }

        mutating func padTo(_ offset: Int) throws(IndexError) {
            if offset > written { try write([UInt8](repeating: 0, count: offset - written)) }
        }
    }

    static func write(path: String, _ body: (inout Sink) throws(IndexError) -> Void) throws(IndexError) {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temp = (dir.isEmpty ? "" : dir + "/") + "." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = Glibc.open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw IndexError(kind: .io, path: path, message: "cannot create \(temp): \(errnoText())")
        }
        var sink = Sink(fd: fd, path: temp)
        do throws(IndexError) {
            try body(&sink)
            guard fsync(fd) == 0 else {
                throw IndexError(kind: .io, path: path, message: "cannot fsync \(temp): \(errnoText())")
            }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        close(fd)
        guard rename(temp, path) == 0 else {
            let e = IndexError(kind: .io, path: path, message: "cannot rename \(temp) to \(path): \(errnoText())")
            unlink(temp)
            throw e
        }
        let dfd = Glibc.open(dir.isEmpty ? "/" : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }
}
