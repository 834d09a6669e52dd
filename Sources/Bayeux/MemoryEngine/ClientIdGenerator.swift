/// Faye-style client ids (`Engine.random` in `proxy.rb`): 160 random bits written in
/// lowercase base 36 and left-padded with `0` to 31 characters (36^31 > 2^160).
enum ClientIdGenerator {
    private static let length = 31

    static func make<Generator: RandomNumberGenerator>(using generator: inout Generator) -> String {
        // 160 bits as five 32-bit limbs, most significant first.
        var limbs = (0..<5).map { _ in UInt32.random(in: .min ... .max, using: &generator) }
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: length)
        for position in stride(from: length - 1, through: 0, by: -1) {
            var remainder: UInt64 = 0
            for index in limbs.indices {
                let dividend = remainder << 32 | UInt64(limbs[index])
                limbs[index] = UInt32(dividend / 36)
                remainder = dividend % 36
            }
            digits[position] = alphabet[Int(remainder)]
        }
        return String(decoding: digits, as: UTF8.self)
    }

    private static let alphabet: [UInt8] = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
}
