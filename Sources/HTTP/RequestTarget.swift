/// The forms of a request-target (RFC 9112 §3.2) and how to take them apart, shared by
/// the HTTP/1 parser (which checks the form) and `HTTPRequest` (which splits it).
enum RequestTarget {
    /// `path` is the target up to '?' (origin-form), the path component of an absolute-form
    /// target ("/" when it has none), or the whole target for the asterisk and authority forms.
    static func pathAndQuery(of target: String) -> (path: String, query: String?) {
        ASCII.withUTF8(target) { bytes in
            let pathStart = authorityRange(ofAbsoluteForm: bytes)?.upperBound ?? 0
            var pathEnd = pathStart
            while pathEnd < bytes.count && bytes[pathEnd] != ASCII.questionMark { pathEnd += 1 }
            // The common "/faye" shares the target's storage instead of copying it.
            if pathStart == 0 && pathEnd == bytes.count { return (target, nil) }
            let path = pathStart == pathEnd && pathStart > 0 ? "/" : string(bytes, pathStart..<pathEnd)
            let query = pathEnd < bytes.count ? string(bytes, (pathEnd + 1)..<bytes.count) : nil
            return (path, query)
        }
    }

    /// The authority of an absolute-form target ("http://host:8080/p" → "host:8080"),
    /// nil when the target is in another form.
    static func authority(ofAbsoluteForm target: String) -> String? {
        ASCII.withUTF8(target) { bytes in
            authorityRange(ofAbsoluteForm: bytes).map { string(bytes, $0) }
        }
    }

    private static func authorityRange(ofAbsoluteForm bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard let authorityStart = prefixLength(bytes, "http://") ?? prefixLength(bytes, "https://") else {
            return nil
        }
        var authorityEnd = authorityStart
        while authorityEnd < bytes.count && bytes[authorityEnd] != ASCII.slash && bytes[authorityEnd] != ASCII.questionMark {
            authorityEnd += 1
        }
        return authorityStart..<authorityEnd
    }

    /// Schemes compare case-insensitively (RFC 3986 §3.1).
    private static func prefixLength(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: String) -> Int? {
        let length = prefix.utf8.count
        guard bytes.count >= length,
              ASCII.equalsIgnoringCase(UnsafeBufferPointer(rebasing: bytes[..<length]), prefix)
        else { return nil }
        return length
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
