import Synchronization

/// Client id → session, split into shards with a lock each, so lookups from different loop
/// threads (connect, drain, subscribe) rarely wait for one another.
final class ClientTable: Sendable {
    private final class Shard: Sendable {
        let sessions = Mutex<[String: ClientSession]>([:])
    }

    private let shards: [Shard]

    init(shardCount: Int = 16) {
        shards = (0..<shardCount).map { _ in Shard() }
    }

    func session(_ id: String) -> ClientSession? {
        shard(for: id).sessions.withLock { $0[id] }
    }

    /// False (and nothing stored) if the id is taken.
    func insert(_ session: ClientSession) -> Bool {
        shard(for: session.id).sessions.withLock { sessions in
            guard sessions[session.id] == nil else { return false }
            sessions[session.id] = session
            return true
        }
    }

    func remove(_ session: ClientSession) {
        shard(for: session.id).sessions.withLock { sessions in
            if sessions[session.id] === session {
                sessions[session.id] = nil
            }
        }
    }

    var count: Int {
        shards.reduce(0) { total, shard in total + shard.sessions.withLock { $0.count } }
    }

    func allSessions() -> [ClientSession] {
        shards.flatMap { shard in shard.sessions.withLock { Array($0.values) } }
    }

    /// FNV-1a over the last bytes: client ids end in random base-36 digits, and any other
    /// string a client sends still lands on some shard.
    private func shard(for id: String) -> Shard {
        var hash: UInt32 = 2_166_136_261
        for byte in id.utf8.suffix(4) {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return shards[Int(hash % UInt32(shards.count))]
    }
}
