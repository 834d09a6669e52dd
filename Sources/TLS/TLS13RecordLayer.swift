/// TLS 1.3 records (RFC 8446 §5) protected by us after OpenSSL completed the
/// handshake and handed over the traffic secrets. Per connection it keeps two
/// directions' keys and sequence numbers, and a partial record only while one is
/// arriving; the SSL object (≈ 14 KiB in OpenSSL 3.0) is freed.
///
/// Loop-confined.
public final class TLS13RecordLayer {
    private var reader: TLS13TrafficState
    private var writer: TLS13TrafficState
    /// The start of a record whose rest has not arrived yet.
    private var partial: [UInt8] = []
    /// The peer asked us to update our keys; done before the next record we seal.
    private var mustSendKeyUpdate = false

    static let headerLength = 5
    /// Largest plaintext in one record.
    public static let maxPlaintext = 16_384
    private static let maxCiphertext = maxPlaintext + 256

    init(reader: TLS13TrafficState, writer: TLS13TrafficState) {
        self.reader = reader
        self.writer = writer
    }

    public enum Inbound: Equatable {
        case open
        /// close_notify: the peer is done.
        case closed
        case failed(String)
    }

    /// Opens every whole record in `bytes` (the loop's read buffer, decrypted in place)
    /// and hands each record's application data to `deliver`.
    public func receive(_ bytes: UnsafeMutableRawBufferPointer, crypto: TLSRecordCrypto,
                        deliver: (UnsafeRawBufferPointer) -> Void) -> Inbound {
        if partial.isEmpty {
            return receiveRecords(in: bytes, crypto: crypto, deliver: deliver)
        }
        partial.append(contentsOf: UnsafeRawBufferPointer(bytes))
        // Still short of its first whole record: keep gathering rather than copy it all again.
        if partial.count < Self.headerLength { return .open }
        let length = Int(partial[3]) << 8 | Int(partial[4])
        if length <= Self.maxCiphertext && partial.count < Self.headerLength + length { return .open }
        var carried = partial
        partial = []
        return carried.withUnsafeMutableBytes { receiveRecords(in: $0, crypto: crypto, deliver: deliver) }
    }

    private func receiveRecords(in buffer: UnsafeMutableRawBufferPointer, crypto: TLSRecordCrypto,
                                deliver: (UnsafeRawBufferPointer) -> Void) -> Inbound {
        var offset = 0
        while buffer.count - offset >= Self.headerLength {
            let type = buffer[offset]
            let length = Int(buffer[offset + 3]) << 8 | Int(buffer[offset + 4])
            guard length <= Self.maxCiphertext else { return .failed("record of \(length) bytes") }
            guard buffer.count - offset >= Self.headerLength + length else { break }
            let header = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + Self.headerLength)])
            let body = UnsafeMutableRawBufferPointer(rebasing: buffer[(offset + Self.headerLength)..<(offset + Self.headerLength + length)])
            offset += Self.headerLength + length
            // A compatibility change_cipher_spec may still trail the handshake (§5); it carries nothing.
            if type == 0x14 { continue }
            guard type == 0x17 else { return .failed("unprotected record of type \(type)") }
            let suite = reader.suite
            guard let opened = reader.protectNext({ key, nonce in
                crypto.open(suite, key: key, nonce: nonce, aad: header, record: body)
            }) else { return .failed("record did not authenticate") }
            // The real content type is the last non-zero byte; zeros after it are padding.
            var end = opened
            while end > 0 && body[end - 1] == 0 { end -= 1 }
            guard end > 0 else { return .failed("record without a content type") }
            let content = UnsafeRawBufferPointer(rebasing: body[0..<(end - 1)])
            switch body[end - 1] {
            case 0x17:
                if !content.isEmpty { deliver(content) }
            case 0x15:
                return content.count >= 2 && content[1] == 0 ? .closed : .failed("alert \(content.count >= 2 ? content[1] : 0)")
            case 0x16:
                if let failure = handshakeMessage(content) { return .failed(failure) }
            default:
                return .failed("content type \(body[end - 1])")
            }
        }
        if offset < buffer.count {
            partial = Array(UnsafeRawBufferPointer(rebasing: buffer[offset...]))
        }
        return .open
    }

    /// After the handshake a client may only send KeyUpdate (§4.6.3).
    private func handshakeMessage(_ message: UnsafeRawBufferPointer) -> String? {
        guard message.count == 5, message[0] == 24, message[1] == 0, message[2] == 0, message[3] == 1 else {
            return "unexpected post-handshake message"
        }
        guard reader.advance() else { return "key update failed" }
        if message[4] == 1 { mustSendKeyUpdate = true }
        return nil
    }

    /// Bytes of records that `plaintextCount` bytes of application data need.
    public static func sealedLength(ofPlaintext plaintextCount: Int) -> Int {
        let records = max(1, (plaintextCount + maxPlaintext - 1) / maxPlaintext)
        return plaintextCount + records * (headerLength + 1 + TLS13Suite.tagLength) + (headerLength + 5 + 1 + TLS13Suite.tagLength)
    }

    /// Seals `plaintext` as application-data records into `output` (sized with
    /// `sealedLength`); returns the bytes written, nil if the cipher failed.
    public func seal(_ plaintext: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, crypto: TLSRecordCrypto) -> Int? {
        var written = 0
        if mustSendKeyUpdate {
            // KeyUpdate(update_not_requested) under the old keys, then the new keys.
            let message: [UInt8] = [24, 0, 0, 1, 0]
            guard let count = message.withUnsafeBytes({ sealRecord($0, type: 0x16, into: output, at: 0, crypto: crypto) }),
                  writer.advance() else { return nil }
            written = count
            mustSendKeyUpdate = false
        }
        var offset = 0
        repeat {
            let chunk = min(Self.maxPlaintext, plaintext.count - offset)
            guard let count = sealRecord(UnsafeRawBufferPointer(rebasing: plaintext[offset..<(offset + chunk)]),
                                         type: 0x17, into: output, at: written, crypto: crypto) else { return nil }
            written += count
            offset += chunk
        } while offset < plaintext.count
        return written
    }

    /// An encrypted close_notify alert (§6.1).
    public func sealCloseNotify(into output: UnsafeMutableRawBufferPointer, crypto: TLSRecordCrypto) -> Int? {
        let alert: [UInt8] = [1, 0]
        return alert.withUnsafeBytes { sealRecord($0, type: 0x15, into: output, at: 0, crypto: crypto) }
    }

    private func sealRecord(_ content: UnsafeRawBufferPointer, type: UInt8, into output: UnsafeMutableRawBufferPointer,
                            at start: Int, crypto: TLSRecordCrypto) -> Int? {
        let innerLength = content.count + 1
        let recordLength = innerLength + TLS13Suite.tagLength
        guard start + Self.headerLength + recordLength <= output.count, let base = output.baseAddress else { return nil }
        let header = base + start
        header.storeBytes(of: 0x17, toByteOffset: 0, as: UInt8.self)
        header.storeBytes(of: 0x03, toByteOffset: 1, as: UInt8.self)
        header.storeBytes(of: 0x03, toByteOffset: 2, as: UInt8.self)
        header.storeBytes(of: UInt8(recordLength >> 8), toByteOffset: 3, as: UInt8.self)
        header.storeBytes(of: UInt8(recordLength & 0xFF), toByteOffset: 4, as: UInt8.self)
        // TLSInnerPlaintext: content || type, sealed in place after the header.
        let body = header + Self.headerLength
        if let source = content.baseAddress { body.copyMemory(from: source, byteCount: content.count) }
        body.storeBytes(of: type, toByteOffset: content.count, as: UInt8.self)
        let suite = writer.suite
        let sealed = writer.protectNext { key, nonce in
            crypto.seal(suite, key: key, nonce: nonce, aad: UnsafeRawBufferPointer(start: header, count: Self.headerLength),
                        plaintext: UnsafeRawBufferPointer(start: body, count: innerLength), output: body)
        }
        return sealed ? Self.headerLength + recordLength : nil
    }
}
