/// Why a request body or frame is not a batch. The transport answers HTTP 400 (or ignores
/// a WebSocket frame); no message of it is processed.
public enum BayeuxParseError: Error, Sendable, Equatable {
    case invalidJSON(JSONSyntaxError)
    /// Valid JSON whose top level is a number, string, `true`, `false` or `null`.
    case notObjectOrArray
}

/// Turns a request body or WebSocket text frame into messages.
public enum BayeuxBatch {
    /// Accepts a JSON object (one message) or an array (`[]` is an empty batch). Array
    /// elements that are not objects become messages with no members, as Faye's Node server
    /// treats them (they get `402:data`), instead of crashing the process like Ruby's.
    public static func parse(_ input: some Collection<UInt8>) throws(BayeuxParseError) -> [BayeuxMessage] {
        let bytes = Array(input)
        let scanned: [[JSONMember]]?
        do {
            scanned = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> [[JSONMember]]? in
                var scanner = JSONScanner(buffer)
                let lists = try scanTopLevel(&scanner)
                scanner.skipWhitespace()
                guard scanner.isAtEnd else { throw scanner.error(.trailingBytes) }
                return lists
            }
        } catch {
            throw .invalidJSON(error)
        }
        guard let memberLists = scanned else { throw .notObjectOrArray }
        let text = JSONText(bytes: bytes)
        return memberLists.map { BayeuxMessage(text: text, members: $0) }
    }

    /// The member lists of the top-level object or array elements; nil when the top level is
    /// a valid scalar.
    private static func scanTopLevel(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> [[JSONMember]]? {
        switch scanner.peekByte() {
        case UInt8(ascii: "{"):
            return try scanner.scanObjectMembers(depth: 0).map { [$0.1] }
        case UInt8(ascii: "["):
            var lists: [[JSONMember]] = []
            _ = try scanner.scanArray(depth: 0) { (scanner: inout JSONScanner) throws(JSONSyntaxError) in
                if let (_, members) = try scanner.scanObjectMembers(depth: 1) {
                    lists.append(members)
                } else {
                    _ = try scanner.scanValue(depth: 1)
                    lists.append([])
                }
            }
            return lists
        default:
            _ = try scanner.scanValue(depth: 0)
            return nil
        }
    }
}
