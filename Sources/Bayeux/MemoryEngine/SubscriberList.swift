/// The clients subscribed to one channel name or pattern. `members` is what a publish walks;
/// `positions` makes insert, remove and membership O(1). Publishing copies the struct out of
/// the index lock (two reference-count increments); a subscribe that lands while a publish
/// still holds the copy pays for one copy-on-write of the arrays.
struct SubscriberList {
    private(set) var members: [ClientSession] = []
    private var positions: [ObjectIdentifier: Int] = [:]

    var count: Int { members.count }
    var isEmpty: Bool { members.isEmpty }

    func contains(_ session: ClientSession) -> Bool {
        positions[ObjectIdentifier(session)] != nil
    }

    /// False if the session was already a member.
    mutating func insert(_ session: ClientSession) -> Bool {
        let key = ObjectIdentifier(session)
        guard positions[key] == nil else { return false }
        positions[key] = members.count
        members.append(session)
        return true
    }

    /// False if the session was not a member. Moves the last member into the gap: the order
    /// of recipients within one publish carries no meaning.
    mutating func remove(_ session: ClientSession) -> Bool {
        guard let position = positions.removeValue(forKey: ObjectIdentifier(session)) else { return false }
        let last = members.removeLast()
        if position < members.count {
            members[position] = last
            positions[ObjectIdentifier(last)] = position
        }
        return true
    }
}
