@testable import Bayeux
import Testing

private func validate(_ bytes: [UInt8]) -> JSONSyntaxError? {
    do {
        _ = try JSONText.validate(bytes)
        return nil
    } catch {
        return error
    }
}

private func validate(_ json: String) -> JSONSyntaxError? {
    validate(Array(json.utf8))
}

@Suite struct JSONScannerTests {
    @Test(arguments: [
        "{}", "[]", " \t\r\n{ } ", #"{"a":1}"#, #"[1,-0,0.5,1e999,-1.25E-3,1E+2,0e0]"#,
        #""\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00""#, "true", "false", "null", #"{"a":{"b":[{"c":null}]}}"#,
        "\"é😀\u{2028}\"", #"[[],{},"",0]"#,
    ])
    func acceptsValidDocuments(json: String) {
        #expect(validate(json) == nil)
    }

    @Test(arguments: [
        ("01", JSONSyntaxError.Reason.invalidNumber), ("-01", .invalidNumber), ("1.", .invalidNumber),
        (".5", .unexpectedByte), ("+1", .unexpectedByte), ("1e", .invalidNumber), ("-", .invalidNumber),
        ("1e+", .invalidNumber), ("0x10", .trailingBytes), ("NaN", .unexpectedByte), ("Infinity", .unexpectedByte),
    ])
    func rejectsBadNumbers(json: String, reason: JSONSyntaxError.Reason) {
        #expect(validate(json)?.reason == reason)
    }

    @Test(arguments: [
        (#""\x""#, JSONSyntaxError.Reason.invalidEscape), (#""\u12G4""#, .invalidEscape), (#""\u12""#, .unexpectedEnd),
        (#""\'""#, .invalidEscape), (#""\uD800""#, .loneSurrogate), (#""\uDC00""#, .loneSurrogate),
        (#""\uD800\u0041""#, .loneSurrogate), (#""\uD800x""#, .loneSurrogate), (#""\uD800\uD800""#, .loneSurrogate),
        ("\"a\tb\"", .controlCharacterInString), ("\"a\nb\"", .controlCharacterInString), ("\"abc", .unexpectedEnd),
    ])
    func rejectsBadStrings(json: String, reason: JSONSyntaxError.Reason) {
        #expect(validate(json)?.reason == reason)
    }

    @Test(arguments: [
        [0x22, 0xC0, 0x80, 0x22],             // overlong NUL
        [0x22, 0xE0, 0x80, 0xAF, 0x22],       // overlong '/'
        [0x22, 0xED, 0xA0, 0x80, 0x22],       // UTF-8-encoded surrogate U+D800
        [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], // above U+10FFFF
        [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], // impossible lead byte
        [0x22, 0x80, 0x22],                   // stray continuation byte
        [0x22, 0xC3, 0x22],                   // truncated sequence
        [0x22, 0xE2, 0x82, 0x22],             // truncated three-byte sequence
        [0x22, 0xFF, 0x22],
    ] as [[UInt8]])
    func rejectsInvalidUTF8(bytes: [UInt8]) {
        #expect(validate(bytes)?.reason == .invalidUTF8)
    }

    @Test(arguments: [
        ("", JSONSyntaxError.Reason.unexpectedEnd), ("{", .unexpectedEnd), (#"{"a"}"#, .unexpectedByte),
        (#"{"a":1,}"#, .unexpectedByte), ("[1,]", .unexpectedByte), ("[1 2]", .unexpectedByte), ("{a:1}", .unexpectedByte),
        ("tru", .unexpectedEnd), ("nul", .unexpectedEnd), ("truE", .unexpectedByte), ("{} {}", .trailingBytes),
        ("\u{FEFF}{}", .unexpectedByte), ("[1]x", .trailingBytes), (#"{"a":1 "b":2}"#, .unexpectedByte),
    ])
    func rejectsBadStructure(json: String, reason: JSONSyntaxError.Reason) {
        #expect(validate(json)?.reason == reason)
    }

    @Test func reportsTheOffsetOfTheProblem() {
        #expect(validate(#"{"a": [1, 2, 01]}"#) == JSONSyntaxError(offset: 14, reason: .invalidNumber))
    }

    @Test func nestingUpToTheLimitIsAccepted() {
        let depth = JSONScanner.maximumDepth
        let json = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(validate(json) == nil)
        let objects = String(repeating: #"{"a":"#, count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)
        #expect(validate(objects) == nil)
    }

    @Test func nestingBeyondTheLimitIsAnErrorNotACrash() {
        let depth = JSONScanner.maximumDepth + 1
        #expect(validate(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))?.reason == .nestingTooDeep)
        #expect(validate(String(repeating: "[", count: 1_000_000))?.reason == .nestingTooDeep)
        #expect(validate(String(repeating: #"{"a":"#, count: 100_000))?.reason == .nestingTooDeep)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let json = #"["plain","a\"b\\c\/d\b\f\n\r\t","\u00e9\u20AC\uD83D\uDE00","é😀"]"#
        let (text, value) = try JSONText.validate(Array(json.utf8))
        let strings = text.elements(value).map { text.string($0) }
        #expect(strings == ["plain", "a\"b\\c/d\u{8}\u{c}\n\r\t", "é€😀", "é😀"])
    }

    @Test func membersKeepOrderAndRepeatedKeysReadTheLastValue() throws {
        let json = #"{"b":1, "a" : [2,3], "\u0062":"x"}"#
        let (text, value) = try JSONText.validate(Array(json.utf8))
        let members = text.members(value)
        #expect(members.map(\.key) == ["b", "a", "b"])
        #expect(members.map(\.value.kind) == [.number, .array, .string])
        #expect(String(decoding: text.slice(members[1].value), as: UTF8.self) == "[2,3]")
        #expect(members.last(named: "b").flatMap(text.string) == "x")
    }

    @Test func readsNumbers() throws {
        let (text, value) = try JSONText.validate(Array("[0, -2.5e3, 1e999]".utf8))
        #expect(text.elements(value).map { text.double($0) } == [0, -2500, .infinity])
    }
}
