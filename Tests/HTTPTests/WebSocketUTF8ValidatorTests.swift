import Testing
@testable import HTTP

@Suite("Incremental UTF-8 validation")
struct WebSocketUTF8ValidatorTests {
    private func validate(_ pieces: [[UInt8]]) -> (isValid: Bool, isComplete: Bool) {
        var validator = WebSocketUTF8Validator()
        for piece in pieces {
            guard piece.withUnsafeBytes({ validator.validate($0) }) else { return (false, false) }
        }
        return (true, validator.isAtCharacterBoundary)
    }

    @Test("valid text split at every byte", arguments: [
        "", "plain ASCII that is longer than eight bytes, to use the fast path",
        "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}", "κόσμε", "Hello-µ@ßöäüàá-UTF-8!!", "日本語 ✓ 🎉 abcdefgh",
        "\u{D7FF}\u{E000}\u{FFFD}",
    ])
    func validText(text: String) {
        let bytes = Array(text.utf8)
        #expect(validate([bytes]) == (true, true))
        for split in 0...bytes.count {
            #expect(validate([Array(bytes[..<split]), Array(bytes[split...])]) == (true, true), "split at \(split)")
        }
    }

    @Test("invalid sequences fail at their first impossible byte", arguments: [
        ([0xC0, 0x80], 1), ([0xC1, 0xBF], 1), ([0xE0, 0x9F, 0xBF], 2), ([0xED, 0xA0, 0x80], 2), ([0xF0, 0x8F, 0xBF, 0xBF], 2),
        ([0xF4, 0x90, 0x80, 0x80], 2), ([0xF5, 0x80], 1), ([0xFF], 1), ([0x80], 1), ([0x61, 0xC3, 0x28], 3),
        ([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0xFE], 10), ([0xE2, 0x82, 0x41], 3),
    ] as [([UInt8], Int)])
    func invalidSequences(bytes: [UInt8], failingLength: Int) {
        #expect(validate([bytes]).isValid == false)
        #expect(validate([Array(bytes[..<failingLength])]).isValid == false)
        #expect(validate([Array(bytes[..<(failingLength - 1)])]).isValid == true)
    }

    @Test("a text ending inside a character is valid so far but not complete")
    func truncated() {
        #expect(validate([[0xE2, 0x82]]) == (true, false))
        #expect(validate([[0xF0, 0x9F], [0x8E]]) == (true, false))
        #expect(validate([[0xF0, 0x9F], [0x8E], [0x89]]) == (true, true))
    }

    @Test("agrees with the standard library on every two-byte input and on random input")
    func agreesWithStandardLibrary() {
        for first in 0...255 {
            for second in 0...255 {
                let bytes = [UInt8(first), UInt8(second)]
                let expected = String(validating: bytes, as: UTF8.self) != nil
                let result = validate([bytes])
                #expect((result.isValid && result.isComplete) == expected, "\(bytes)")
            }
        }
        // Mostly valid text with a sprinkling of random bytes.
        let sample = Array("añ€😀z".utf8)
        for seed in 0..<3000 {
            let noise = pseudoRandomBytes(count: 12, seed: UInt64(seed))
            var bytes: [UInt8] = []
            for (index, byte) in noise.enumerated() {
                bytes += byte < 200 ? [sample[Int(byte) % sample.count]] : [noise[(index + 1) % noise.count]]
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            let result = validate([Array(bytes[..<5]), Array(bytes[5...])])
            #expect((result.isValid && result.isComplete) == expected, "\(bytes)")
        }
    }
}
