#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small file-system helpers shared by the package's modules (directory listing, removal, small reads).
package enum FileSystem {
    /// The names in a directory (without `.` and `..`), or `nil` when it cannot be opened.
    package static func entries(of directory: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes a file, or a directory and everything in it.
    package static func removeTree(_ path: String) {
        if unlink(path) == 0 { return }
        for name in entries(of: path) ?? [] { removeTree(path + "/" + name) }
        rmdir(path)
    }

    /// The first `limit` bytes of a file as text (also for /proc files, whose size reads as 0), or `nil`.
    package static func readSmallFile(_ path: String, limit: Int = 8192) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: limit)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, limit) }
        guard n >= 0 else { return nil }
        return String(decoding: buffer[0..<n], as: UTF8.self)
    }
}

/// A value moved across a `concurrentPerform` boundary where each iteration touches its own part.
package struct UnsafeSendable<T>: @unchecked Sendable {
    package let value: T
    package init(_ value: T) { self.value = value }
}
