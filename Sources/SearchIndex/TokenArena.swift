/// The tokens of the values analysed so far in one document, as bytes in one buffer (no `String` per token),
/// appended to without an array's uniqueness check and capacity test per call. Token `t` is valid until the
/// next append.
final class TokenArena {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity = 4096
    private var byteCount = 0
    /// Token t spans `bounds[2t]..<bounds[2t + 1]` of `bytes`.
    private var bounds: UnsafeMutablePointer<Int>
    private var tokenCapacity = 256
    /// Tokens held.
    private(set) var count = 0

    init() {
        bytes = .allocate(capacity: byteCapacity)
        bounds = .allocate(capacity: 2 * tokenCapacity)
    }

    deinit {
        bytes.deallocate()
        bounds.deallocate()
    }

    /// Empties the arena (its buffers are kept).
    func reset() {
        byteCount = 0
        count = 0
    }

    @inline(__always)
    func append(_ token: UnsafeBufferPointer<UInt8>) {
        if byteCount + token.count > byteCapacity || count == tokenCapacity { grow(adding: token.count) }
        if let from = token.baseAddress { (bytes + byteCount).update(from: from, count: token.count) }
        bounds[2 * count] = byteCount
        byteCount += token.count
        bounds[2 * count + 1] = byteCount
        count += 1
    }

    /// The bytes of token `t`.
    @inline(__always)
    subscript(t: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + bounds[2 * t], count: bounds[2 * t + 1] - bounds[2 * t])
    }

    private func grow(adding n: Int) {
        if byteCount + n > byteCapacity {
            var capacity = byteCapacity * 2
            while byteCount + n > capacity { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: bytes, count: byteCount)
            bytes.deallocate()
            bytes = grown
            byteCapacity = capacity
        }
        if count == tokenCapacity {
            let capacity = tokenCapacity * 2
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: 2 * capacity)
            grown.update(from: bounds, count: 2 * count)
            bounds.deallocate()
            bounds = grown
            tokenCapacity = capacity
        }
    }
}
