extension JSONScanner {
    /// RFC 8259 number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    /// A leading zero followed by a digit (`01`) is rejected; magnitude is not checked
    /// (`1e999` is grammatical), since numbers are passed through, not converted.
    mutating func scanNumber() throws(JSONSyntaxError) {
        if byte(at: position) == UInt8(ascii: "-") { position += 1 }
        guard isDigit(byte(at: position)) else { throw error(.invalidNumber) }
        if byte(at: position) == UInt8(ascii: "0") {
            position += 1
            if isDigit(byte(at: position)) { throw error(.invalidNumber) }
        } else {
            skipDigits()
        }
        if byte(at: position) == UInt8(ascii: ".") {
            position += 1
            try requireDigits()
        }
        if byte(at: position) == UInt8(ascii: "e") || byte(at: position) == UInt8(ascii: "E") {
            position += 1
            if byte(at: position) == UInt8(ascii: "+") || byte(at: position) == UInt8(ascii: "-") {
                position += 1
            }
            try requireDigits()
        }
    }

    private func byte(at offset: Int) -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    private func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func requireDigits() throws(JSONSyntaxError) {
        guard isDigit(byte(at: position)) else { throw error(.invalidNumber) }
        skipDigits()
    }

    private mutating func skipDigits() {
        while isDigit(byte(at: position)) { position += 1 }
    }
}
