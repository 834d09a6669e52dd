/// What an `HTTPClient` tells the client logic that owns it.
protocol HTTPClientOwner: AnyObject {
    func httpOpened()
    func received(_ response: HTTPResponseReader.Response)
    func httpClosed(_ reason: String)
}

/// HTTP/1.1 requests over one keep-alive TLS connection, one at a time.
///
/// Loop-confined.
final class HTTPClient<Owner: HTTPClientOwner>: StreamOwner {
    private let environment: ClientEnvironment
    unowned let owner: Owner
    private var stream: ClientStream<HTTPClient<Owner>>!
    private var reader = HTTPResponseReader()

    init(connection index: Int, environment: ClientEnvironment, owner: Owner) throws {
        self.environment = environment
        self.owner = owner
        stream = try ClientStream(connection: index, environment: environment, owner: self)
    }

    var cipherName: String { stream.cipherName }

    /// POSTs a JSON body to the URL's path.
    func post(json body: [UInt8]) {
        let url = environment.url
        let head = "POST \(url.path) HTTP/1.1\r\nHost: \(url.authority)\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.count)\r\n\r\n"
        stream.withOutput { output in
            output.append(contentsOf: head.utf8)
            output.append(contentsOf: body)
        }
    }

    /// GETs the URL's path and asks the server to close the connection after answering.
    func getAndClose() {
        let url = environment.url
        let request = "GET \(url.path) HTTP/1.1\r\nHost: \(url.authority)\r\nConnection: close\r\n\r\n"
        stream.withOutput { $0.append(contentsOf: request.utf8) }
    }

    func close(_ reason: String) {
        stream.close(reason)
    }

    func streamOpened() {
        owner.httpOpened()
    }

    func streamReceived(_ bytes: UnsafeRawBufferPointer) {
        reader.append(bytes)
        while stream.isOpen {
            let response: HTTPResponseReader.Response?
            do { response = try reader.next() } catch {
                stream.close("bad HTTP response (\(error))")
                return
            }
            guard let response else { return }
            owner.received(response)
        }
    }

    func streamClosed(_ reason: String) {
        owner.httpClosed(reason)
    }
}
