/// A dictionary split into shards, each in its own reference box, with copy-on-write per shard: copying the
/// value is O(shards), and a change after a copy duplicates only the one shard it touches (about 1/64 of the
/// entries), not the whole table. This is what lets ``HoldingsStore`` hand out snapshots and keep changing item
/// by item without copying every item each time.
struct ShardedDictionary<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// One shard. Mutated only while uniquely referenced (checked by `isKnownUniquelyReferenced`) and, in
    /// ``HoldingsStore``, only under its lock; a shard that any other copy can see is never mutated but replaced.
    final class Shard: @unchecked Sendable {
        var entries: [Key: Value]
        init(_ entries: [Key: Value]) { self.entries = entries }
    }

    private var shards: [Shard]
    private(set) var count = 0

    init(shardCount: Int = 64) {
        shards = (0..<max(1, shardCount)).map { _ in Shard([:]) }
    }

    private func shardIndex(_ key: Key) -> Int {
        var hasher = Hasher()
        hasher.combine(key)
        return Int(UInt(bitPattern: hasher.finalize()) % UInt(shards.count))
    }

    subscript(key: Key) -> Value? {
        get { shards[shardIndex(key)].entries[key] }
        set {
            let i = shardIndex(key)
            if !isKnownUniquelyReferenced(&shards[i]) { shards[i] = Shard(shards[i].entries) }
            if let newValue {
                if shards[i].entries.updateValue(newValue, forKey: key) == nil { count += 1 }
            } else if shards[i].entries.removeValue(forKey: key) != nil {
                count -= 1
            }
        }
    }

    var isEmpty: Bool { count == 0 }

    /// Every entry, shard by shard.
    func forEach(_ body: (Key, Value) -> Void) {
        for shard in shards {
            for (key, value) in shard.entries { body(key, value) }
        }
    }
}
