// Thread Sanitizer and Synchronization.Mutex under contention (Swift 6.3.1, Linux): this program is race-free (the
// count is always 800), yet `swiftc -sanitize=thread MutexContention.swift && ./MutexContention` reports a "Swift access
// race": the contended path of Mutex hands over in the kernel (futex), which TSan does not see. With short critical
// sections (no contention) it reports nothing. Kartotek's TSan reports on IndexWriter are of this kind.
import Synchronization
import Dispatch
final class Box: Sendable { let m = Mutex<[Int]>([]) }
let b = Box()
DispatchQueue.concurrentPerform(iterations: 4) { i in
    for k in 0..<200 {
        b.m.withLock { a in
            var x = 0
            for j in 0..<20000 { x &+= j * k }
            a.append(x + i)
        }
    }
}
print(b.m.withLock { $0.count })
