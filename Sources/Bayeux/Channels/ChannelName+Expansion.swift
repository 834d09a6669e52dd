extension ChannelName {
    /// The subscription keys that match the channel name `name`, in Faye's order
    /// (`Channel.expand`; the Redis engine sends them to `SUNION` in this order):
    /// `/a/b/c` → `/**`, `/a/b/c`, `/a/b/*`, `/a/**`, `/a/b/**`. Matching a publish is one
    /// lookup per key: O(depth), whatever the number of subscriptions.
    static func expansion(of name: String) -> [String] {
        let bytes = Array(name.utf8)
        var slashes: [Int] = []
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "/") {
            slashes.append(offset)
        }
        var keys: [String] = []
        keys.reserveCapacity(slashes.count + 2)
        keys.append("/**")
        keys.append(name)
        keys.append(String(decoding: bytes[...(slashes[slashes.count - 1])], as: UTF8.self) + "*")
        for slash in slashes.dropFirst() {
            keys.append(String(decoding: bytes[..<slash], as: UTF8.self) + "/**")
        }
        return keys
    }
}
