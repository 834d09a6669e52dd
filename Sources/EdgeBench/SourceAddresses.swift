import Glibc
import IO

/// Local addresses to bind client sockets to, taken in turn: each gives about 28,000
/// ephemeral ports towards one server port, and the server pins each source address
/// to one of its loops, so turning through them also spreads clients over the loops.
struct SourceAddresses {
    let addresses: [SocketAddress]

    /// "127.0.0.2-127.0.0.9" (a range of IPv4 addresses), or one address.
    init(_ text: String) throws(UsageError) {
        let ends = text.split(separator: "-", maxSplits: 1).map(String.init)
        guard let firstText = ends.first, let first = Self.ipv4(firstText), let last = Self.ipv4(ends.last ?? firstText),
              first <= last,
              last - first < 1024 else {
            throw UsageError("source addresses \(text): expected an IPv4 address or a range such as 127.0.0.2-127.0.0.9")
        }
        addresses = (first...last).map { value in
            let dotted = "\(value >> 24).\(value >> 16 & 0xff).\(value >> 8 & 0xff).\(value & 0xff)"
            guard let address = SocketAddress(host: dotted, port: 0) else { fatalError("formatted \(dotted) is not an address") }
            return address
        }
    }

    /// The address for the `index`-th connection.
    func address(for index: Int) -> SocketAddress {
        addresses[index % addresses.count]
    }

    private static func ipv4(_ text: String) -> UInt32? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return UInt32(bigEndian: address.s_addr)
    }
}
