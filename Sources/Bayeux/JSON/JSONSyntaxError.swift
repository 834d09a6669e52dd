/// Why a JSON text was rejected, and at which byte offset.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case unexpectedEnd
        case unexpectedByte
        case invalidNumber
        case invalidEscape
        case loneSurrogate
        case invalidUTF8
        case controlCharacterInString
        case nestingTooDeep
        case trailingBytes
    }

    public let offset: Int
    public let reason: Reason

    public var description: String { "\(explanation) at byte \(offset)" }

    /// What is wrong, without the position.
    public var explanation: String {
        switch reason {
        case .unexpectedEnd: "unexpected end of input"
        case .unexpectedByte: "unexpected character"
        case .invalidNumber: "invalid number"
        case .invalidEscape: "invalid escape sequence in a string"
        case .loneSurrogate: "unpaired UTF-16 surrogate escape in a string"
        case .invalidUTF8: "invalid UTF-8"
        case .controlCharacterInString: "unescaped control character in a string"
        case .nestingTooDeep: "nesting deeper than \(JSONScanner.maximumDepth) levels"
        case .trailingBytes: "unexpected data after the JSON value"
        }
    }
}
