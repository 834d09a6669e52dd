import HTTP
import IO

/// What a `WebSocketClient` tells the session that owns it.
protocol WebSocketOwner: AnyObject {
    /// The upgrade was accepted: text may be sent.
    func webSocketOpened()
    func received(text: UnsafeRawBufferPointer)
    func webSocketClosed(_ reason: String)
}

/// A WebSocket client over a `ClientStream`: sends the upgrade request, checks the
/// 101 and its accept key, then decodes the server's frames and masks its own.
/// Pings are answered; a close frame closes the connection.
///
/// Loop-confined.
final class WebSocketClient<Owner: WebSocketOwner>: StreamOwner {
    private enum Phase {
        case opening
        case upgrading(expectedAccept: String)
        case open
        case closed
    }

    private let environment: ClientEnvironment
    private let origin: String?
    unowned let owner: Owner
    private var stream: ClientStream<WebSocketClient<Owner>>!
    private var phase = Phase.opening
    private var responseReader = HTTPResponseReader(maxBytes: 16 * 1024)
    private var decoder = ServerFrameDecoder(maxMessageBytes: 1 << 20)

    init(connection index: Int, origin: String?, environment: ClientEnvironment, owner: Owner) throws {
        self.environment = environment
        self.origin = origin
        self.owner = owner
        stream = try ClientStream(connection: index, environment: environment, owner: self)
    }

    var cipherName: String { stream.cipherName }

    func sendText(_ text: [UInt8]) {
        stream.withOutput { [environment] output in
            ClientFrameEncoder.appendText(text, mask: environment.masks.next(), into: &output)
        }
    }

    func close(_ reason: String) {
        stream.close(reason)
    }

    // MARK: StreamOwner

    func streamOpened() {
        let key = UpgradeKey.make(&environment.masks)
        guard case .success(let accept) = WebSocketHandshake.accept(key: key, version: WebSocketHandshake.version) else {
            fatalError("UpgradeKey made a key the handshake rejects: \(key)")
        }
        phase = .upgrading(expectedAccept: accept)
        var request = "GET \(environment.url.path) HTTP/1.1\r\nHost: \(environment.url.authority)\r\n"
        request += "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: \(key)\r\nSec-WebSocket-Version: 13\r\n"
        if let origin { request += "Origin: \(origin)\r\n" }
        request += "\r\n"
        stream.withOutput { $0.append(contentsOf: request.utf8) }
    }

    func streamReceived(_ bytes: UnsafeRawBufferPointer) {
        switch phase {
        case .upgrading(let expectedAccept):
            responseReader.append(bytes)
            let response: HTTPResponseReader.Response?
            do { response = try responseReader.next() } catch {
                stream.close("upgrade: bad HTTP response (\(error))")
                return
            }
            guard let response else { return }
            guard response.status == 101, response.header("sec-websocket-accept") == expectedAccept else {
                stream.close("upgrade refused: HTTP \(response.status)")
                return
            }
            phase = .open
            owner.webSocketOpened()
            let rest = responseReader.takeRemainder()
            if !rest.isEmpty { rest.withUnsafeBytes { decodeFrames($0) } }
        case .open:
            decodeFrames(bytes)
        case .opening, .closed:
            break
        }
    }

    private func decodeFrames(_ bytes: UnsafeRawBufferPointer) {
        do {
            try decoder.decode(bytes) { opcode, payload in
                switch opcode {
                case .text: owner.received(text: payload)
                case .ping:
                    stream.withOutput { [environment] in
                        ClientFrameEncoder.append(.pong, payload: payload, mask: environment.masks.next(), into: &$0)
                    }
                case .close: stream.close("WebSocket closed by the server")
                case .binary, .pong, .continuation: break
                }
            }
        } catch {
            stream.close("WebSocket: bad frame from the server (\(error))")
        }
    }

    func streamClosed(_ reason: String) {
        phase = .closed
        owner.webSocketClosed(reason)
    }
}

/// Sec-WebSocket-Key values: base64 of 16 bytes is 21 free characters, one of "AQgw"
/// (the last two bits of the 16th byte, padded with zeros) and "==".
enum UpgradeKey {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let lastCharacters = Array("AQgw".utf8)

    static func make(_ random: inout MaskKeys) -> String {
        var key = (0..<21).map { _ in alphabet[Int(random.next() & 63)] }
        key.append(lastCharacters[Int(random.next() & 3)])
        key += Array("==".utf8)
        return String(decoding: key, as: UTF8.self)
    }
}
