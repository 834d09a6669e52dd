/// `application/x-www-form-urlencoded` and query strings: `a=1&b=x%20y+z`. Used for
/// Bayeux's `message=` and `jsonp=` parameters (GET query, form POST).
public enum FormURLEncoded {
    /// The first value of `name`, percent-decoded with `+` as space; nil if absent or
    /// not valid percent-encoding.
    public static func value(of name: String, in encoded: some Collection<UInt8>) -> [UInt8]? {
        let wanted = Array(name.utf8)
        for pair in encoded.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let key = pair.prefix { $0 != UInt8(ascii: "=") }
            guard let decodedKey = decode(key), decodedKey == wanted else { continue }
            let value = pair.dropFirst(key.count + 1)
            return decode(value)
        }
        return nil
    }

    public static func decode(_ encoded: some Collection<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count)
        var iterator = encoded.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                output.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(ASCII.hexDigitValue),
                      let low = iterator.next().flatMap(ASCII.hexDigitValue) else { return nil }
                output.append(UInt8(high << 4 | low))
            default:
                output.append(byte)
            }
        }
        return output
    }
}
