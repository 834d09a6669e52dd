/// Channel name or pattern → subscribed clients, as subscribed (patterns are keys like any
/// name). A publish looks up its channel's expansion, never scans.
struct ChannelIndex {
    private var lists: [String: SubscriberList] = [:]
    private(set) var subscriptionCount = 0
    /// The longest name or pattern ever subscribed to, in bytes: longer keys cannot match.
    private(set) var longestKey = 0

    mutating func add(_ session: ClientSession, to channel: String) {
        longestKey = max(longestKey, channel.utf8.count)
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

    /// The non-empty lists of the subscriptions that match the channel `name`.
    func subscribers(matching name: String) -> [SubscriberList] {
        ChannelName.expansion(of: name, longestKey: longestKey).compactMap { lists[$0] }
    }
}
