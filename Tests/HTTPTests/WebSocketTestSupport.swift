@testable import HTTP

/// Builds frames the way a client sends them: masked, with the shortest
/// length form unless told otherwise.
enum ClientFrame {
    static let maskKey: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]

    static func make(
        _ opcode: UInt8, _ payload: [UInt8], isFinal: Bool = true, reservedBits: UInt8 = 0,
        masked: Bool = true, key: [UInt8] = maskKey
    ) -> [UInt8] {
        var frame: [UInt8] = [(isFinal ? 0x80 : 0) | reservedBits << 4 | opcode]
        let maskBit: UInt8 = masked ? 0x80 : 0
        switch payload.count {
        case 0...125:
            frame.append(maskBit | UInt8(payload.count))
        case 126...0xFFFF:
            frame += [maskBit | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default:
            frame.append(maskBit | 127)
            frame += (0..<8).reversed().map { UInt8(truncatingIfNeeded: payload.count >> ($0 * 8)) }
        }
        guard masked else { return frame + payload }
        frame += key
        return frame + payload.enumerated().map { $0.element ^ key[$0.offset % 4] }
    }

    static func text(_ text: String, isFinal: Bool = true) -> [UInt8] {
        make(0x1, Array(text.utf8), isFinal: isFinal)
    }
}

/// What a decoder made of some input: its events, then the error that
/// stopped it, if any.
struct DecodeOutcome: Equatable {
    var events: [WebSocketEvent] = []
    var closeCode: WebSocketCloseCode?
}

extension WebSocketFrameDecoder {
    /// Feeds `bytes` in the given pieces and collects everything decoded.
    mutating func decode(_ bytes: [UInt8], pieces: [Range<Int>]) -> DecodeOutcome {
        var outcome = DecodeOutcome()
        for piece in pieces {
            let failed = bytes[piece].withUnsafeBytes { buffer in
                var input = buffer
                do throws(WebSocketProtocolError) {
                    while let event = try next(from: &input) {
                        outcome.events.append(event)
                    }
                    precondition(input.isEmpty, "decoder returned nil with input left")
                    return false
                } catch {
                    outcome.closeCode = error.closeCode
                    return true
                }
            }
            if failed {
                break
            }
        }
        return outcome
    }

    mutating func decode(_ bytes: [UInt8]) -> DecodeOutcome {
        decode(bytes, pieces: [0..<bytes.count])
    }

    mutating func decodeByteByByte(_ bytes: [UInt8]) -> DecodeOutcome {
        decode(bytes, pieces: bytes.indices.map { $0..<($0 + 1) })
    }
}

/// Decodes `bytes` with a fresh decoder, whole.
func decodeAll(_ bytes: [UInt8], maxMessageSize: Int = 1 << 20, deflate: PerMessageDeflateAgreement? = nil) -> DecodeOutcome {
    var decoder = WebSocketFrameDecoder(maxMessageSize: maxMessageSize, deflate: deflate)
    return decoder.decode(bytes)
}

/// Deterministic bytes for payloads (a linear congruential generator).
func pseudoRandomBytes(count: Int, seed: UInt64) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return UInt8(truncatingIfNeeded: state >> 33)
    }
}
