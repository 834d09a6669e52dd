/// A web origin in one canonical spelling, `scheme://host[:port]`: scheme and host in lower
/// case, the port left out when it is the scheme's default (80 for http, 443 for https).
/// Compared as strings: it is not a secret.
struct Origin: Sendable, Equatable, CustomStringConvertible {
    let description: String

    /// nil unless `text` is `scheme://host[:port]` with no user, path, query or fragment.
    init?(_ text: String) {
        guard let separator = text.firstRange(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound].lowercased()
        let authority = text[separator.upperBound...]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
              !authority.isEmpty,
              !authority.contains(where: { "/?#@ \\".contains($0) })
        else { return nil }

        let host: Substring
        let portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[...close]
            let rest = authority[authority.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return nil }
            portText = rest.isEmpty ? nil : rest.dropFirst()
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
            portText = nil
        }
        guard !host.isEmpty, host.allSatisfy(\.isASCII) else { return nil }

        var canonical = scheme + "://" + host.lowercased()
        if let portText {
            guard (1...5).contains(portText.count), portText.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let port = Int(portText), port <= 65535
            else { return nil }
            if port != Self.defaultPort(of: scheme) {
                canonical += ":\(port)"
            }
        }
        description = canonical
    }

    private static func defaultPort(of scheme: String) -> Int? {
        switch scheme {
        case "http", "ws": 80
        case "https", "wss": 443
        default: nil
        }
    }
}
