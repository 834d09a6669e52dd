import Glibc

/// The shapes a configuration value can take, each a pure function that
/// answers nil for anything else.
enum ValueSyntax {
    /// 1/0, on/off, true/false, yes/no, any case: what nginx and shells use.
    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "on", "true", "yes": return true
        case "0", "off", "false", "no": return false
        default: return nil
        }
    }

    static func integer(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard let number = Int(text), range.contains(number) else { return nil }
        return number
    }

    static func port(_ text: String) -> UInt16? {
        guard let number = UInt16(text), number != 0 else { return nil }
        return number
    }

    static func isAddressLiteral(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET, text, &address) == 1 || inet_pton(AF_INET6, text, &address) == 1
    }

    /// A DNS name (letters, digits, inner hyphens, dot-separated labels of
    /// 1-63 characters) or an address literal. Docker service names may use
    /// `_`, which `allowingUnderscore` admits for Redis hosts.
    static func isHostName(_ text: String, allowingUnderscore: Bool = false) -> Bool {
        if isAddressLiteral(text) { return true }
        guard !text.isEmpty, text.utf8.count <= 253 else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy {
                    $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "-" || (allowingUnderscore && $0 == "_")
                }
        }
    }

    /// A URL path to route on: starts with "/", no spaces, controls, "?" or "#".
    /// A trailing "/" is dropped so "/faye/" and "/faye" mean the same.
    static func routePath(_ text: String) -> String? {
        guard text.hasPrefix("/"),
            !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0 == "?" || $0 == "#" })
        else { return nil }
        var path = Substring(text)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }

    /// `path` if absolute, else `path` under `directory`; "." and empty
    /// components are dropped so reports show clean paths.
    static func absolutePath(_ path: String, under directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        let components = joined.split(separator: "/").filter { $0 != "." }
        return "/" + components.joined(separator: "/")
    }
}
