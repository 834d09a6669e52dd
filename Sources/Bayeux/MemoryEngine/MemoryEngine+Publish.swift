import Synchronization

extension MemoryEngine {
    /// Fans one shared delivery out to every matching client, once per client however many of
    /// its subscriptions match. Per delivery: one uncontended lock, an array append and a
    /// reference-count increment; a listener is called only when a queue stops being empty.
    public func publish(_ delivery: BayeuxDelivery) {
        // The largest list goes first and needs no duplicate check; a member of a later list
        // is skipped if an earlier list holds it (each list has O(1) membership).
        let lists = channels.withLock { $0.subscribers(matching: delivery.channel) }.sorted { $0.count > $1.count }
        guard !lists.isEmpty else { return }
        let limit = max(1, configuration.maxQueuedMessagesPerClient)
        var queued = 0
        var overflowing: [ClientSession] = []
        for (index, list) in lists.enumerated() {
            for session in list.members {
                if index > 0, lists[..<index].contains(where: { $0.contains(session) }) {
                    continue
                }
                switch session.enqueue(delivery, limit: limit) {
                case .queued:
                    queued += 1
                case .queuedForListener(let listener):
                    queued += 1
                    listener.messagesAvailable()
                case .full:
                    overflowing.append(session)
                case .destroyed:
                    break
                }
            }
        }
        queuedDeliveries.add(queued, ordering: .relaxed)
        // The message that found the queue full is lost with the queue.
        for session in overflowing where destroy(session) {
            overflowedClients.add(1, ordering: .relaxed)
            droppedMessages.add(1, ordering: .relaxed)
        }
    }
}
