import Bayeux
import HTTP
import IO

/// Everything under FAYE_MOUNT, in Faye's order (protocol.md §8): static client files,
/// CORS preflight, WebSocket upgrade, EventSource, then long-polling and JSONP.
enum BayeuxHTTPTransport {
    static func handle(_ exchange: HTTPExchange, state: EdgeState) {
        let request = exchange.request
        if request.path.hasByteSuffix(".js") || request.path.hasByteSuffix(".map") {
            // Faye serves its browser client here; Debian's ruby-faye ships none, so it 404s as there.
            exchange.respond(HTTPResponse(status: 404))
            return
        }
        if request.method == .options || request.headers[first: "Access-Control-Request-Method"] == "POST" {
            exchange.respond(BayeuxHTTPHeaders.preflight(request))
            return
        }
        if request.isUpgradeToWebSocket {
            WebSocketTransport.accept(exchange, state: state)
            return
        }
        if request.method == .get, request.headers[first: "Accept"]?.contains("text/event-stream") == true {
            EventSourceTransport.open(exchange, state: state)
            return
        }
        guard let carried = BayeuxHTTPRequest(request), let batch = try? BayeuxBatch.parse(carried.messages) else {
            state.metrics.bayeuxBadMessages.increment()
            exchange.respond(BayeuxHTTPHeaders.badRequest())
            return
        }
        let origin = request.headers[first: "Origin"]
        let answer = LongPollAnswer(format: carried.format, origin: origin)
        let owned = LoopBound(exchange)
        let loop = exchange.loop
        state.bayeux.process(batch, context: BayeuxRequestContext(origin: origin, transport: carried.transport)) { result in
            loop.run { LongPollHold.begin(owned.value, result: result, answer: answer, state: state) }
        }
    }
}

/// How a long-poll response is written: JSON, or JSONP around it.
struct LongPollAnswer: Sendable {
    let format: BayeuxHTTPRequest.Format
    let origin: String?

    func response(replies: [[UInt8]], connect: [UInt8]?, deliveries: [BayeuxDelivery]) -> HTTPResponse {
        switch format {
        case .json:
            let body = BayeuxJSONReply.array(replies: replies, connect: connect, deliveries: deliveries)
            return HTTPResponse(status: 200, headers: BayeuxHTTPHeaders.reply(BayeuxHTTPHeaders.json, origin: origin), body: body)
        case .jsonp(let callback):
            let json = BayeuxJSONReply.array(replies: replies, connect: connect, deliveries: deliveries, lineSeparators: .escaped)
            var body = Array("/**/\(callback)(".utf8)
            body += json
            body += Array(");".utf8)
            var headers = BayeuxHTTPHeaders.reply(BayeuxHTTPHeaders.javascript, origin: origin)
            headers.add("Content-Disposition", "attachment; filename=f.txt")
            return HTTPResponse(status: 200, headers: headers, body: body)
        }
    }
}
