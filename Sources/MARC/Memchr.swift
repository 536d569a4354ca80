#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `memchr`: the first `byte` in `count` bytes from `start`, or `nil`.
@inline(__always)
func memchrBytes(_ start: UnsafeRawPointer, _ byte: UInt8, _ count: Int) -> UnsafeRawPointer? {
    guard count > 0 else { return nil }
    return UnsafeRawPointer(memchr(start, Int32(byte), count))
}
