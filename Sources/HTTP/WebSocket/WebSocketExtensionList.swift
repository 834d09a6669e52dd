/// One element of a Sec-WebSocket-Extensions header: an extension name and
/// its parameters (RFC 6455 §9.1), quoted values already unquoted.
struct WebSocketExtensionElement: Hashable {
    struct Parameter: Hashable {
        var name: String
        var value: String?
    }

    var name: String
    var parameters: [Parameter]
}

/// Parses Sec-WebSocket-Extensions values:
/// `1#( token *( OWS ";" OWS token [ OWS "=" OWS ( token / quoted-string ) ] ) )`.
/// A syntax error ends the value it is in, since where its later elements
/// begin is no longer certain; the elements before it are kept.
enum WebSocketExtensionList {
    static func parse(_ values: [String]) -> [WebSocketExtensionElement] {
        values.flatMap { parse(Array($0.utf8)) }
    }

    private static func parse(_ bytes: [UInt8]) -> [WebSocketExtensionElement] {
        var cursor = Cursor(bytes: bytes)
        var elements: [WebSocketExtensionElement] = []
        while true {
            cursor.skipWhitespace()
            guard !cursor.isAtEnd else { return elements }
            // Empty list elements (",,") are allowed by RFC 9110 §5.6.1.
            if cursor.skip(UInt8(ascii: ",")) { continue }
            guard let element = cursor.element() else { return elements }
            cursor.skipWhitespace()
            guard cursor.isAtEnd || cursor.skip(UInt8(ascii: ",")) else { return elements }
            elements.append(element)
        }
    }

    private struct Cursor {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        mutating func element() -> WebSocketExtensionElement? {
            guard let name = token() else { return nil }
            var parameters: [WebSocketExtensionElement.Parameter] = []
            while true {
                skipWhitespace()
                guard skip(UInt8(ascii: ";")) else { break }
                skipWhitespace()
                guard let parameterName = token() else { return nil }
                skipWhitespace()
                var value: String?
                if skip(UInt8(ascii: "=")) {
                    skipWhitespace()
                    guard let parsed = isAtEnd || bytes[index] != UInt8(ascii: "\"") ? token() : quotedToken() else {
                        return nil
                    }
                    value = parsed
                }
                parameters.append(.init(name: parameterName, value: value))
            }
            return WebSocketExtensionElement(name: name, parameters: parameters)
        }

        mutating func token() -> String? {
            let start = index
            while !isAtEnd, ASCII.isTokenChar(bytes[index]) {
                index += 1
            }
            guard index > start else { return nil }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// A quoted-string whose unescaped content must itself be a token (§9.1).
        mutating func quotedToken() -> String? {
            index += 1
            var content: [UInt8] = []
            while !isAtEnd {
                var byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") {
                    guard !content.isEmpty, content.allSatisfy(ASCII.isTokenChar) else { return nil }
                    return String(decoding: content, as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") {
                    guard !isAtEnd else { return nil }
                    byte = bytes[index]
                    index += 1
                }
                content.append(byte)
            }
            return nil
        }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard !isAtEnd, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func skipWhitespace() {
            while !isAtEnd, ASCII.isWhitespace(bytes[index]) {
                index += 1
            }
        }
    }
}
