/// Checks UTF-8 incrementally (RFC 3629 §4): the bytes of a text message may
/// arrive split anywhere, and the connection must fail on the first byte that
/// no continuation could make valid, not only at the end of the message.
struct WebSocketUTF8Validator {
    /// Continuation bytes still expected by the current sequence.
    private var pendingContinuations: UInt8 = 0
    /// Allowed range of the next continuation byte: narrower than 80...BF just
    /// after E0, ED, F0 and F4, which rules out overlong forms, surrogates and
    /// code points above U+10FFFF.
    private var lowest: UInt8 = 0x80
    private var highest: UInt8 = 0xBF

    /// True when the bytes seen so far end on a character boundary; a message
    /// is valid only if this holds at its end.
    var isAtCharacterBoundary: Bool { pendingContinuations == 0 }

    /// Returns false as soon as a byte cannot be part of valid UTF-8.
    mutating func validate(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            if pendingContinuations > 0 {
                let byte = bytes[index]
                guard byte >= lowest && byte <= highest else { return false }
                pendingContinuations -= 1
                lowest = 0x80
                highest = 0xBF
                index += 1
                continue
            }
            // Bayeux traffic is JSON, mostly ASCII: skip it eight bytes at a time.
            while index + 8 <= count,
                  bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            index += 1
            switch lead {
            case 0x00...0x7F: break
            case 0xC2...0xDF: expect(1, 0x80, 0xBF)
            case 0xE0: expect(2, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: expect(2, 0x80, 0xBF)
            case 0xED: expect(2, 0x80, 0x9F)
            case 0xF0: expect(3, 0x90, 0xBF)
            case 0xF1...0xF3: expect(3, 0x80, 0xBF)
            case 0xF4: expect(3, 0x80, 0x8F)
            default: return false
            }
        }
        return true
    }

    private mutating func expect(_ continuations: UInt8, _ low: UInt8, _ high: UInt8) {
        pendingContinuations = continuations
        lowest = low
        highest = high
    }
}
