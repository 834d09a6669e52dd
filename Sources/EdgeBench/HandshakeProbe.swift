/// One of the `handshakes` command's C concurrent slots: a new TLS connection, one
/// `GET` with `Connection: close`, the whole response, close; then again, until told
/// to stop. Only connections that got a 200 count as handshakes.
///
/// Loop-confined.
final class HandshakeProbe: HTTPClientOwner {
    private let index: Int
    private unowned let run: HandshakeRun
    private var http: HTTPClient<HandshakeProbe>?
    private var isAnswered = false

    init(index: Int, run: HandshakeRun) {
        self.index = index
        self.run = run
    }

    func start() {
        isAnswered = false
        do {
            http = try HTTPClient(connection: index, environment: run.environment, owner: self)
        } catch {
            run.failed("\(error)")
            // Out of sockets or ports: wait for the next tick instead of spinning.
            run.retryLater(self)
        }
    }

    func httpOpened() {
        http?.getAndClose()
    }

    func received(_ response: HTTPResponseReader.Response) {
        isAnswered = true
        if response.status == 200 {
            run.completed(cipher: http?.cipherName ?? "")
        } else {
            run.failed("HTTP \(response.status)")
        }
        // Like wrk with Connection: close: done once the response is read.
        http?.close("done")
    }

    func httpClosed(_ reason: String) {
        if !isAnswered { run.failed(reason) }
        http = nil
        if run.isRunning { start() }
    }
}
