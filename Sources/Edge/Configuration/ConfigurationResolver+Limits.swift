extension ConfigurationResolver {
    mutating func resolveLimits() -> ConnectionLimits {
        var limits = ConnectionLimits()
        let seconds = "a number of seconds greater than 0 and at most 86400"
        func duration(_ text: String) -> Double? {
            Double(text).flatMap { $0 > 0 && $0 <= 86_400 ? $0 : nil }
        }
        limits.handshakeTimeout = parsed(.handshakeTimeout, expected: seconds, duration) ?? limits.handshakeTimeout
        limits.requestTimeout = parsed(.requestTimeout, expected: seconds, duration) ?? limits.requestTimeout
        limits.keepAliveTimeout = parsed(.keepAliveTimeout, expected: seconds, duration) ?? limits.keepAliveTimeout
        limits.drainTimeout = parsed(.drainTimeout, expected: seconds, duration) ?? limits.drainTimeout
        limits.maxMessageBytes = parsed(.maxMessageSize, expected: "a number of bytes from 1024 to 67108864") {
            ValueSyntax.integer($0, in: 1024...(64 << 20))
        } ?? limits.maxMessageBytes
        limits.maxPendingOutputBytes = parsed(.maxOutputBuffer, expected: "a number of bytes from 65536 to 1073741824") {
            ValueSyntax.integer($0, in: (64 << 10)...(1 << 30))
        } ?? limits.maxPendingOutputBytes
        return limits
    }
}
