/// Comparison of secrets whose running time does not depend on where they differ.
enum ConstantTime {
    /// Whether `given` equals `secret`. Every byte of `secret` is visited whatever `given` is:
    /// a length difference is folded into the result instead of returning early, so timing
    /// reveals at most the secret's length, never how much of it was guessed right.
    static func equals(_ given: [UInt8], _ secret: [UInt8]) -> Bool {
        var difference: UInt8 = given.count == secret.count ? 0 : 1
        for index in secret.indices {
            let guess = index < given.count ? given[index] : 0
            difference |= guess ^ secret[index]
        }
        return difference == 0
    }
}
