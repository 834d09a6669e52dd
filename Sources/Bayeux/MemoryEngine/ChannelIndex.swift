/// Channel name or pattern → subscribed clients, as subscribed (patterns are keys like any
/// name). A publish looks up its channel's expansion, never scans.
struct ChannelIndex {
    private var lists: [String: SubscriberList] = [:]
    private(set) var subscriptionCount = 0

    mutating func add(_ session: ClientSession, to channel: String) {
        if lists[channel, default: SubscriberList()].insert(session) {
            subscriptionCount += 1
        }
    }

    mutating func remove(_ session: ClientSession, from channel: String) {
        guard var list = lists.removeValue(forKey: channel) else { return }
        if list.remove(session) {
            subscriptionCount -= 1
        }
        if !list.isEmpty {
            lists[channel] = list
        }
    }

    /// The non-empty lists under `keys`.
    func subscribers(matching keys: [String]) -> [SubscriberList] {
        keys.compactMap { lists[$0] }
    }
}
