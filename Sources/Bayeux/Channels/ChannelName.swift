/// Channel names and patterns as Faye's grammar defines them (protocol.md §2), checked
/// against the whole string (the Node server's anchoring, not Ruby's per-line one).
enum ChannelName {
    /// The two valid shapes of a channel string.
    enum Form: Equatable {
        /// `/foo/bar`: can be published to and subscribed to.
        case name
        /// `/foo/*` or `/foo/**`: can only be subscribed to.
        case pattern
    }

    /// `nil` for anything that is neither a name nor a pattern (`/`, `/foo/`, `/a/*/b`, ...).
    static func form(of channel: String) -> Form? {
        let bytes = channel.utf8
        guard bytes.first == UInt8(ascii: "/") else { return nil }
        var form = Form.name
        var segmentLength = 0
        var segmentIsToken = true
        var isFirstByte = true
        for byte in bytes {
            if isFirstByte {
                isFirstByte = false
                continue
            }
            if byte == UInt8(ascii: "/") {
                guard segmentLength > 0, segmentIsToken else { return nil }
                segmentLength = 0
                continue
            }
            segmentLength += 1
            if !isSegmentByte(byte) { segmentIsToken = false }
        }
        guard segmentLength > 0 else { return nil }
        if !segmentIsToken {
            guard channel.hasSuffix("/*") || channel.hasSuffix("/**") else { return nil }
            form = .pattern
        }
        return form
    }

    /// Meta channel: a valid name or pattern whose first segment is `meta` (so `/meta/*`
    /// and `/meta` count, as in Faye's `Channel.meta?`).
    static func isMeta(_ channel: String) -> Bool {
        // The segment test first: it spares a publish the full name check, which it makes itself.
        firstSegment(of: channel) == "meta" && form(of: channel) != nil
    }

    /// Remote clients may (un)subscribe to valid names and patterns outside `/meta` and `/service`.
    static func isSubscribable(_ channel: String) -> Bool {
        guard form(of: channel) != nil else { return false }
        let first = firstSegment(of: channel)
        return first != "meta" && first != "service"
    }

    private static func firstSegment(of channel: String) -> Substring {
        channel.dropFirst().prefix(while: { $0 != "/" })
    }

    private static func isSegmentByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "!"), UInt8(ascii: "~"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "$"), UInt8(ascii: "@"):
            true
        default:
            false
        }
    }
}
