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
        let isJSONBody = Self.mediaType(request.headers[first: "Content-Type"]) == "application/json"
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

    private static func mediaType(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        let type = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return type.trimmingSpaces().lowercased()
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        let trimmedStart = drop { $0 == " " || $0 == "\t" }
        var end = trimmedStart.endIndex
        while end > trimmedStart.startIndex {
            let before = trimmedStart.index(before: end)
            guard trimmedStart[before] == " " || trimmedStart[before] == "\t" else { break }
            end = before
        }
        return trimmedStart[..<end]
    }
}
