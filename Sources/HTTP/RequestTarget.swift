/// The forms of a request-target (RFC 9112 §3.2) and how to take them apart, shared by
/// the HTTP/1 parser (which checks the form) and `HTTPRequest` (which splits it).
enum RequestTarget {
    /// `path` is the target up to '?' (origin-form), the path component of an absolute-form
    /// target ("/" when it has none), or the whole target for the asterisk and authority forms.
    static func pathAndQuery(of target: String) -> (path: String, query: String?) {
        let bytes = target.utf8
        var pathStart = bytes.startIndex
        if let authority = authorityRange(ofAbsoluteForm: target) {
            pathStart = authority.upperBound
        }
        let pathEnd = bytes[pathStart...].firstIndex(of: ASCII.questionMark) ?? bytes.endIndex
        var path = String(target[pathStart..<pathEnd])
        if path.isEmpty && pathStart != bytes.startIndex { path = "/" }
        let query = pathEnd < bytes.endIndex ? String(target[bytes.index(after: pathEnd)...]) : nil
        return (path, query)
    }

    /// The authority of an absolute-form target ("http://host:8080/p" → "host:8080"),
    /// nil when the target is in another form.
    static func authority(ofAbsoluteForm target: String) -> Substring? {
        authorityRange(ofAbsoluteForm: target).map { target[$0] }
    }

    private static func authorityRange(ofAbsoluteForm target: String) -> Range<String.Index>? {
        let bytes = target.utf8
        let schemeEnd: String.Index
        if let end = prefixEnd(bytes, "http://") {
            schemeEnd = end
        } else if let end = prefixEnd(bytes, "https://") {
            schemeEnd = end
        } else {
            return nil
        }
        let authorityEnd = bytes[schemeEnd...].firstIndex {
            $0 == ASCII.slash || $0 == ASCII.questionMark
        } ?? bytes.endIndex
        return schemeEnd..<authorityEnd
    }

    /// Schemes compare case-insensitively (RFC 3986 §3.1).
    private static func prefixEnd(_ bytes: String.UTF8View, _ prefix: String) -> String.Index? {
        guard bytes.count >= prefix.utf8.count else { return nil }
        let end = bytes.index(bytes.startIndex, offsetBy: prefix.utf8.count)
        return ASCII.equalsIgnoringCase(bytes[..<end], prefix.utf8) ? end : nil
    }
}
