extension ChannelName {
    /// The subscription keys that match the channel name `name`, in Faye's order
    /// (`Channel.expand`; the Redis engine sends them to `SUNION` in this order):
    /// `/a/b/c` → `/**`, `/a/b/c`, `/a/b/*`, `/a/**`, `/a/b/**`. Matching a publish is one
    /// lookup per key: O(depth), whatever the number of subscriptions. Keys longer than
    /// `longestKey` (the longest name subscribed to) cannot match and are not made: a long
    /// name would otherwise cost the square of its length.
    static func expansion(of name: String, longestKey: Int = .max) -> [String] {
        let bytes = Array(name.utf8)
        var slashes: [Int] = []
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "/") {
            slashes.append(offset)
        }
        var keys: [String] = ["/**", name]
        guard let lastSlash = slashes.last else { return keys }
        keys.reserveCapacity(slashes.count + 2)
        if lastSlash + 2 <= longestKey {
            keys.append(String(decoding: bytes[...lastSlash], as: UTF8.self) + "*")
        }
        for slash in slashes.dropFirst() {
            guard slash + 3 <= longestKey else { break }
            keys.append(String(decoding: bytes[..<slash], as: UTF8.self) + "/**")
        }
        return keys
    }
}
