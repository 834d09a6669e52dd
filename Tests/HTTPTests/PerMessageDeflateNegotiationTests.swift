import Testing
@testable import HTTP

@Suite("permessage-deflate negotiation")
struct PerMessageDeflateNegotiationTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var offers: [String]
        var policy = PerMessageDeflatePolicy()
        /// The response header value, or nil when no offer is accepted.
        var response: String?
        var serverBits = 15
        var clientBits = 15
        var serverNoContextTakeover = true
        var clientNoContextTakeover = true

        var testDescription: String { offers.joined(separator: " | ") }
    }

    static let withoutContextTakeover = "permessage-deflate; server_no_context_takeover; client_no_context_takeover"
    static let contextTakeover = PerMessageDeflatePolicy(allowsContextTakeover: true)

    static let accepted: [Row] = [
        // The default policy imposes no context takeover on both sides.
        Row(offers: ["permessage-deflate"], response: withoutContextTakeover),
        Row(offers: ["permessage-deflate; client_max_window_bits"], response: withoutContextTakeover),
        Row(offers: ["permessage-deflate; client_no_context_takeover; server_no_context_takeover"], response: withoutContextTakeover),
        Row(offers: ["permessage-deflate; server_max_window_bits=10"],
            response: withoutContextTakeover + "; server_max_window_bits=10", serverBits: 10),
        Row(offers: ["permessage-deflate; server_max_window_bits=8"],
            response: withoutContextTakeover + "; server_max_window_bits=8", serverBits: 8),
        Row(offers: ["permessage-deflate; client_max_window_bits=9"],
            response: withoutContextTakeover + "; client_max_window_bits=9", clientBits: 9),
        // Autobahn 13.5's offer.
        Row(offers: ["permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9"],
            response: withoutContextTakeover + "; server_max_window_bits=9", serverBits: 9),
        // With context takeover allowed, the client's requests are honoured.
        Row(offers: ["permessage-deflate"], policy: contextTakeover, response: "permessage-deflate",
            serverNoContextTakeover: false, clientNoContextTakeover: false),
        Row(offers: ["permessage-deflate; server_no_context_takeover"], policy: contextTakeover,
            response: "permessage-deflate; server_no_context_takeover", clientNoContextTakeover: false),
        Row(offers: ["permessage-deflate; client_no_context_takeover"], policy: contextTakeover,
            response: "permessage-deflate; client_no_context_takeover", serverNoContextTakeover: false),
        // The policy's window limits: the client's only if it can be told.
        Row(offers: ["permessage-deflate"], policy: .init(allowsContextTakeover: true, serverMaxWindowBits: 12),
            response: "permessage-deflate; server_max_window_bits=12", serverBits: 12,
            serverNoContextTakeover: false, clientNoContextTakeover: false),
        Row(offers: ["permessage-deflate; server_max_window_bits=14"], policy: .init(serverMaxWindowBits: 11),
            response: withoutContextTakeover + "; server_max_window_bits=11", serverBits: 11),
        Row(offers: ["permessage-deflate; client_max_window_bits"], policy: .init(clientMaxWindowBits: 10),
            response: withoutContextTakeover + "; client_max_window_bits=10", clientBits: 10),
        Row(offers: ["permessage-deflate; client_max_window_bits=12"], policy: .init(clientMaxWindowBits: 10),
            response: withoutContextTakeover + "; client_max_window_bits=10", clientBits: 10),
        Row(offers: ["permessage-deflate"], policy: .init(clientMaxWindowBits: 10), response: withoutContextTakeover),
        // Syntax: spaces, case, quoted values, empty elements.
        Row(offers: ["  PerMessage-Deflate ;Server_Max_Window_Bits = 10 , x-foo"],
            response: withoutContextTakeover + "; server_max_window_bits=10", serverBits: 10),
        Row(offers: ["permessage-deflate; client_max_window_bits=\"10\""],
            response: withoutContextTakeover + "; client_max_window_bits=10", clientBits: 10),
        Row(offers: ["permessage-deflate; server_max_window_bits=\"1\\2\""],
            response: withoutContextTakeover + "; server_max_window_bits=12", serverBits: 12),
        Row(offers: [", ,permessage-deflate,"], response: withoutContextTakeover),
        // Several offers: the first acceptable one wins.
        Row(offers: ["permessage-deflate; server_max_window_bits=7, permessage-deflate; server_max_window_bits=9, permessage-deflate"],
            response: withoutContextTakeover + "; server_max_window_bits=9", serverBits: 9),
        Row(offers: ["x-webkit-deflate-frame", "permessage-deflate; foo, permessage-deflate; client_max_window_bits=11"],
            response: withoutContextTakeover + "; client_max_window_bits=11", clientBits: 11),
        // A syntax error ends its header line only.
        Row(offers: ["permessage-deflate; =broken, permessage-deflate; server_max_window_bits=9", "permessage-deflate"],
            response: withoutContextTakeover),
    ]

    @Test("accepted offers", arguments: accepted)
    func acceptedOffers(row: Row) throws {
        let agreement = try #require(PerMessageDeflateAgreement.negotiate(offers: row.offers, policy: row.policy))
        #expect(agreement.responseHeaderValue == row.response)
        #expect(agreement.serverMaxWindowBits == row.serverBits)
        #expect(agreement.clientMaxWindowBits == row.clientBits)
        #expect(agreement.serverNoContextTakeover == row.serverNoContextTakeover)
        #expect(agreement.clientNoContextTakeover == row.clientNoContextTakeover)
    }

    @Test("declined: no offer, or only invalid ones", arguments: [
        [], [""], ["x-webkit-deflate-frame"], ["permessage-deflate-x"],
        ["permessage-deflate; server_max_window_bits"], ["permessage-deflate; server_max_window_bits=7"],
        ["permessage-deflate; server_max_window_bits=16"], ["permessage-deflate; server_max_window_bits=08"],
        ["permessage-deflate; server_max_window_bits=+9"], ["permessage-deflate; server_max_window_bits=9.0"],
        ["permessage-deflate; client_max_window_bits=foo"], ["permessage-deflate; client_max_window_bits=\"1 0\""],
        ["permessage-deflate; client_max_window_bits=\"\""], ["permessage-deflate; server_no_context_takeover=1"],
        ["permessage-deflate; client_no_context_takeover=\"x\""], ["permessage-deflate; foo=bar"], ["permessage-deflate; foo"],
        ["permessage-deflate; server_no_context_takeover; server_no_context_takeover"],
        ["permessage-deflate; client_max_window_bits; client_max_window_bits=10"],
        ["permessage-deflate; client_max_window_bits=\"10"], ["permessage-deflate;"], ["permessage-deflate; server_max_window_bits="],
        ["; permessage-deflate"], ["permessage-deflate server_no_context_takeover"], ["permessage-deflate; a=b=c"],
    ] as [[String]])
    func declinedOffers(offers: [String]) {
        #expect(PerMessageDeflateAgreement.negotiate(offers: offers, policy: .init()) == nil)
        #expect(PerMessageDeflateAgreement.negotiate(offers: offers, policy: Self.contextTakeover) == nil)
    }

    @Test("extension list syntax")
    func extensionListSyntax() {
        let elements = WebSocketExtensionList.parse(["a; b=1; c=\"x\\y\" ;d, e", "f"])
        #expect(elements.map(\.name) == ["a", "e", "f"])
        #expect(elements.first?.parameters == [.init(name: "b", value: "1"), .init(name: "c", value: "xy"), .init(name: "d", value: nil)])
        // A quoted value must unquote to a token (RFC 6455 §9.1); the error
        // ends the line, keeping what came before.
        #expect(WebSocketExtensionList.parse(["a, b; c=\"x\\\"\", d"]).map(\.name) == ["a"])
        #expect(WebSocketExtensionList.parse(["a b, c"]).isEmpty)
    }
}
