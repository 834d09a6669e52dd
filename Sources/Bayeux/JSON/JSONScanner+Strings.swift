extension JSONScanner {
    /// Scans a string starting at its opening quote: escapes must be valid, `\u` surrogates
    /// must pair up, raw bytes must be well-formed UTF-8 with no control characters.
    mutating func scanString() throws(JSONSyntaxError) {
        position += 1
        while true {
            guard position < bytes.count else { throw error(.unexpectedEnd) }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return
            case UInt8(ascii: "\\"):
                try scanEscape()
            case 0x00..<0x20:
                throw error(.controlCharacterInString)
            case 0x20..<0x80:
                position += 1
            default:
                try scanMultiByteCharacter(lead: byte)
            }
        }
    }

    private mutating func scanEscape() throws(JSONSyntaxError) {
        guard position + 1 < bytes.count else { throw error(.unexpectedEnd) }
        switch bytes[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"),
             UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            let unit = try scanUnicodeEscape()
            switch unit {
            case 0xD800...0xDBFF:
                guard position + 1 < bytes.count,
                      bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                else { throw error(.loneSurrogate) }
                let low = try scanUnicodeEscape()
                guard (0xDC00...0xDFFF).contains(low) else { throw error(.loneSurrogate) }
            case 0xDC00...0xDFFF:
                throw error(.loneSurrogate)
            default:
                break
            }
        default:
            throw error(.invalidEscape)
        }
    }

    /// Scans `\uXXXX` at `position` and returns the code unit.
    private mutating func scanUnicodeEscape() throws(JSONSyntaxError) -> UInt16 {
        guard position + 6 <= bytes.count else { throw error(.unexpectedEnd) }
        guard let unit = JSONStringDecoder.hexCodeUnit(bytes, at: position + 2) else {
            throw error(.invalidEscape)
        }
        position += 6
        return unit
    }

    /// RFC 3629 well-formed sequences only: no overlong forms, no UTF-8-encoded surrogates,
    /// nothing above U+10FFFF.
    private mutating func scanMultiByteCharacter(lead: UInt8) throws(JSONSyntaxError) {
        let length: Int
        let second: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: throw error(.invalidUTF8)
        }
        guard position + length <= bytes.count, second.contains(bytes[position + 1]) else {
            throw error(.invalidUTF8)
        }
        for offset in 2..<length where bytes[position + offset] & 0xC0 != 0x80 {
            throw error(.invalidUTF8)
        }
        position += length
    }
}
