/// Appends JSON to a byte array: strings escaped as Ruby's and JavaScript's encoders do
/// (`"`, `\`, control characters; `/` and non-ASCII left as they are), and validated values
/// re-emitted compactly.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func appendRaw(_ raw: some Sequence<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    mutating func appendByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func appendString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = string
        text.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied whole.
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscaped(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): appendRaw(#"\""#.utf8)
        case UInt8(ascii: "\\"): appendRaw(#"\\"#.utf8)
        case 0x08: appendRaw(#"\b"#.utf8)
        case 0x0C: appendRaw(#"\f"#.utf8)
        case 0x0A: appendRaw(#"\n"#.utf8)
        case 0x0D: appendRaw(#"\r"#.utf8)
        case 0x09: appendRaw(#"\t"#.utf8)
        default:
            appendRaw(#"\u00"#.utf8)
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }

    /// Re-emits a validated value without insignificant whitespace and with its strings
    /// re-escaped, the way a parse-and-encode round trip in Faye would write it back.
    /// Numbers are copied as written. One pass over the bytes: walking members and
    /// elements level by level would re-scan each subtree once per level of nesting.
    mutating func appendCanonical(_ value: JSONValue, of text: JSONText) {
        text.bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer, from: value.range.lowerBound)
            while scanner.position < value.range.upperBound {
                let byte = buffer[scanner.position]
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D:
                    scanner.position += 1
                case UInt8(ascii: "\""):
                    let start = scanner.position
                    try? scanner.scanString()  // validated when the text was scanned: cannot fail
                    appendString(JSONStringDecoder.decode(buffer, start..<scanner.position))
                default:
                    bytes.append(byte)
                    scanner.position += 1
                }
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
