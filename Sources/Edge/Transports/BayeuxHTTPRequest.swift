import Bayeux
import HTTP

/// Where a Bayeux HTTP request keeps its messages and how it wants the answer
/// (Faye's Rack adapter, protocol.md §8): a JSON POST body, a form POST's `message`,
/// or a GET's `message` answered as JSONP.
struct BayeuxHTTPRequest {
    enum Format: Equatable {
        case json
        /// `/**/callback(json);`
        case jsonp(callback: String)
    }

    let messages: [UInt8]
    let format: Format
    let transport: ConnectionType

    /// Faye's default when a GET names no callback.
    static let defaultCallback = "jsonpcallback"

    /// nil when the request carries no message or a callback that is not a plain
    /// JavaScript name: both are HTTP 400.
    init?(_ request: HTTPRequest) {
        let query = request.query.map { Array($0.utf8) } ?? []
        let callback = FormURLEncoded.value(of: "jsonp", in: query).map { String(decoding: $0, as: UTF8.self) }
        if let callback, !Self.isValidCallback(callback) { return nil }
        let isJSONBody = Self.isJSON(contentType: request.headers[first: "Content-Type"])
        // Faye reads the query first: a `message` parameter wins over the body.
        var found = FormURLEncoded.value(of: "message", in: query)
        switch request.method {
        case .get:
            format = .jsonp(callback: callback ?? Self.defaultCallback)
            transport = .callbackPolling
        case .post:
            format = .json
            if found == nil {
                found = isJSONBody ? request.body : FormURLEncoded.value(of: "message", in: request.body)
            }
            transport = isJSONBody ? .longPolling : .crossOriginLongPolling
        default:
            return nil
        }
        guard let found, !found.isEmpty else { return nil }
        messages = found
    }

    /// `^[a-z_$][a-z0-9_$]*(\.[a-z_$][a-z0-9_$]*)*$`, case-insensitive, on the whole
    /// string (Ruby's line anchors let `cb\nalert(1)//` through; we don't).
    static func isValidCallback(_ callback: String) -> Bool {
        var atSegmentStart = true
        for byte in callback.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "_"), UInt8(ascii: "$"):
                atSegmentStart = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if atSegmentStart { return false }
            case UInt8(ascii: "."):
                if atSegmentStart { return false }
                atSegmentStart = true
            default:
                return false
            }
        }
        return !atSegmentStart
    }

    /// Whether the media type (before any `;` parameter) is application/json, compared
    /// as ASCII bytes without case: this runs for every long-poll request.
    private static func isJSON(contentType: String?) -> Bool {
        guard let contentType else { return false }
        let isSpace: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let type = contentType.utf8.prefix { $0 != UInt8(ascii: ";") }.drop(while: isSpace)
        let trimmed = type.reversed().drop(while: isSpace)
        let expected = "application/json".utf8
        return trimmed.count == expected.count
            && zip(trimmed.reversed(), expected).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }
}

