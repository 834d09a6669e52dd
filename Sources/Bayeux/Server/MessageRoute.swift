/// Which handler a message goes to. Meta dispatch is exact string equality, so
/// `/meta/subscribe/x` is an unknown meta channel (Faye 1.2.5's security fix).
enum MessageRoute: Equatable {
    case handshake, connect, subscribe, unsubscribe, disconnect
    /// Any other valid name or pattern under `/meta`: 403.
    case unknownMeta
    /// Everything else, `/service/...` and invalid or missing channels included.
    case publish

    init(channel: String?) {
        switch channel {
        case "/meta/handshake": self = .handshake
        case "/meta/connect": self = .connect
        case "/meta/subscribe": self = .subscribe
        case "/meta/unsubscribe": self = .unsubscribe
        case "/meta/disconnect": self = .disconnect
        case let channel? where ChannelName.isMeta(channel): self = .unknownMeta
        default: self = .publish
        }
    }
}
