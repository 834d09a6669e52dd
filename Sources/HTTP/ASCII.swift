/// The byte classes of RFC 9110 §5.6 that the HTTP/1 parser, header lookups and
/// the response writer share, so each rule is spelled once.
enum ASCII {
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let semicolon = UInt8(ascii: ";")
    static let questionMark = UInt8(ascii: "?")
    static let slash = UInt8(ascii: "/")

    /// tchar: the characters of a method, header name or list token, as one bit per ASCII
    /// character (bits 0-63 and 64-127): "!#$%&'*+-.^_`|~", digits and letters.
    @inline(__always)
    static func isTokenChar(_ byte: UInt8) -> Bool {
        let tokenCharsBelow64: UInt64 = 0x03FF_6CFA_0000_0000
        let tokenCharsFrom64: UInt64 = 0x57FF_FFFF_C7FF_FFFE
        return byte < 64
            ? tokenCharsBelow64 >> byte & 1 == 1
            : byte < 128 && tokenCharsFrom64 >> (byte - 64) & 1 == 1
    }

    /// HTAB, SP, VCHAR or obs-text: anything but the control characters (NUL, CR, LF, DEL, ...).
    @inline(__always)
    static func isFieldValueByte(_ byte: UInt8) -> Bool {
        byte == tab || (byte >= space && byte != 0x7F)
    }

    /// The index of the first byte in `range` that may not appear in a field value, if any.
    /// Header values are most of a head, so they are checked eight bytes at a time, byte
    /// by byte only around a word that holds a control character or a tab.
    static func firstNonFieldValueByte(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = range.lowerBound
        while index < range.upperBound {
            if range.upperBound - index >= 8,
               !hasControlByte(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            if !isFieldValueByte(bytes[index]) { return index }
            index += 1
        }
        return nil
    }

    /// Whether any byte of `word` is below 0x20 or is DEL ("hasless" and "haszero" from
    /// Bit Twiddling Hacks: exact as a yes/no answer).
    @inline(__always)
    private static func hasControlByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let below20 = (word &- ones &* 0x20) & ~word & highBits
        let delete = word ^ (ones &* 0x7F)
        let isDelete = (delete &- ones) & ~delete & highBits
        return below20 | isDelete != 0
    }

    /// Visible ASCII, the characters a request-target may contain (RFC 3986 is ASCII only).
    @inline(__always)
    static func isTargetByte(_ byte: UInt8) -> Bool {
        byte > space && byte < 0x7F
    }

    /// OWS / BWS: optional whitespace around field values, list elements and chunk extensions.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Header names and tokens compare case-insensitively, and only ASCII letters fold.
    static func equalsIgnoringCase(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count where lowercased(a[index]) != lowercased(b[index]) {
            return false
        }
        return true
    }

    static func equalsIgnoringCase(_ a: UnsafeBufferPointer<UInt8>, _ b: String) -> Bool {
        a.count == b.utf8.count && withUTF8(b) { b in equalsIgnoringCase(a, b) }
    }

    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && withUTF8(a) { a in equalsIgnoringCase(a, b) }
    }

    /// The string's bytes in one buffer. Native strings have them already; copying the
    /// string first only costs something for the rare bridged one.
    @inline(__always)
    static func withUTF8<Result>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var string = string
        return string.withUTF8(body)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    @inline(__always)
    static func hexDigitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
