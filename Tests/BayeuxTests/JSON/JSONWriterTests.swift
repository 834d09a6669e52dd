@testable import Bayeux
import Testing

@Suite struct JSONWriterTests {
    @Test func escapesStringsLikeRubyAndJavaScript() {
        var writer = JSONWriter()
        writer.appendString("a\"b\\c/d\u{0}\u{8}\u{9}\u{a}\u{c}\u{d}\u{1f}é\u{2028}")
        #expect(text(writer.bytes) == #""a\"b\\c/d\u0000\b\t\n\f\r\u001fé"# + "\u{2028}\"")
    }

    @Test func reEmitsValuesCompactlyWithTheirTypes() throws {
        let json = #"{ "a" : [ 1 , 2.50 , "\u0041\/" ] , "b" : { } , "c" : null, "d": true }"#
        let (parsed, value) = try JSONText.validate(Array(json.utf8))
        var writer = JSONWriter()
        writer.appendCanonical(value, of: parsed)
        #expect(text(writer.bytes) == #"{"a":[1,2.50,"A/"],"b":{},"c":null,"d":true}"#)
    }

    @Test func jsonpBodiesEscapeLineSeparators() {
        let reply = Array(#"{"a":"x"#.utf8) + [0xE2, 0x80, 0xA8] + Array("y".utf8) + [0xE2, 0x80, 0xA9] + Array(#""}"#.utf8)
        #expect(text(BayeuxJSONReply.array(replies: [reply], lineSeparators: .escaped)) == #"[{"a":"x\u2028y\u2029"}]"#)
        #expect(BayeuxJSONReply.array(replies: [reply]) == Array("[".utf8) + reply + Array("]".utf8))
    }

    @Test func arraysPutRepliesThenTheConnectReplyThenMessages() {
        let delivery = BayeuxDelivery(channel: "/a", json: Array(#"{"channel":"/a","data":1}"#.utf8))
        let body = BayeuxJSONReply.array(replies: [Array("{\"r\":1}".utf8)], connect: Array("{\"c\":1}".utf8), deliveries: [delivery])
        #expect(text(body) == #"[{"r":1},{"c":1},{"channel":"/a","data":1}]"#)
        #expect(text(BayeuxJSONReply.array()) == "[]")
    }
}
