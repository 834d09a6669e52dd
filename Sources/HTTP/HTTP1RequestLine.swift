/// method SP request-target SP HTTP-version (RFC 9112 §3), with exactly one space between
/// the parts: lenient whitespace splitting is how request smuggling starts.
struct HTTP1RequestLine {
    let method: HTTPMethod
    let target: String
    let version: HTTPVersion

    init(validating line: UnsafeBufferPointer<UInt8>) throws(HTTP1ParseError) {
        var index = 0
        while index < line.count && ASCII.isTokenChar(line[index]) { index += 1 }
        let methodEnd = index
        guard methodEnd > 0 else { throw .badRequest("request line does not start with a method") }
        guard index < line.count else { throw .badRequest("request line has no target") }
        guard line[index] == ASCII.space else { throw .badRequest("invalid character in method") }

        index += 1
        let targetStart = index
        while index < line.count && ASCII.isTargetByte(line[index]) { index += 1 }
        let targetEnd = index
        guard targetEnd > targetStart else { throw .badRequest("empty request target") }
        guard index < line.count else { throw .badRequest("request line has no HTTP version") }
        guard line[index] == ASCII.space else { throw .badRequest("invalid character in request target") }

        version = try Self.version(UnsafeBufferPointer(rebasing: line[(index + 1)...]))
        method = HTTPMethod(String(decoding: UnsafeBufferPointer(rebasing: line[..<methodEnd]), as: UTF8.self))
        target = String(decoding: UnsafeBufferPointer(rebasing: line[targetStart..<targetEnd]), as: UTF8.self)
        try Self.checkForm(of: target, method: method)
    }

    /// "HTTP/" DIGIT "." DIGIT; well-formed versions other than 1.0 and 1.1 get 505
    /// (an HTTP/2 preface sent to this parser lands here too).
    private static func version(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTP1ParseError) -> HTTPVersion {
        guard bytes.count == 8,
              bytes.starts(with: "HTTP/".utf8),
              ASCII.isDigit(bytes[5]), bytes[6] == UInt8(ascii: "."), ASCII.isDigit(bytes[7])
        else { throw .badRequest("malformed HTTP version") }
        switch (bytes[5], bytes[7]) {
        case (UInt8(ascii: "1"), UInt8(ascii: "1")): return .http1_1
        case (UInt8(ascii: "1"), UInt8(ascii: "0")): return .http1_0
        default: throw .unsupportedVersion
        }
    }

    /// origin-form for everything, absolute-form with an http(s) authority, "*" only for
    /// OPTIONS, authority-form only for CONNECT (RFC 9112 §3.2).
    private static func checkForm(of target: String, method: HTTPMethod) throws(HTTP1ParseError) {
        if target == "*" {
            guard method == .options else { throw .badRequest("asterisk target outside OPTIONS") }
        } else if target.utf8.first == ASCII.slash || method == .connect {
            return
        } else if let authority = RequestTarget.authority(ofAbsoluteForm: target) {
            guard !authority.isEmpty else { throw .badRequest("absolute target without a host") }
        } else {
            throw .badRequest("request target is neither a path nor an absolute http URI")
        }
    }
}
