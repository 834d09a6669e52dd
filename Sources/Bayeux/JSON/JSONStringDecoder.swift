/// Decodes strings the scanner has already validated (so malformed input cannot reach it).
enum JSONStringDecoder {
    /// The text of the string at `range` (quotes included in the range).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let body = UnsafeBufferPointer(rebasing: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)])
        guard body.contains(UInt8(ascii: "\\")) else {
            return String(decoding: body, as: UTF8.self)
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(body.count)
        var index = 0
        while index < body.count {
            let byte = body[index]
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                index += 1
                continue
            }
            let escaped = body[index + 1]
            switch escaped {
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                index += decodeUnicodeEscape(body, at: index, into: &utf8)
                continue
            default: utf8.append(escaped)
            }
            index += 2
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Appends the character of `\uXXXX` (or of a `\uD8XX\uDCXX` pair) at `index`; returns
    /// how many bytes of escape it consumed.
    private static func decodeUnicodeEscape(
        _ body: UnsafeBufferPointer<UInt8>, at index: Int, into utf8: inout [UInt8]
    ) -> Int {
        let unit = hexCodeUnit(body, at: index + 2) ?? 0xFFFD
        var scalarValue = UInt32(unit)
        var consumed = 6
        if (0xD800...0xDBFF).contains(unit), let low = hexCodeUnit(body, at: index + 8) {
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            consumed = 12
        }
        let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
        utf8.append(contentsOf: String(scalar).utf8)
        return consumed
    }

    /// The value of four hex digits at `offset`, or nil if they are not all hex digits.
    static func hexCodeUnit(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt16? {
        guard offset >= 0, offset + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for byte in bytes[offset..<(offset + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
