import COpenSSL

/// AEAD contexts shared by every connection of one event loop. Each record is sealed
/// or opened after setting that connection's key and nonce on the shared context, so
/// a connection keeps 32-byte keys instead of two ~1 KiB cipher contexts: the
/// difference between an idle TLS session costing kilobytes and costing bytes.
///
/// Loop-confined: one per loop, used by that loop's connections only.
public final class TLSRecordCrypto {
    private struct Contexts {
        let seal: OpaquePointer
        let open: OpaquePointer
    }

    private var contexts: [TLS13Suite: Contexts] = [:]

    public init() {}

    deinit {
        for context in contexts.values {
            EVP_CIPHER_CTX_free(context.seal)
            EVP_CIPHER_CTX_free(context.open)
        }
    }

    private func contexts(for suite: TLS13Suite) -> Contexts? {
        if let existing = contexts[suite] { return existing }
        guard let cipher = EVP_CIPHER_fetch(nil, suite.cipherName, nil) else { return nil }
        defer { EVP_CIPHER_free(cipher) }
        guard let seal = EVP_CIPHER_CTX_new(), let open = EVP_CIPHER_CTX_new() else { return nil }
        guard EVP_CipherInit_ex(seal, cipher, nil, nil, nil, 1) == 1,
              EVP_CipherInit_ex(open, cipher, nil, nil, nil, 0) == 1 else {
            EVP_CIPHER_CTX_free(seal)
            EVP_CIPHER_CTX_free(open)
            return nil
        }
        let made = Contexts(seal: seal, open: open)
        contexts[suite] = made
        return made
    }

    /// Encrypts `plaintext` to `output` (which must hold plaintext.count + 16 bytes) and
    /// appends the tag. `aad` is the record header.
    func seal(_ suite: TLS13Suite, key: UnsafeRawBufferPointer, nonce: UnsafeRawBufferPointer,
              aad: UnsafeRawBufferPointer, plaintext: UnsafeRawBufferPointer, output: UnsafeMutableRawPointer) -> Bool {
        guard let ctx = contexts(for: suite)?.seal else { return false }
        var length: Int32 = 0
        guard EVP_CipherInit_ex(ctx, nil, nil, key.bindMemory(to: UInt8.self).baseAddress,
                                nonce.bindMemory(to: UInt8.self).baseAddress, 1) == 1,
              EVP_CipherUpdate(ctx, nil, &length, aad.bindMemory(to: UInt8.self).baseAddress, Int32(aad.count)) == 1,
              EVP_CipherUpdate(ctx, output.assumingMemoryBound(to: UInt8.self), &length,
                               plaintext.bindMemory(to: UInt8.self).baseAddress, Int32(plaintext.count)) == 1 else { return false }
        var finalLength: Int32 = 0
        guard EVP_CipherFinal_ex(ctx, output.assumingMemoryBound(to: UInt8.self) + Int(length), &finalLength) == 1 else { return false }
        return COpenSSL_EVP_CIPHER_CTX_get_tag(ctx, output + plaintext.count) == 1
    }

    /// Decrypts in place: `record` is ciphertext followed by the tag. Returns the
    /// plaintext length, nil if the record does not authenticate.
    func open(_ suite: TLS13Suite, key: UnsafeRawBufferPointer, nonce: UnsafeRawBufferPointer,
              aad: UnsafeRawBufferPointer, record: UnsafeMutableRawBufferPointer) -> Int? {
        guard record.count >= TLS13Suite.tagLength, let ctx = contexts(for: suite)?.open else { return nil }
        let textLength = record.count - TLS13Suite.tagLength
        let text = record.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var length: Int32 = 0
        guard EVP_CipherInit_ex(ctx, nil, nil, key.bindMemory(to: UInt8.self).baseAddress,
                                nonce.bindMemory(to: UInt8.self).baseAddress, 0) == 1,
              EVP_CipherUpdate(ctx, nil, &length, aad.bindMemory(to: UInt8.self).baseAddress, Int32(aad.count)) == 1,
              EVP_CipherUpdate(ctx, text, &length, text, Int32(textLength)) == 1,
              COpenSSL_EVP_CIPHER_CTX_set_tag(ctx, record.baseAddress! + textLength) == 1 else { return nil }
        var finalLength: Int32 = 0
        guard EVP_CipherFinal_ex(ctx, text + Int(length), &finalLength) == 1 else { return nil }
        return textLength
    }
}
