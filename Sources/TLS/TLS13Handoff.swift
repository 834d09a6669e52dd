import COpenSSL
import Glibc

/// Collects what the record-layer hand-off needs while OpenSSL runs the handshake:
/// the two application traffic secrets (from OpenSSL's key-log callback) and the
/// number of records written under the server's application keys.
///
/// Loop-confined, like the TLSConnection whose SSL points at it.
final class TLS13Handoff {
    var clientSecret: [UInt8]?
    var serverSecret: [UInt8]?
    var recordsWritten = 0

    /// Records the application traffic secrets of `line` ("LABEL client_random secret"),
    /// read straight from OpenSSL's C string: this runs five times per handshake.
    func note(keyLogLine line: UnsafePointer<CChar>) {
        let clientLabel = "CLIENT_TRAFFIC_SECRET_0 "
        let serverLabel = "SERVER_TRAFFIC_SECRET_0 "
        let isClient = strncmp(line, clientLabel, clientLabel.utf8.count) == 0
        guard isClient || strncmp(line, serverLabel, serverLabel.utf8.count) == 0 else { return }
        // Skip the label and the client random: the secret is the third field.
        guard let randomEnd = strchr(line + clientLabel.utf8.count, Int32(UInt8(ascii: " "))) else { return }
        let secret = Self.bytes(fromHex: UnsafeRawPointer(randomEnd + 1).assumingMemoryBound(to: UInt8.self))
        if isClient { clientSecret = secret } else { serverSecret = secret }
    }

    private static func bytes(fromHex hex: UnsafePointer<UInt8>) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(48)
        var cursor = hex
        while cursor.pointee != 0 {
            guard let high = nibble(cursor.pointee), let low = nibble(cursor[1]) else { return nil }
            bytes.append(high << 4 | low)
            cursor += 2
        }
        return bytes.isEmpty ? nil : bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    func wipe() {
        if clientSecret != nil { clientSecret!.withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: 0) } }
        if serverSecret != nil { serverSecret!.withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: 0) } }
        clientSecret = nil
        serverSecret = nil
    }
}

/// OpenSSL's key-log callback, installed on every server context.
func recordKeyLogLine(_ ssl: OpaquePointer?, _ line: UnsafePointer<CChar>?) {
    guard let ssl, let line, let owner = COpenSSL_SSL_get_app_data(ssl) else { return }
    Unmanaged<TLS13Handoff>.fromOpaque(owner).takeUnretainedValue().note(keyLogLine: line)
}

/// Counts records written while the session ticket goes out, to know the server's
/// write sequence number at the hand-off.
func countWrittenRecords(_ isWrite: Int32, _ version: Int32, _ contentType: Int32, _ buffer: UnsafeRawPointer?,
                         _ length: Int, _ ssl: OpaquePointer?, _ argument: UnsafeMutableRawPointer?) {
    guard isWrite == 1, contentType == SSL3_RT_HEADER, let argument else { return }
    Unmanaged<TLS13Handoff>.fromOpaque(argument).takeUnretainedValue().recordsWritten += 1
}
