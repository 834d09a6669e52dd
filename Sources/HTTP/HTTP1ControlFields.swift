/// What the fields that control framing and the connection say (Host, Content-Length,
/// Transfer-Encoding, Connection, Upgrade, Expect), gathered from the raw bytes while the
/// head is parsed, so no check walks the header list again.
struct HTTP1ControlFields: Sendable {
    private(set) var hostCount = 0
    /// Nil without Content-Length; a value too big for an Int is Int.max, simply too large.
    private(set) var contentLength: Int?
    private(set) var hasTransferEncoding = false
    private(set) var transferCodingCount = 0
    private(set) var chunkedCount = 0
    private(set) var isChunkedLast = false
    private(set) var hasConnectionClose = false
    private(set) var hasConnectionKeepAlive = false
    private(set) var hasConnectionUpgrade = false
    private(set) var isUpgradeToWebSocketOffered = false
    private(set) var expectsContinue = false

    mutating func note(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) throws(HTTP1ParseError) {
        switch name.count {
        case 4 where ASCII.equalsIgnoringCase(name, "Host"):
            hostCount += 1
        case 6 where ASCII.equalsIgnoringCase(name, "Expect"):
            expectsContinue = expectsContinue || HTTPList.contains("100-continue", in: value)
        case 7 where ASCII.equalsIgnoringCase(name, "Upgrade"):
            isUpgradeToWebSocketOffered = isUpgradeToWebSocketOffered || HTTPList.contains("websocket", in: value)
        case 10 where ASCII.equalsIgnoringCase(name, "Connection"):
            HTTPList.forEachElement(in: value) { option in
                hasConnectionClose = hasConnectionClose || ASCII.equalsIgnoringCase(option, "close")
                hasConnectionKeepAlive = hasConnectionKeepAlive || ASCII.equalsIgnoringCase(option, "keep-alive")
                hasConnectionUpgrade = hasConnectionUpgrade || ASCII.equalsIgnoringCase(option, "upgrade")
                return true
            }
        case 14 where ASCII.equalsIgnoringCase(name, "Content-Length"):
            try noteContentLength(value)
        case 17 where ASCII.equalsIgnoringCase(name, "Transfer-Encoding"):
            hasTransferEncoding = true
            HTTPList.forEachElement(in: value) { coding in
                transferCodingCount += 1
                isChunkedLast = ASCII.equalsIgnoringCase(coding, "chunked")
                if isChunkedLast { chunkedCount += 1 }
                return true
            }
        default:
            break
        }
    }

    /// Digits only; repeated fields must agree.
    private mutating func noteContentLength(_ value: UnsafeBufferPointer<UInt8>) throws(HTTP1ParseError) {
        guard !value.isEmpty, value.allSatisfy(ASCII.isDigit) else {
            throw .badRequest("Content-Length is not a decimal number")
        }
        let length = value.reduce(0) { length, digit in
            let (shifted, overflow) = length.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
            return overflow || carry ? Int.max : sum
        }
        if let contentLength, contentLength != length { throw .badRequest("conflicting Content-Length values") }
        contentLength = length
    }
}
