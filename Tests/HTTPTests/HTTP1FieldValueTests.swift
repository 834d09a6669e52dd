import HTTP
import Testing

/// Every byte value at every position of a value long enough for the word-at-a-time check:
/// control characters and DEL are refused, HTAB, SP, visible ASCII and obs-text pass.
struct HTTP1FieldValueTests {
    @Test(arguments: 0...255)
    func byteInValue(_ value: Int) {
        let byte = UInt8(value)
        let isAllowed = byte == 0x09 || (byte >= 0x20 && byte != 0x7F)
        for position in 0..<20 {
            var fieldValue = Array("abcdefghijklmnopqrst".utf8)
            fieldValue[position] = byte
            // Whitespace at the edges is OWS, trimmed rather than part of the value.
            let isTrimmed = (byte == 0x20 || byte == 0x09) && (position == 0 || position == 19)
            let wire = bytes("GET / HTTP/1.1\r\nHost: h\r\nX-V: ") + fieldValue + bytes("\r\n\r\n")
            let outcome = parse([wire])
            if byte == 0x0A && position == 19 {
                // A bare LF is a line ending (RFC 9112 §2.2): the value simply ends before it.
                #expect(outcome.requests.first?.headers[first: "X-V"] == "abcdefghijklmnopqrs")
            } else if isAllowed {
                #expect(outcome.error == nil, "byte \(value) at \(position)")
                let expected = isTrimmed ? String(decoding: fieldValue.filter { $0 != byte }, as: UTF8.self)
                                         : String(decoding: fieldValue, as: UTF8.self)
                #expect(outcome.requests.first?.headers[first: "X-V"] == expected, "byte \(value) at \(position)")
            } else {
                #expect(outcome.error?.status == 400, "byte \(value) at \(position)")
            }
        }
    }

    @Test(arguments: 0...255)
    func byteInName(_ value: Int) {
        let byte = UInt8(value)
        let isTokenChar = Array("!#$%&'*+-.^_`|~0123456789".utf8).contains(byte)
            || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        let wire = bytes("GET / HTTP/1.1\r\nHost: h\r\nX") + [byte] + bytes("Y: 1\r\n\r\n")
        let outcome = parse([wire])
        if byte == UInt8(ascii: ":") {
            #expect(outcome.requests.first?.headers[first: "X"] == "Y: 1")
        } else if isTokenChar {
            #expect(outcome.requests.first?.headers.count == 2, "byte \(value)")
        } else {
            #expect(outcome.error?.status == 400, "byte \(value)")
        }
    }
}
