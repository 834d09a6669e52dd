import HTTP

/// What a connection gets from feeding `pieces` one by one, calling `next()` after each
/// feed until it returns nil, as the connection does.
struct ParseOutcome: Equatable {
    var requests: [HTTPRequest] = []
    var error: HTTP1ParseError?
}

func parse(_ pieces: [[UInt8]], limits: HTTP1Limits = HTTP1Limits()) -> ParseOutcome {
    var parser = HTTP1RequestParser(limits: limits)
    var outcome = ParseOutcome()
    for piece in pieces {
        piece.withUnsafeBytes { parser.feed($0) }
        do {
            while let request = try parser.next() { outcome.requests.append(request) }
        } catch {
            outcome.error = error
            return outcome
        }
    }
    return outcome
}

func bytes(_ text: String) -> [UInt8] {
    Array(text.utf8)
}

/// The input cut in two at every position, including the empty cuts at both ends.
func everyTwoPieceSplit(_ input: [UInt8]) -> [[[UInt8]]] {
    (0...input.count).map { [Array(input[..<$0]), Array(input[$0...])] }
}

func byteByByte(_ input: [UInt8]) -> [[UInt8]] {
    input.map { [$0] }
}

extension HTTPRequest {
    /// The request with the keep-alive and upgrade values an HTTP/1.1 parser derives.
    static func http11(
        _ method: HTTPMethod,
        _ target: String,
        _ headers: [(String, String)],
        body: String = "",
        keepAlive: Bool = true,
        isUpgradeToWebSocket: Bool = false
    ) -> HTTPRequest {
        HTTPRequest(
            method: method,
            target: target,
            version: .http1_1,
            headers: HTTPHeaders(headers),
            body: Array(body.utf8),
            keepAlive: keepAlive,
            isUpgradeToWebSocket: isUpgradeToWebSocket
        )
    }
}
